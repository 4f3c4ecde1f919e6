package io.clm.complaints.profiles;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's internal workflow when no regulator sets the numbers: urgent complaints get a first
 * response within 1 business day and a resolution within 5, normal ones 2 and 15; a response at
 * least every 2 (urgent) or 5 (normal) business days; escalation at the breach and again 2 or 5
 * business days later. Urgent: vulnerable customers, regulator referrals, and a third complaint
 * within 90 days.
 */
@AutoService(ComplaintWorkflow.class)
public final class StandardWorkflow implements ComplaintWorkflow {

  /** The workflow id. */
  public static final String ID = "standard";

  private static final SlaPolicy URGENT =
      SlaPolicy.builder(ID + ".urgent", SlaLimit.businessDays(5))
          .firstResponse(SlaLimit.businessDays(1))
          .nextResponse(SlaLimit.businessDays(2))
          .warnBefore(SlaLimit.businessHours(4))
          .escalation(null)
          .escalation(SlaLimit.businessDays(2))
          .build();
  private static final SlaPolicy NORMAL =
      SlaPolicy.builder(ID + ".normal", SlaLimit.businessDays(15))
          .firstResponse(SlaLimit.businessDays(2))
          .nextResponse(SlaLimit.businessDays(5))
          .warnBefore(SlaLimit.businessDays(2))
          .escalation(null)
          .escalation(SlaLimit.businessDays(5))
          .build();
  private static final List<ClassificationRule> RULES =
      List.of(
          ClassificationRule.vulnerableCustomer("vulnerable-customer"),
          ClassificationRule.category("regulator-referral", Set.of("regulator-referral")),
          ClassificationRule.repeatComplainant("repeat-complainant", 2, Duration.ofDays(90)));

  /** Creates the workflow. */
  public StandardWorkflow() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<ClassificationRule> classificationRules() {
    return RULES;
  }

  @Override
  public SlaPolicy slaPolicy(Severity severity, String category) {
    Objects.requireNonNull(category, "category");
    return severity == Severity.URGENT ? URGENT : NORMAL;
  }
}
