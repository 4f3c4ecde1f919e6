package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Objects;

/**
 * The customer granted or withdrew consent for a purpose. Until a grant arrives, consent is
 * withheld. The latest timestamp wins, whatever the order of arrival.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when consent was given or withdrawn
 * @param purpose the purpose
 * @param granted true to grant, false to withdraw
 */
@Stable
public record ConsentChange(
    String id, CustomerId customer, Instant at, Purpose purpose, boolean granted) implements Event {

  /**
   * Validates the change.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when consent was given or withdrawn
   * @param purpose the purpose
   * @param granted true to grant, false to withdraw
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if the id is blank or too long
   */
  public ConsentChange {
    Checks.common(id, customer, at);
    Objects.requireNonNull(purpose, "purpose");
  }

  /**
   * Always {@link EventType#CONSENT_CHANGE}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.CONSENT_CHANGE;
  }
}
