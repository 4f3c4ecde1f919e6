package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;

/**
 * A person moves a customer to a stage by hand, with a reason, as relationship managers do in a
 * CRM. The model decides whether manual moves are allowed and where to; in a forward-only model this
 * is the only way back to an earlier stage.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when the move was made
 * @param toStage the stage to move to, 1 to 64 characters
 * @param actor who made the move, 1 to 128 characters
 * @param reason why, 1 to 1000 characters
 */
@Stable
public record ManualMove(
    String id, CustomerId customer, Instant at, String toStage, String actor, String reason)
    implements Event {

  /**
   * Validates the event.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when the move was made
   * @param toStage the stage to move to
   * @param actor who made the move, 1 to 128 characters
   * @param reason why, 1 to 1000 characters
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if a text is blank or too long
   */
  public ManualMove {
    Checks.common(id, customer, at);
    Checks.text(toStage, "to stage", Checks.MAX_STAGE_LENGTH);
    Checks.text(actor, "actor", Checks.MAX_ID_LENGTH);
    Checks.text(reason, "reason", Checks.MAX_REASON_LENGTH);
  }

  /**
   * Always {@link EventType#MANUAL_MOVE}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.MANUAL_MOVE;
  }
}
