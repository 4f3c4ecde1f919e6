package io.clm.retention.strategy;

import static io.clm.retention.strategy.Contexts.START;
import static io.clm.retention.strategy.Contexts.context;
import static io.clm.retention.strategy.Contexts.costs;
import static io.clm.retention.strategy.Contexts.eur;
import static io.clm.retention.strategy.Contexts.priorities;
import static io.clm.retention.strategy.Contexts.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.retention.strategy.DeclineRecoveryStrategy.Cause;
import io.clm.retention.strategy.DeclineRecoveryStrategy.Response;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decline strategy at the edges of its documented thresholds (docs/retention.md, "Decline"),
 * and the priorities and costs of every response to every cause.
 */
class DeclineThresholdsTest {

  private static final DeclineRecoveryStrategy STRATEGY = new DeclineRecoveryStrategy();
  private static final ActionType STUDY = new ActionType.Communication("study the rival: learn what the competitor offers the customer");
  private static final ActionType REVIEW = new ActionType.Communication("collect the customer's unmet needs to improve the product");
  private static final ActionType CORRECT =
      new ActionType.Communication("apologise, explain the correction, adjust the product to the need");
  private static final ActionType EARLY_WARNING = new ActionType.Communication("early-warning call: find out why business is falling");
  private static final ActionType BARRIER = new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC);

  private static Cause cause(java.util.function.UnaryOperator<io.clm.api.MetricsSnapshot.Builder> facts) {
    return DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, facts));
  }

  private static RetentionContext attribute(String value, double risk, Attribute attribute, String level) {
    return context(StageFamily.DECLINE, true, value, risk, b -> b.attribute(attribute, new BigDecimal(level), START));
  }

  @Test
  void aRejectedResolutionIsOurFault() {
    assertThat(cause(b -> b.complaint("k", Severity.NORMAL, false))).isEqualTo(Cause.OUR_FAULT);
    // An accepted resolution is no cause at all.
    assertThat(cause(b -> b.complaint("k", Severity.NORMAL, true))).isEqualTo(Cause.UNKNOWN);
  }

  @Test
  void satisfactionDownByTwoPointsIsOurFaultAndByOnePointIsNot() {
    // The latest survey minus the mean of the earlier ones: 7 - 9 = -2, 8 - 9 = -1.
    assertThat(cause(b -> b.survey(START, 9).survey(START, 7))).isEqualTo(Cause.OUR_FAULT);
    assertThat(cause(b -> b.survey(START, 9).survey(START, 8))).isEqualTo(Cause.UNKNOWN);
  }

  @Test
  void competitionFromAttentionOfOneHalfOrPriceSensitivityOfSevenTenths() {
    assertThat(cause(b -> b.attribute(Attribute.COMPETITOR_ATTENTION, new BigDecimal("0.5"), START))).isEqualTo(Cause.COMPETITION);
    assertThat(cause(b -> b.attribute(Attribute.COMPETITOR_ATTENTION, new BigDecimal("0.49"), START))).isEqualTo(Cause.UNKNOWN);
    assertThat(cause(b -> b.attribute(Attribute.PRICE_SENSITIVITY, new BigDecimal("0.7"), START))).isEqualTo(Cause.COMPETITION);
    assertThat(cause(b -> b.attribute(Attribute.PRICE_SENSITIVITY, new BigDecimal("0.69"), START))).isEqualTo(Cause.UNKNOWN);
  }

  @Test
  void ourFaultComesBeforeTroubleAndTroubleBeforeCompetition() {
    assertThat(cause(b -> b.complaint("k", Severity.NORMAL, null).attribute(Attribute.VULNERABLE, BigDecimal.ONE, START)))
        .isEqualTo(Cause.OUR_FAULT);
    assertThat(cause(b -> b.attribute(Attribute.VULNERABLE, BigDecimal.ONE, START).attribute(Attribute.COMPETITOR_ATTENTION, BigDecimal.ONE, START)))
        .isEqualTo(Cause.CUSTOMER_TROUBLE);
  }

  @Test
  void aRescuedMistakeIsCorrectedAtTheRescuePriority() {
    // High value, high risk: rescue (90); the recovery at max(90, 60) = 90, the explanation 5 below.
    // Compensation 2 % of 2,000 = 40.00, cost 40 + 15 = 55.00; a contact costs 5.00.
    List<RetentionAction> a = STRATEGY.propose(context(StageFamily.DECLINE, false, "2000.00", 0.9, b -> b.complaint("k", Severity.NORMAL, null)));
    assertThat(types(a)).containsExactly(new ActionType.ServiceRecovery(eur("40.00")), CORRECT);
    assertThat(priorities(a)).containsExactly(90, 85);
    assertThat(costs(a)).containsExactly(eur("55.00"), eur("5.00"));
  }

  @Test
  void aMistakeWhenImprovingIsCorrectedAtSixtyWithoutAProductReview() {
    // Low value, low risk: improve (40); the recovery at max(40, 60) = 60, the explanation at 35;
    // the needs review is left out because correcting the mistake already adjusts the product.
    List<RetentionAction> a = STRATEGY.propose(context(StageFamily.DECLINE, true, "100.00", 0.1, b -> b.complaint("k", Severity.NORMAL, null)));
    assertThat(types(a)).containsExactly(new ActionType.ServiceRecovery(eur("10.00")), CORRECT);
    assertThat(priorities(a)).containsExactly(60, 35);
  }

  @Test
  void respondingToCompetitionOffersFivePercentAndABarrierTenBelow() {
    // High value, low risk: respond (70). Offer: 25 + 5 % of 2,000 = 125.00; barrier 30.00.
    List<RetentionAction> a = STRATEGY.propose(attribute("2000.00", 0.2, Attribute.COMPETITOR_ATTENTION, "0.9"));
    assertThat(types(a)).containsExactly(new ActionType.Offer(5), STUDY, BARRIER);
    assertThat(priorities(a)).containsExactly(70, 65, 60);
    assertThat(costs(a)).containsExactly(eur("125.00"), eur("5.00"), eur("30.00"));
  }

  @Test
  void rescuingFromCompetitionOffersTenPercentCappedAt250() {
    // 10 % of 3,000 is 300, capped at 250: the offer costs 275.00.
    List<RetentionAction> a = STRATEGY.propose(attribute("3000.00", 0.9, Attribute.PRICE_SENSITIVITY, "0.8"));
    assertThat(types(a)).containsExactly(new ActionType.Offer(10), STUDY, BARRIER);
    assertThat(costs(a)).containsExactly(eur("275.00"), eur("5.00"), eur("30.00"));
  }

  @Test
  void improvingAgainstCompetitionRaisesNoBarrierAndReviewsTheProduct() {
    // Low value, low risk: improve (40). Offer 25 + 5 % of 500 = 50.00 at 40; study and review at 35.
    List<RetentionAction> a = STRATEGY.propose(attribute("500.00", 0.2, Attribute.COMPETITOR_ATTENTION, "0.6"));
    assertThat(types(a)).containsExactly(new ActionType.Offer(5), STUDY, REVIEW);
    assertThat(priorities(a)).containsExactly(40, 35, 35);
    assertThat(costs(a)).containsExactly(eur("50.00"), eur("5.00"), eur("5.00"));
  }

  @Test
  void abandoningACustomerLostToCompetitionProposesNothingElse() {
    List<RetentionAction> a = STRATEGY.propose(attribute("500.00", 0.9, Attribute.COMPETITOR_ATTENTION, "0.9"));
    assertThat(types(a)).containsExactly(new ActionType.Abandon());
    assertThat(priorities(a)).containsExactly(20);
    assertThat(costs(a)).containsExactly(eur("0.00"));
  }

  @Test
  void anUnknownCauseWhenImprovingGetsACallAndAProductReview() {
    List<RetentionAction> a = STRATEGY.propose(context(StageFamily.DECLINE, true, "500.00", 0.2, b -> b));
    assertThat(types(a)).containsExactly(EARLY_WARNING, REVIEW);
    assertThat(priorities(a)).containsExactly(40, 35);
    assertThat(costs(a)).containsExactly(eur("5.00"), eur("5.00"));
  }

  @Test
  void aCustomerInTroubleIsHelpedAtTheResponsePriority() {
    List<RetentionAction> a = STRATEGY.propose(attribute("2000.00", 0.9, Attribute.CREDIT_SCORE, "499"));
    assertThat(types(a)).containsExactly(new ActionType.Communication("help the customer through their difficulty"));
    assertThat(priorities(a)).containsExactly(90);
    // Improving: help at 40 and a needs review at 35.
    a = STRATEGY.propose(attribute("500.00", 0.2, Attribute.CREDIT_SCORE, "499"));
    assertThat(types(a)).containsExactly(new ActionType.Communication("help the customer through their difficulty"), REVIEW);
    assertThat(priorities(a)).containsExactly(40, 35);
  }

  @Test
  void customThresholdsChooseTheResponse() {
    DeclineRecoveryStrategy custom = thresholds(200, 0.3);
    assertThat(custom.response(context(StageFamily.DECLINE, true, "200.00", 0.3, b -> b))).isEqualTo(Response.RESCUE);
    assertThat(custom.response(context(StageFamily.DECLINE, true, "200.00", 0.29, b -> b))).isEqualTo(Response.RESPOND);
    assertThat(custom.response(context(StageFamily.DECLINE, true, "199.99", 0.29, b -> b))).isEqualTo(Response.IMPROVE);
    assertThat(custom.response(context(StageFamily.DECLINE, true, "199.99", 0.3, b -> b))).isEqualTo(Response.ABANDON);
  }

  @Test
  void thresholdsAtTheEdgesOfTheirRangesAreAccepted() {
    // Value 0 and risk 0: every customer is high value and high risk.
    DeclineRecoveryStrategy everyone = thresholds(0, 0);
    assertThat(everyone.response(context(StageFamily.DECLINE, true, "0.00", 0, b -> b))).isEqualTo(Response.RESCUE);
    // Risk 1: only a score of 1 is high risk.
    DeclineRecoveryStrategy certain = thresholds(0, 1);
    assertThat(certain.response(context(StageFamily.DECLINE, true, "0.00", 1, b -> b))).isEqualTo(Response.RESCUE);
    assertThat(certain.response(context(StageFamily.DECLINE, true, "0.00", 0.99, b -> b))).isEqualTo(Response.RESPOND);
    assertThatThrownBy(() -> thresholds(10, -0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'decline-recovery': parameter 'high-risk-from' is -0.1, out of range 0..1");
    assertThatThrownBy(() -> thresholds(10, Double.NaN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'decline-recovery': parameter 'high-risk-from' is not finite: NaN");
    assertThatThrownBy(() -> thresholds(10, 1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'decline-recovery': parameter 'high-risk-from' is 1.5, out of range 0..1");
    assertThatThrownBy(() -> thresholds(-1, 0.5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'decline-recovery': parameter 'high-value-from' is -1.0, out of range 0..1000000000000");
  }

  private static DeclineRecoveryStrategy thresholds(double highValueFrom, double highRiskFrom) {
    return (DeclineRecoveryStrategy) STRATEGY.configure(
        java.util.Map.of("high-value-from", highValueFrom, "high-risk-from", highRiskFrom));
  }
}
