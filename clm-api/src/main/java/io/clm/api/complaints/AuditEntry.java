package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a ticket: who, when, what and why. The audit trail of a ticket lists every change
 * in the order it was made and is never rewritten.
 *
 * @param at when the change was made
 * @param actor who made it (a user id, or {@code system} for automatic steps)
 * @param action what was done, for example {@code classify} or {@code reassign}
 * @param from the state before
 * @param to the state after (the same as {@code from} for changes that do not move the ticket)
 * @param reason why, or what the change recorded (the rule that fired, the new assignee)
 */
@Experimental
public record AuditEntry(
    Instant at, String actor, String action, ComplaintState from, ComplaintState to, String reason) {

  /**
   * Validates the entry.
   *
   * @param at when the change was made
   * @param actor who made it (a user id, or {@code system} for automatic steps)
   * @param action what was done, for example {@code classify} or {@code reassign}
   * @param from the state before
   * @param to the state after (the same as {@code from} for changes that do not move the ticket)
   * @param reason why, or what the change recorded (the rule that fired, the new assignee)
   * @throws NullPointerException if a component is null
   */
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns when, who, what and the states; never the reason, which may hold personal data. */
  @Override
  public String toString() {
    return "AuditEntry[" + at + ", " + actor + ", " + action + ", " + from + " -> " + to + "]";
  }
}
