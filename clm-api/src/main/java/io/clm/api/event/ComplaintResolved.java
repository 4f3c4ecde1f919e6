package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;

/**
 * A complaint was resolved, and the customer accepted or rejected the resolution. An accepted
 * resolution can help a customer recover from decline.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when it was resolved
 * @param complaintId the complaint's ticket id
 * @param accepted whether the customer accepted the resolution
 */
@Stable
public record ComplaintResolved(
    String id, CustomerId customer, Instant at, String complaintId, boolean accepted)
    implements Event {

  /**
   * Validates the event.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when it was resolved
   * @param complaintId the complaint's ticket id
   * @param accepted whether the customer accepted the resolution
   * @throws NullPointerException if a component is null
   * @throws io.clm.api.InvalidEventException if an id is blank or too long
   */
  public ComplaintResolved {
    Checks.common(id, customer, at);
    Checks.text(complaintId, "complaint id", Checks.MAX_ID_LENGTH);
  }

  /**
   * Always {@link EventType#COMPLAINT_RESOLVED}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.COMPLAINT_RESOLVED;
  }
}
