package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/** The {@code start} operation. Starts work on the complaint. */
final class StartCommand implements TicketCommand {
  private final String actor;
  private final Instant at;

  StartCommand(String actor, Instant at) {
    this.actor = actor;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.IN_PROGRESS);
    Guards.move(t, ComplaintState.IN_PROGRESS, actor, "start", "work started", at);
  }
}
