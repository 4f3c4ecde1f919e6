package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/**
 * The {@code close} operation. Closes a resolved ticket (the customer rejected, or did not answer).
 */
record CloseCommand(String actor, String reason, Instant at) implements TicketCommand {
  CloseCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.CLOSED);
    Guards.move(t, ComplaintState.CLOSED, actor, "close", reason, at);
    d.finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
  }
}
