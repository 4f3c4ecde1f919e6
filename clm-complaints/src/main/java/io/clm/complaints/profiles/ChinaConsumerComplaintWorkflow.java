package io.clm.complaints.profiles;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.plugin.support.BaseRegulatoryProfile;
import java.util.Map;

/**
 * China, 银行业保险业消费投诉处理管理办法 (CBIRC Order 2020 No. 3, in force 1 March 2020): a decision
 * within 15 days of receipt, extendable to 30 days for complex cases, and by a further 30 days (60
 * at most) with approval. Days are calendar days counted by the PRC Civil Code (the day of receipt
 * not counted; a last day that is a statutory holiday moves to the next working day). Time spent
 * on external appraisal, testing or assessment is not counted: pause the ticket (the rule's
 * stop-the-clock); the pause is counted in days. A complainant who disagrees with the decision may
 * apply in writing within 30 days for a review (核查) by the higher level, decided within 30 days of
 * the application: {@code requestReview}, a {@code REVIEW} deadline.
 */
@AutoService(ComplaintWorkflow.class)
public final class ChinaConsumerComplaintWorkflow extends BaseRegulatoryProfile {

  /** The workflow id. */
  public static final String ID = "cn-banking-insurance-2020";

  /** Creates the profile. */
  public ChinaConsumerComplaintWorkflow() {
    super(
        ID,
        SlaPolicy.builder(ID + ".general", SlaLimit.calendarDaysToBusinessDay(15))
            .extension(SlaLimit.calendarDaysToBusinessDay(30))
            .extension(SlaLimit.calendarDaysToBusinessDay(60))
            .warnBefore(SlaLimit.calendarDays(3))
            .escalation(null)
            .source("银行业保险业消费投诉处理管理办法 (CBIRC Order 2020 No. 3): 15 days, 30, a further 30 with approval")
            .stopTheClock("银行业保险业消费投诉处理管理办法 (CBIRC Order 2020 No. 3): time for external appraisal,"
                + " testing or assessment (鉴定、检测、评估) is not counted")
            .review(SlaLimit.calendarDaysToBusinessDay(30), SlaLimit.calendarDaysToBusinessDay(30),
                "银行业保险业消费投诉处理管理办法 (CBIRC Order 2020 No. 3): a complainant who disagrees may apply in"
                    + " writing to the higher level for review (核查) within 30 days of receiving the decision; the"
                    + " review is decided within 30 days of receiving the application")
            .build(),
        Map.of());
  }
}
