package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code respond} operation. Records a further response to the customer while the complaint is
 * open; restarts the next-response clock from the time of this response.
 */
record RespondCommand(String actor, String note, Instant at) implements TicketCommand {
  RespondCommand {
    Guards.requireText(note, "note");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    if (!t.state.isOpen() || t.state == ComplaintState.RECEIVED) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + " and cannot take a response");
    }
    Ticket.TargetClock next = t.profile.plannedNextResponse(t, at);
    t.clocks.remove(SlaTarget.NEXT_RESPONSE);
    Ticket.putClock(t, SlaTarget.NEXT_RESPONSE, next);
    Guards.audit(t, at, actor, "respond", t.state, note);
    d.reschedule(t);
  }
}
