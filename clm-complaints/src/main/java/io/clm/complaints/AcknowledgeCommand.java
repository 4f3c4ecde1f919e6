package io.clm.complaints;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code acknowledge} operation. Acknowledges the complaint to the customer: the first
 * response.
 */
final class AcknowledgeCommand implements TicketCommand {
  private final String actor;
  private final Instant at;

  AcknowledgeCommand(String actor, Instant at) {
    this.actor = actor;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    d.requireMove(t, ComplaintState.ACKNOWLEDGED);
    Ticket.TargetClock next = d.plannedNextResponse(t, at);
    d.stopClock(t, SlaTarget.FIRST_RESPONSE, at);
    Desk.putClock(t, SlaTarget.NEXT_RESPONSE, next);
    d.move(t, ComplaintState.ACKNOWLEDGED, actor, "acknowledge", "first response sent", at);
    d.reschedule(t);
  }
}
