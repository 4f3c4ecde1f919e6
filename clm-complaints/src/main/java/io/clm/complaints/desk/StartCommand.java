package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/** The {@code start} operation. Starts work on the complaint. */
record StartCommand(String actor, Instant at) implements TicketCommand {

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.IN_PROGRESS);
    Guards.move(t, ComplaintState.IN_PROGRESS, actor, "start", "work started", at);
  }
}
