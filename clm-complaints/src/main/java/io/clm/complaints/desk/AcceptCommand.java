package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/**
 * The {@code accept} operation. Records that the customer accepted the resolution, and closes the
 * ticket.
 */
record AcceptCommand(String actor, Instant at) implements TicketCommand {

  @Override
  public void apply(Desk d, Ticket t) {
    Guards.requireAnswerable(t);
    t.profile.requireMove(t, ComplaintState.CLOSED);
    t.accepted = Boolean.TRUE;
    Guards.move(t, ComplaintState.CLOSED, actor, "accept", "customer accepted the resolution", at);
    d.finishCycle(t, true, at);
  }
}
