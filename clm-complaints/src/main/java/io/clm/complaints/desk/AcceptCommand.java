package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/**
 * The {@code accept} operation. Records that the customer accepted the resolution, and closes the
 * ticket.
 */
final class AcceptCommand implements TicketCommand {
  private final String actor;
  private final Instant at;

  AcceptCommand(String actor, Instant at) {
    this.actor = actor;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    Guards.requireAnswerable(t);
    t.profile.requireMove(t, ComplaintState.CLOSED);
    t.accepted = Boolean.TRUE;
    Guards.move(t, ComplaintState.CLOSED, actor, "accept", "customer accepted the resolution", at);
    d.finishCycle(t, true, at);
  }
}
