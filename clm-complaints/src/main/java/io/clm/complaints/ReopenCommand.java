package io.clm.complaints;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code reopen} operation. Reopens a resolved or closed ticket: a new resolution deadline runs
 * from now.
 */
final class ReopenCommand implements TicketCommand {
  private final String actor;
  private final String reason;
  private final Instant at;

  ReopenCommand(String actor, String reason, Instant at) {
    Desk.requireText(reason, "reason");
    this.actor = actor;
    this.reason = reason;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    d.requireMove(t, ComplaintState.REOPENED);
    Ticket.TargetClock resolution = new Ticket.TargetClock(at);
    d.compute(t, resolution, SlaTarget.RESOLUTION, t.policy);
    Ticket.TargetClock next = d.plannedNextResponse(t, at);
    int before = d.pendingEvents.size();
    d.finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
    // the end of the last cycle and the new opening reach the engine in order, at distinct instants
    Instant openedAt = d.pendingEvents.size() > before ? at.plusMillis(1) : at;
    t.cycle++;
    t.accepted = null;
    t.resolution = null;
    t.clocks.put(SlaTarget.RESOLUTION, resolution);
    Desk.putClock(t, SlaTarget.NEXT_RESPONSE, next);
    d.move(t, ComplaintState.REOPENED, actor, "reopen", reason, at);
    d.reschedule(t);
    d.emitOpenedIfDue(t, openedAt);
  }
}
