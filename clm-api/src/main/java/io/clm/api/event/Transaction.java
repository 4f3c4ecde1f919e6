package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Objects;

/**
 * A financial transaction on one of the customer's products.
 *
 * @param id unique event id (the posting id)
 * @param customer the customer
 * @param at when it was booked
 * @param direction debit or credit, seen from the customer's account
 * @param amount the amount, not negative, in the engine's currency
 * @param product the kind of product it was booked on
 * @param channel where it was made
 */
@Stable
public record Transaction(
    String id,
    CustomerId customer,
    Instant at,
    Direction direction,
    Money amount,
    ProductType product,
    Channel channel)
    implements Event {

  /**
   * Validates the transaction.
   *
   * @param id unique event id (the posting id)
   * @param customer the customer
   * @param at when it was booked
   * @param direction debit or credit, seen from the customer's account
   * @param amount the amount, not negative, in the engine's currency
   * @param product the kind of product it was booked on
   * @param channel where it was made
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if the id is blank or too long, or the amount is
   *     negative
   */
  public Transaction {
    Checks.common(id, customer, at);
    Objects.requireNonNull(direction, "direction");
    Checks.nonNegative(amount, "amount", id);
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(channel, "channel");
  }

  /**
   * Always {@link EventType#TRANSACTION}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.TRANSACTION;
  }
}
