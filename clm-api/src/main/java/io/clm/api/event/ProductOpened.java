package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Objects;

/**
 * The customer opened a product.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when the product was opened
 * @param product the kind of product
 */
@Stable
public record ProductOpened(String id, CustomerId customer, Instant at, ProductType product)
    implements Event {

  /**
   * Validates the event.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when the product was opened
   * @param product the kind of product
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if the id is blank or too long
   */
  public ProductOpened {
    Checks.common(id, customer, at);
    Objects.requireNonNull(product, "product");
  }

  /**
   * Always {@link EventType#PRODUCT_OPENED}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.PRODUCT_OPENED;
  }
}
