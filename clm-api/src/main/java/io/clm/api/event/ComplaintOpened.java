package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Objects;

/**
 * A complaint was opened for the customer. Open complaints, urgent ones above all, push a customer
 * towards decline (seed 002). Opening a complaint id that was resolved reopens it.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when the complaint was received
 * @param complaintId the complaint's ticket id, 1 to 128 characters
 * @param severity its classification
 */
@Stable
public record ComplaintOpened(
    String id, CustomerId customer, Instant at, String complaintId, Severity severity)
    implements Event {

  /**
   * Validates the event.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when the complaint was received
   * @param complaintId the complaint's ticket id, 1 to 128 characters
   * @param severity its classification
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if an id is blank or too long
   */
  public ComplaintOpened {
    Checks.common(id, customer, at);
    Checks.text(complaintId, "complaint id", Checks.MAX_ID_LENGTH);
    Objects.requireNonNull(severity, "severity");
  }

  /**
   * Always {@link EventType#COMPLAINT_OPENED}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.COMPLAINT_OPENED;
  }
}
