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
 * response by close of business on the next business day and a resolution by close of business on
 * the 5th, normal ones the 2nd and the 15th; a response at
 * least every 2 (urgent) or 5 (normal) business days; escalation at the breach and again 2 or 5
 * business days later. Urgent: vulnerable customers, regulator referrals, and a third complaint
 * within 90 days. The desk applies these rules at intake already, so an urgent complaint's first
 * response is due under the urgent limit.
 */
@AutoService(ComplaintWorkflow.class)
public final class StandardWorkflow implements ComplaintWorkflow {

  /** The workflow id. */
  public static final String ID = "standard";

  private static final SlaPolicy URGENT =
      SlaPolicy.builder(ID + ".urgent", SlaLimit.businessDaysCloseOfBusiness(5))
          .firstResponse(SlaLimit.businessDaysCloseOfBusiness(1))
          .nextResponse(SlaLimit.businessDaysCloseOfBusiness(2))
          .warnBefore(SlaLimit.businessHours(4))
          .escalation(null)
          .escalation(SlaLimit.businessDaysCloseOfBusiness(2))
          .stopTheClock("internal")
          .build();
  private static final SlaPolicy NORMAL =
      SlaPolicy.builder(ID + ".normal", SlaLimit.businessDaysCloseOfBusiness(15))
          .firstResponse(SlaLimit.businessDaysCloseOfBusiness(2))
          .nextResponse(SlaLimit.businessDaysCloseOfBusiness(5))
          .warnBefore(SlaLimit.businessDaysCloseOfBusiness(2))
          .escalation(null)
          .escalation(SlaLimit.businessDaysCloseOfBusiness(5))
          .stopTheClock("internal")
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
