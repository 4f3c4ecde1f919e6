package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code extend} operation. Moves the resolution deadline to the policy's next extension (a
 * holding reply under PSD2 or FCA DISP), while the deadline is running and not yet breached.
 */
record ExtendCommand(String actor, String reason, Instant at) implements TicketCommand {
  ExtendCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    Ticket.TargetClock c = t.clocks.get(SlaTarget.RESOLUTION);
    if (c == null) {
      throw new IllegalTransitionException("ticket " + t.id + " has no running resolution deadline");
    }
    if (c.breached) {
      throw new IllegalTransitionException("resolution deadline of ticket " + t.id + " was already breached");
    }
    if (c.extension >= t.policy.extensions().size()) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " has no further extension under sla policy '" + t.policy.id() + "'");
    }
    Ticket.TargetClock copy = Ticket.TargetClock.copy(c);
    copy.extension++;
    copy.warned = false;
    t.profile.compute(t, copy, SlaTarget.RESOLUTION, t.policy);
    t.clocks.put(SlaTarget.RESOLUTION, copy);
    Guards.audit(t, at, actor, "extend", t.state,
        "resolution deadline to " + Ticket.TargetClock.limit(SlaTarget.RESOLUTION, t.policy, copy.extension) + ": " + reason);
    d.reschedule(t);
  }
}
