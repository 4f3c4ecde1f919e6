package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One atomic write to a {@link TicketStore}: what one desk operation changed.
 *
 * @param tickets tickets to insert or replace
 * @param files customer files to insert or replace
 * @param erasedFiles customers whose file is removed (erasure)
 * @param events lifecycle events to append to the outbox, in order
 * @param deskTime the desk clock after the operation
 */
@Experimental
public record TicketChange(
    List<StoredTicket> tickets, List<ComplaintFile> files, List<CustomerId> erasedFiles, List<Event> events,
    Instant deskTime) {

  /**
   * Validates and copies the change.
   *
   * @throws NullPointerException if a component or an element is null
   * @param tickets tickets to insert or replace
   * @param files customer files to insert or replace
   * @param erasedFiles customers whose file is removed (erasure)
   * @param events lifecycle events to append to the outbox, in order
   * @param deskTime the desk clock after the operation
   */
  public TicketChange {
    tickets = List.copyOf(tickets);
    files = List.copyOf(files);
    erasedFiles = List.copyOf(erasedFiles);
    events = List.copyOf(events);
    Objects.requireNonNull(deskTime, "deskTime");
  }
}
