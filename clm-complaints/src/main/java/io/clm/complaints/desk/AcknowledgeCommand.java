package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code acknowledge} operation. Acknowledges the complaint to the customer: the first
 * response.
 */
record AcknowledgeCommand(String actor, Instant at) implements TicketCommand {

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.ACKNOWLEDGED);
    Ticket.TargetClock next = t.profile.plannedNextResponse(t, at);
    Ticket.stopClock(t, SlaTarget.FIRST_RESPONSE, at);
    Ticket.putClock(t, SlaTarget.NEXT_RESPONSE, next);
    Guards.move(t, ComplaintState.ACKNOWLEDGED, actor, "acknowledge", "first response sent", at);
    d.reschedule(t);
  }
}
