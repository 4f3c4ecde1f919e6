package io.clm.complaints.desk;

import io.clm.api.complaints.Classification;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintFacts;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code classify} operation. Classifies the complaint by the rules (the desk's, then the
 * workflow's; the first that fires decides the severity, NORMAL when none does), then sets the
 * SLA policy of that severity and category and recomputes the deadlines under it.
 */
record ClassifyCommand(String actor, Instant at) implements TicketCommand {

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.CLASSIFIED);
    Classification result = classification(t, t.customer != null && d.directory.isVulnerable(t.customer), d.files.earlier(t));
    String subject = Guards.subject(t);
    SlaPolicy policy = t.profile.slaPolicy(subject, result.severity(), t.category);
    Map<SlaTarget, Ticket.TargetClock> recomputed = t.profile.recompute(t, policy);
    t.classification = result;
    Ticket.applyPolicy(t, policy, recomputed);
    Guards.move(t, ComplaintState.CLASSIFIED, actor, "classify",
        result.severity() + " by rule " + result.ruleId() + "; sla policy " + policy.id(), at);
    d.reschedule(t);
    d.emitOpenedIfDue(t, at);
  }

  /**
   * What the rules (the desk's, then the workflow's) make of the ticket: the first that fires
   * decides the severity, NORMAL by {@link Classification#DEFAULT_RULE} when none does.
   */
  static Classification classification(Ticket t, boolean vulnerable, List<Instant> earlier) {
    ComplaintFacts facts = new ComplaintFacts(TicketRecords.snapshot(t), vulnerable, earlier);
    String subject = Guards.subject(t);
    ClassificationRule rule = Guards.firstMatch(t.profile.classificationRules, facts, subject);
    if (rule == null) {
      return new Classification(Severity.NORMAL, Classification.DEFAULT_RULE);
    }
    return new Classification(Guards.guarded(rule, rule::id, subject, "severity", rule::severity),
        Guards.guarded(rule, rule::id, subject, "id", rule::id));
  }
}
