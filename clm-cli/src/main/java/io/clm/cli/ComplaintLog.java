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
 * tickets and the resolutions not yet matched to an opening (memory bounded by those, not by
 * events) and the handling time of each resolved ticket, by severity. A resolution resolves the
 * ticket opened at or before it; as rows of an unsorted file may come in any order, a resolution
 * that arrives before its opening waits for it, so that the figures do not depend on the order of
 * the rows. A resolution that no opening at or before it matches counts as the resolution of a
 * ticket not opened in the data.
 */
final class ComplaintLog {
  /** An open ticket. */
  record Open(String customer, String complaintId, Severity severity, Instant openedAt) {}

  /** A resolved ticket's handling time. */
  record Resolved(Severity severity, Instant openedAt, Duration took, boolean accepted) {}

  /** A resolution not matched to an opening yet. */
  private record Resolution(Instant at, boolean accepted) {}

  private final Map<String, Open> open = new HashMap<>();
  private final Map<String, List<Resolution>> unmatched = new HashMap<>();
  private final List<Resolved> resolved = new ArrayList<>();
  private long opened;
  private long unmatchedCount;

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

  /**
   * Opens a ticket unless it is open already, and resolves it at once with the earliest waiting
   * resolution at or after the opening; returns whether it opened one.
   */
  private synchronized boolean opened(ComplaintOpened o) {
    String key = o.customer().value() + '\u0000' + o.complaintId();
    if (open.containsKey(key)) {
      return false;
    }
    opened++;
    List<Resolution> waiting = unmatched.get(key);
    Resolution match = null;
    if (waiting != null) {
      for (Resolution r : waiting) {
        if (!r.at().isBefore(o.at()) && (match == null || r.at().isBefore(match.at()))) {
          match = r;
        }
      }
    }
    if (match == null) {
      open.put(key, new Open(o.customer().value(), o.complaintId(), o.severity(), o.at()));
      return true;
    }
    waiting.remove(match);
    unmatchedCount--;
    if (waiting.isEmpty()) {
      unmatched.remove(key);
    }
    resolved.add(new Resolved(o.severity(), o.at(), Duration.between(o.at(), match.at()), match.accepted()));
    return true;
  }

  /**
   * Resolves the open ticket if it was opened at or before the resolution; otherwise keeps the
   * resolution for an opening still to come and returns false.
   */
  private synchronized boolean resolved(ComplaintResolved r) {
    String key = r.customer().value() + '\u0000' + r.complaintId();
    Open o = open.get(key);
    if (o == null || r.at().isBefore(o.openedAt())) {
      unmatched.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Resolution(r.at(), r.accepted()));
      unmatchedCount++;
      return false;
    }
    open.remove(key);
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

  /** Resolutions that no opening at or before them matched. */
  synchronized long resolutionsWithoutOpening() {
    return unmatchedCount;
  }
}
