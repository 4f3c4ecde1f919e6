package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code resume} operation. Resumes paused SLA clocks, moving each running deadline by the time
 * paused in its own unit.
 */
record ResumeCommand(String actor, Instant at) implements TicketCommand {

  @Override
  public void apply(Desk d, Ticket t) {
    if (t.pausedAt == null) {
      throw new IllegalTransitionException("ticket " + t.id + " is not paused");
    }
    Duration paused = Duration.between(t.pausedAt, at);
    StoredTicket.Pause pause = new StoredTicket.Pause(t.pausedAt, at);
    t.pauses.add(pause);
    Map<SlaTarget, Ticket.TargetClock> moved = new EnumMap<>(SlaTarget.class);
    try {
      for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
        // a clock started during the pause (a response while paused) only counts its own part
        Ticket.TargetClock copy = Ticket.TargetClock.copy(e.getValue());
        t.profile.compute(t, copy, e.getKey(), t.policy);
        moved.put(e.getKey(), copy);
      }
    } catch (RuntimeException e) {
      t.pauses.remove(t.pauses.size() - 1);
      throw e;
    }
    t.clocks.putAll(moved);
    t.pausedAt = null;
    Guards.audit(t, at, actor, "resume", t.state, "paused for " + paused);
    d.reschedule(t);
  }
}
