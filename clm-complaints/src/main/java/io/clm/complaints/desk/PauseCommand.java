package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.StopTheClockNotAllowedException;
import java.time.Instant;

/**
 * The {@code pause} operation. Pauses the SLA clocks while the bank waits on a third party, where
 * the policy's rule provides a stop-the-clock; refused with {@link
 * StopTheClockNotAllowedException} where it does not.
 */
record PauseCommand(String actor, String reason, Instant at) implements TicketCommand {
  PauseCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    if (t.policy.stopTheClock().isEmpty()) {
      throw new StopTheClockNotAllowedException(
          "ticket " + t.id + " cannot be paused: sla policy '" + t.policy.id() + "' (" + t.policy.source()
              + ") has no stop-the-clock provision");
    }
    if (!t.state.isOpen() || t.pausedAt != null) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " cannot be paused: " + (t.pausedAt != null ? "already paused" : "it is " + t.state));
    }
    t.pausedAt = at;
    Guards.audit(t, at, actor, "pause", t.state, reason);
    d.reschedule(t);
  }
}
