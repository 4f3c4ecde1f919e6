package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import io.clm.api.event.Event;
import java.util.Objects;

/**
 * A lifecycle event waiting in a {@link TicketStore}'s outbox to be delivered to the lifecycle
 * engine. The event id is stable, so the engine's idempotency drops a repeated delivery.
 *
 * @param id the outbox id, increasing in the order events were saved
 * @param event the event
 */
@Experimental
public record OutboxEvent(long id, Event event) {
  /**
   * Validates the entry.
   *
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalArgumentException if {@code id} is below 1
   * @param id the outbox id, increasing in the order events were saved
   * @param event the event
   */
  public OutboxEvent {
    Objects.requireNonNull(event, "event");
    if (id < 1) {
      throw new IllegalArgumentException("outbox id " + id + " is below 1");
    }
  }
}
