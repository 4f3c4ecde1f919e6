package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import java.time.Instant;

/**
 * The {@code escalate} operation. Escalates the complaint by hand (SLA escalations are events, see
 * {@link #advanceTo}).
 */
record EscalateCommand(String actor, String reason, Instant at) implements TicketCommand {
  EscalateCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.ESCALATED);
    Guards.move(t, ComplaintState.ESCALATED, actor, "escalate", reason, at);
  }
}
