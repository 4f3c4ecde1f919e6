package com.example.clm.complaints;

import com.google.auto.service.AutoService;
import io.clm.api.Money;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A complaint workflow for an internal policy stricter than any regulator's:
 *
 * <ul>
 *   <li><b>Classification</b>: urgent if EUR 500 or more is at stake, the text mentions fraud or an
 *       unauthorised payment, the customer is vulnerable, or it is the customer's third complaint
 *       in 90 days;
 *   <li><b>Deadlines</b>: urgent complaints get a first response within 4 business hours and a
 *       resolution within 5 business days, warned 1 business day before, escalated at breach and
 *       again 2 business days later; normal ones 1 business day and 10 business days. Fraud
 *       complaints always run on the urgent clock, whatever their class;
 *   <li><b>Routing</b>: urgent complaints to {@code complaints-senior}, card complaints to {@code
 *       card-services}, the rest to {@code complaints-desk};
 *   <li><b>States</b>: as the standard workflow, except that a complaint can be withdrawn only
 *       before it is classified: once the bank has classified it, it must be resolved.
 * </ul>
 */
@AutoService(ComplaintWorkflow.class)
public final class StrictComplaintWorkflow implements ComplaintWorkflow {

  /** The workflow's id. */
  public static final String ID = "example.strict-complaints";

  private static final String SOURCE = "internal complaints policy (example)";

  private static final SlaPolicy URGENT =
      SlaPolicy.builder("example.strict-urgent", SlaLimit.businessDays(5))
          .firstResponse(SlaLimit.businessHours(4))
          .warnBefore(SlaLimit.businessDays(1))
          .escalation(null)
          .escalation(SlaLimit.businessDays(2))
          .source(SOURCE)
          .build();

  private static final SlaPolicy NORMAL =
      SlaPolicy.builder("example.strict-normal", SlaLimit.businessDays(10))
          .firstResponse(SlaLimit.businessDays(1))
          .warnBefore(SlaLimit.businessDays(2))
          .escalation(null)
          .source(SOURCE)
          .build();

  private static final List<ClassificationRule> CLASSIFICATION =
      List.of(
          ClassificationRule.amountAtLeast("amount-at-least-500", Money.of("500.00", "EUR")),
          ClassificationRule.keywords("fraud-words", List.of("fraud", "unauthorised", "unauthorized", "stolen")),
          ClassificationRule.vulnerableCustomer("vulnerable-customer"),
          ClassificationRule.repeatComplainant("third-in-90-days", 2, Duration.ofDays(90)));

  private static final List<RoutingRule> ROUTING =
      List.of(
          RoutingRule.severity("urgent-to-senior", Severity.URGENT, "complaints-senior"),
          RoutingRule.category("cards-to-card-services", "cards", "card-services"));

  /** The workflow; ServiceLoader calls this. */
  public StrictComplaintWorkflow() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<ComplaintState> next(ComplaintState from) {
    Set<ComplaintState> next = EnumSet.noneOf(ComplaintState.class);
    next.addAll(ComplaintState.standardNext(from));
    if (from != ComplaintState.RECEIVED && from != ComplaintState.ACKNOWLEDGED) {
      next.remove(ComplaintState.WITHDRAWN);
    }
    return next;
  }

  @Override
  public List<ClassificationRule> classificationRules() {
    return CLASSIFICATION;
  }

  @Override
  public List<RoutingRule> routingRules() {
    return ROUTING;
  }

  @Override
  public String defaultAssignee() {
    return "complaints-desk";
  }

  @Override
  public SlaPolicy slaPolicy(Severity severity, String category) {
    return severity == Severity.URGENT || "fraud".equals(category) ? URGENT : NORMAL;
  }
}
