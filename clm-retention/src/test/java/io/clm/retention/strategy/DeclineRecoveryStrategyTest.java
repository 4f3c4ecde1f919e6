package io.clm.retention.strategy;

import static io.clm.retention.strategy.Contexts.NOW;
import static io.clm.retention.strategy.Contexts.START;
import static io.clm.retention.strategy.Contexts.context;
import static io.clm.retention.strategy.Contexts.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.event.Attribute;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.Risk;
import io.clm.retention.RiskScorer;
import io.clm.retention.strategy.DeclineRecoveryStrategy.Cause;
import io.clm.retention.strategy.DeclineRecoveryStrategy.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeclineRecoveryStrategyTest {

  private final DeclineRecoveryStrategy strategy = new DeclineRecoveryStrategy();

  @Test
  void causeIsReadFromTheMetrics() {
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, b -> b.complaint("k", Severity.NORMAL, null))))
        .isEqualTo(Cause.OUR_FAULT);
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, b -> b.survey(START, 9).survey(START, 5))))
        .isEqualTo(Cause.OUR_FAULT);
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, b -> b.attribute(Attribute.CREDIT_SCORE, new BigDecimal("420"), START))))
        .isEqualTo(Cause.CUSTOMER_TROUBLE);
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, b -> b.attribute(Attribute.COMPETITOR_ATTENTION, new BigDecimal("0.8"), START))))
        .isEqualTo(Cause.COMPETITION);
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, b -> b))).isEqualTo(Cause.UNKNOWN);
  }

  @Test
  void responseIsChosenByValueAndRisk() {
    assertThat(strategy.response(context(StageFamily.DECLINE, true, "1000.00", 0.5, b -> b))).isEqualTo(Response.RESCUE);
    assertThat(strategy.response(context(StageFamily.DECLINE, true, "1000.00", 0.49, b -> b))).isEqualTo(Response.RESPOND);
    assertThat(strategy.response(context(StageFamily.DECLINE, true, "999.99", 0.2, b -> b))).isEqualTo(Response.IMPROVE);
    assertThat(strategy.response(context(StageFamily.DECLINE, true, "999.99", 0.8, b -> b))).isEqualTo(Response.ABANDON);
  }

  @Test
  void aHighValueCustomerScoredExactlyOnTheHighRiskThresholdIsRescued() {
    // Default weights: inactivity 78 days 0.25 x 0.32 = 0.08; 2 of 4 complaints open 0.15 x 1; four
    // complaints 0.10 x 1; 1 of 2 products closed 0.10 x 0.5 = 0.05; satisfaction down 4 points
    // 0.15 x 0.8 = 0.12: 0.5 in all, the default high-risk threshold.
    MetricsSnapshot m = Contexts.halfRisk(NOW);
    Customer customer = new Customer(CustomerId.of("c-1"), "decline", 0, m, Map.of());
    Risk risk = RiskScorer.withDefaultWeights().score(customer, NOW);
    RetentionContext c = new RetentionContext(customer, StageFamily.DECLINE, Set.of(), risk, Money.of("2000.00", "EUR"), NOW);
    assertThat(strategy.response(c)).isEqualTo(Response.RESCUE);
  }

  @Test
  void rescueAgainstCompetitionCutsThePriceAndRaisesAnEconomicBarrier() {
    RetentionContext c =
        context(StageFamily.DECLINE, true, "2000.00", 0.9, b -> b.attribute(Attribute.COMPETITOR_ATTENTION, new BigDecimal("0.9"), START));
    List<RetentionAction> a = strategy.propose(c);
    assertThat(types(a)).containsExactly(
        new ActionType.Offer(10),
        new ActionType.Communication("study the rival: learn what the competitor offers the customer"),
        new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC));
    assertThat(a).extracting(RetentionAction::priority).containsExactly(90, 85, 80);
    assertThat(a.get(0).rationale()).startsWith("decline, rescue (seed 000), cause: competition (seed 003)");
  }

  @Test
  void competitionWithoutMarketingConsentStillStudiesTheRival() {
    RetentionContext c =
        context(StageFamily.DECLINE, false, "2000.00", 0.3, b -> b.attribute(Attribute.COMPETITOR_ATTENTION, new BigDecimal("0.9"), START));
    List<RetentionAction> a = strategy.propose(c);
    assertThat(types(a)).containsExactly(new ActionType.Communication("study the rival: learn what the competitor offers the customer"));
    assertThat(a.get(0).priority()).isEqualTo(65);
    assertThat(a.get(0).rationale()).startsWith("decline, respond (seed 000), cause: competition (seed 003)");
  }

  @Test
  void ourFaultIsCorrectedAndCompensatedEvenWhenAbandoning() {
    RetentionContext c = context(StageFamily.DECLINE, false, "100.00", 0.9, b -> b.complaint("k", Severity.URGENT, null));
    List<RetentionAction> a = strategy.propose(c);
    assertThat(types(a)).containsExactly(new ActionType.ServiceRecovery(Money.of("10.00", "EUR")), new ActionType.Abandon());
    assertThat(a.get(0).priority()).isEqualTo(60);
  }

  @Test
  void customersTroubleGetsHelpNotAnOffer() {
    RetentionContext c = context(StageFamily.DECLINE, true, "3000.00", 0.2, b -> b.attribute(Attribute.VULNERABLE, BigDecimal.ONE, START));
    assertThat(types(strategy.propose(c))).containsExactly(new ActionType.Communication("help the customer through their difficulty"));
  }

  @Test
  void aCustomerInTroubleIsHelpedEvenWhenAbandoning() {
    // Low value (100 < 1,000) and high risk (0.9 >= 0.5): abandon; vulnerable, no marketing consent.
    RetentionContext vulnerable = context(StageFamily.DECLINE, false, "100.00", 0.9, b -> b.attribute(Attribute.VULNERABLE, BigDecimal.ONE, START));
    List<RetentionAction> a = strategy.propose(vulnerable);
    assertThat(types(a)).containsExactly(new ActionType.Communication("help the customer through their difficulty"), new ActionType.Abandon());
    assertThat(a.get(0).expectedCost()).isEqualTo(Money.of("5.00", "EUR"));
    assertThat(a.get(0).priority()).isEqualTo(20);
    // Credit score below 500 is trouble too.
    RetentionContext lowScore =
        context(StageFamily.DECLINE, true, "100.00", 0.9, b -> b.attribute(Attribute.CREDIT_SCORE, new BigDecimal("420"), START));
    assertThat(types(strategy.propose(lowScore)))
        .containsExactly(new ActionType.Communication("help the customer through their difficulty"), new ActionType.Abandon());
    // Without a cause that calls for help, abandoning proposes nothing else.
    assertThat(types(strategy.propose(context(StageFamily.DECLINE, true, "100.00", 0.9, b -> b)))).containsExactly(new ActionType.Abandon());
  }

  @Test
  void unknownCauseGetsAnEarlyWarningCall() {
    RetentionContext c = context(StageFamily.DECLINE, true, "3000.00", 0.7, b -> b);
    List<RetentionAction> a = strategy.propose(c);
    assertThat(types(a)).containsExactly(new ActionType.Communication("early-warning call: find out why business is falling"));
    assertThat(a.get(0).priority()).isEqualTo(90);
  }

  @Test
  void improveAddsAProductReview() {
    RetentionContext c = context(StageFamily.DECLINE, true, "10.00", 0.1, b -> b.attribute(Attribute.PRICE_SENSITIVITY, new BigDecimal("0.9"), START));
    assertThat(types(strategy.propose(c)))
        .containsExactly(
            new ActionType.Offer(5),
            new ActionType.Communication("study the rival: learn what the competitor offers the customer"),
            new ActionType.Communication("collect the customer's unmet needs to improve the product"));
  }

}
