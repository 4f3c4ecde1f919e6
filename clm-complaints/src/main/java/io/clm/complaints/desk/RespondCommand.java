package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code respond} operation. Records a response to the customer while the complaint is open
 * and past RECEIVED (where acknowledging is the first response); restarts the next-response clock
 * from the time of this response. On a ticket that moved on without an acknowledgement (escalated
 * straight away) the response is the first one and stops the first-response clock.
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
    Ticket.stopClock(t, SlaTarget.FIRST_RESPONSE, at);
    t.clocks.remove(SlaTarget.NEXT_RESPONSE);
    Ticket.putClock(t, SlaTarget.NEXT_RESPONSE, next);
    Guards.audit(t, at, actor, "respond", t.state, note);
    d.reschedule(t);
  }
}
