package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;

/**
 * The customer ended the relationship. Seed 000's termination stage needs both: no more business,
 * and all debts and claims settled.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when the relationship was closed
 * @param debtsSettled whether all debts and claims between bank and customer are settled
 */
@Stable
public record RelationshipClosed(String id, CustomerId customer, Instant at, boolean debtsSettled)
    implements Event {

  /**
   * Validates the event.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when the relationship was closed
   * @param debtsSettled whether all debts and claims between bank and customer are settled
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if the id is blank or too long
   */
  public RelationshipClosed {
    Checks.common(id, customer, at);
  }

  /**
   * Always {@link EventType#RELATIONSHIP_CLOSED}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.RELATIONSHIP_CLOSED;
  }
}
