package io.clm.complaints.desk;

import io.clm.api.PluginFailureException;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.spi.PluginCalls;
import java.time.Instant;

/**
 * The {@code assign} operation. Routes the complaint by the routing rules (the desk's, then the
 * workflow's; first match), or to the workflow's default assignee when no rule matches; the
 * assignee's department joins the customer's complaint file.
 */
record AssignCommand(String actor, Instant at) implements TicketCommand {

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.ASSIGNED);
    Complaint current = TicketRecords.snapshot(t);
    String subject = Guards.subject(t);
    String assignee = PluginCalls.call(t.profile.workflow, subject, "defaultAssignee", ComplaintWorkflow::defaultAssignee);
    if (assignee.isBlank()) {
      throw PluginCalls.failure(t.profile.workflow, subject, "returned a blank assignee from defaultAssignee");
    }
    String rule = Classification.DEFAULT_RULE;
    RoutingRule r = Guards.firstMatch(t.profile.routingRules, current, subject);
    if (r != null) {
      assignee = Guards.guarded(r, r::id, subject, "assignee", r::assignee);
      rule = Guards.guarded(r, r::id, subject, "id", r::id);
      if (assignee.isBlank()) {
        throw new PluginFailureException(Guards.ruleName(r, r::id) + " returned a blank assignee for " + subject);
      }
    }
    t.assignee = assignee;
    if (t.customer != null) {
      d.files.addDepartment(t.customer, assignee);
    }
    Guards.move(t, ComplaintState.ASSIGNED, actor, "assign", "to " + assignee + " by rule " + rule, at);
  }
}
