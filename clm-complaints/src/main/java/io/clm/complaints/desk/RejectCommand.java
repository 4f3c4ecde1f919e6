package io.clm.complaints.desk;

import java.time.Instant;

/** The {@code reject} operation. Records that the customer rejected the resolution. */
final class RejectCommand implements TicketCommand {
  private final String actor;
  private final String reason;
  private final Instant at;

  RejectCommand(String actor, String reason, Instant at) {
    Guards.requireText(reason, "reason");
    this.actor = actor;
    this.reason = reason;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    Guards.requireAnswerable(t);
    t.accepted = Boolean.FALSE;
    Guards.audit(t, at, actor, "reject", t.state, reason);
    d.finishCycle(t, false, at);
  }
}
