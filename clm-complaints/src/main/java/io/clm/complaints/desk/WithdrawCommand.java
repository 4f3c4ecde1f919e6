package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/** The {@code withdraw} operation. Records that the customer withdrew the complaint. */
record WithdrawCommand(String actor, String reason, Instant at) implements TicketCommand {
  WithdrawCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.WITHDRAWN);
    for (SlaTarget target : SlaTarget.values()) {
      t.clocks.remove(target);
    }
    t.pausedAt = null;
    Guards.move(t, ComplaintState.WITHDRAWN, actor, "withdraw", reason, at);
    d.finishCycle(t, false, at);
    d.reschedule(t);
  }
}
