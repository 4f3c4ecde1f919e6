package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import java.time.Instant;

/**
 * The {@code reassign} operation. Hands the complaint to someone else; recorded with the reason.
 */
record ReassignCommand(String assignee, String actor, String reason, Instant at) implements TicketCommand {
  ReassignCommand {
    Guards.requireText(assignee, "assignee");
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    if (!t.state.isOpen()) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + " and cannot be re-assigned");
    }
    if (assignee.equals(t.assignee)) {
      throw new IllegalTransitionException("ticket " + t.id + " is already assigned to " + assignee);
    }
    String from = t.assignee == null ? "nobody" : t.assignee;
    t.assignee = assignee;
    if (t.customer != null) {
      d.files.addDepartment(t.customer, assignee);
    }
    Guards.audit(t, at, actor, "reassign", t.state, "from " + from + " to " + assignee + ": " + reason);
  }
}
