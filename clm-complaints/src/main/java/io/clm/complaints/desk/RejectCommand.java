package io.clm.complaints.desk;

import java.time.Instant;

/** The {@code reject} operation. Records that the customer rejected the resolution. */
record RejectCommand(String actor, String reason, Instant at) implements TicketCommand {
  RejectCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    Guards.requireAnswerable(t);
    t.accepted = Boolean.FALSE;
    Guards.audit(t, at, actor, "reject", t.state, reason);
    d.finishCycle(t, false, at);
  }
}
