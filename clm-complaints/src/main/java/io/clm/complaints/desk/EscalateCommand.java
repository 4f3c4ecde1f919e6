package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/**
 * The {@code escalate} operation. Escalates the complaint by hand (SLA escalations are events, see
 * {@link #advanceTo}).
 */
final class EscalateCommand implements TicketCommand {
  private final String actor;
  private final String reason;
  private final Instant at;

  EscalateCommand(String actor, String reason, Instant at) {
    Guards.requireText(reason, "reason");
    this.actor = actor;
    this.reason = reason;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.ESCALATED);
    Guards.move(t, ComplaintState.ESCALATED, actor, "escalate", reason, at);
  }
}
