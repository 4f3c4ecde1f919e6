package io.clm.core.engine;

import static io.clm.api.CustomerMetrics.NONE;

import io.clm.api.event.Severity;

/**
 * One complaint: open while its latest open is later than its latest resolution. A resolution
 * that arrives before its open counts as a complaint opened elsewhere, severity NORMAL until the
 * open arrives.
 */
final class Complaint {
  final String id;
  Severity severity = Severity.NORMAL;
  long openedAt = NONE;
  long resolvedAt = NONE;
  boolean accepted;

  Complaint(String id) {
    this.id = id;
  }

  boolean open() {
    return openedAt != NONE && openedAt > resolvedAt;
  }

  Complaint copy() {
    Complaint c = new Complaint(id);
    c.severity = severity;
    c.openedAt = openedAt;
    c.resolvedAt = resolvedAt;
    c.accepted = accepted;
    return c;
  }
}
