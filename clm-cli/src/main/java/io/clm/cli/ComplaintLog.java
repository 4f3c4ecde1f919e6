package io.clm.cli;

import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows complaint tickets through the event stream for the complaint section: keeps the open
 * tickets only (memory bounded by open tickets, not by events) and the handling time of each
 * resolved one, by severity.
 */
final class ComplaintLog {
  /** An open ticket. */
  record Open(String customer, String complaintId, Severity severity, Instant openedAt) {}

  /** A resolved ticket's handling time. */
  record Resolved(Severity severity, Instant openedAt, Duration took, boolean accepted) {}

  private final Map<String, Open> open = new HashMap<>();
  private final List<Resolved> resolved = new ArrayList<>();
  private long opened;
  private long resolutionsWithoutOpening;

  /**
   * Takes an event; only complaint events count.
   *
   * @return whether the event opened or resolved a ticket
   */
  boolean accept(Event e) {
    return switch (e.type()) {
      case COMPLAINT_OPENED -> opened((ComplaintOpened) e);
      case COMPLAINT_RESOLVED -> resolved((ComplaintResolved) e);
      case TRANSACTION, INTERACTION, PRODUCT_OPENED, PRODUCT_CLOSED, RELATIONSHIP_CLOSED, MANUAL_MOVE,
          ATTRIBUTE_UPDATE, CONSENT_CHANGE -> false; // not a complaint
    };
  }

  /** Opens a ticket unless it is open already; returns whether it opened one. */
  private synchronized boolean opened(ComplaintOpened o) {
    String key = o.customer().value() + '\u0000' + o.complaintId();
    if (open.putIfAbsent(key, new Open(o.customer().value(), o.complaintId(), o.severity(), o.at())) != null) {
      return false;
    }
    opened++;
    return true;
  }

  /** Resolves an open ticket; returns false for a resolution of a ticket not open (counted). */
  private synchronized boolean resolved(ComplaintResolved r) {
    Open o = open.remove(r.customer().value() + '\u0000' + r.complaintId());
    if (o == null) {
      resolutionsWithoutOpening++;
      return false;
    }
    resolved.add(new Resolved(o.severity(), o.openedAt(), Duration.between(o.openedAt(), r.at()), r.accepted()));
    return true;
  }

  synchronized long opened() {
    return opened;
  }

  synchronized List<Open> open() {
    return List.copyOf(open.values());
  }

  synchronized List<Resolved> resolved() {
    return List.copyOf(resolved);
  }

  synchronized long resolutionsWithoutOpening() {
    return resolutionsWithoutOpening;
  }
}
