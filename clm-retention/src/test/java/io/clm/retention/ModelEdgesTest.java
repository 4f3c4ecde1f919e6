package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.ValidationException;
import io.clm.api.retention.ConvergenceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contractual and monetary models at the edges of their inputs: the shifted beta-geometric
 * model's periods and cohorts, the BG/BB's opportunities and counts, and the Gamma-Gamma
 * log-likelihood and expected spend, with values worked out by hand.
 */
class ModelEdgesTest {

  private static final ShiftedBetaGeometric SBG = new ShiftedBetaGeometric(0.668, 3.806);

  @Test
  void theFirstPeriodOfTheShiftedBetaGeometricModelIsTheMeanOfTheChurnDistribution() {
    // P(T = 1) = α/(α + β), r₁ = β/(α + β), S(0) = 1 (Fader and Hardie 2007, equations 3 to 5).
    assertThat(SBG.churnProbability(1)).isCloseTo(0.668 / (0.668 + 3.806), within(1e-12));
    assertThat(SBG.retentionRate(1)).isCloseTo(3.806 / (0.668 + 3.806), within(1e-12));
    assertThat(SBG.survival(0)).isCloseTo(1, within(1e-12));
    assertThat(SBG.survival(1)).isCloseTo(3.806 / (0.668 + 3.806), within(1e-12));
  }

  @Test
  void periodsBelowTheFirstAreRefused() {
    assertThatThrownBy(() -> SBG.churnProbability(0)).isInstanceOf(ValidationException.class).hasMessage("period 0 is below 1");
    assertThatThrownBy(() -> SBG.retentionRate(0)).isInstanceOf(ValidationException.class).hasMessage("period 0 is below 1");
    assertThatThrownBy(() -> SBG.survival(-1)).isInstanceOf(ValidationException.class).hasMessage("period -1 is below 0");
    assertThatThrownBy(() -> SBG.discountedExpectedResidualLifetime(0.1, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("period -1 is below 0");
    assertThatThrownBy(() -> SBG.discountedExpectedResidualLifetime(0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("discountRate 0.0 is not a positive finite number");
    assertThatThrownBy(() -> SBG.discountedExpectedResidualLifetime(Double.POSITIVE_INFINITY, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("discountRate Infinity is not a positive finite number");
  }

  @Test
  void aCohortMustStartWithSomeoneAndNeverGrow() {
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new int[] {1000}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("survivors has 1 values: needs the cohort size and at least one period");
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new int[] {0, 0}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("survivors[0] 0 is not positive");
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new int[] {1000, 869, 870}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("survivors[2] 870 is outside 0..869");
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new int[] {1000, -1}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("survivors[1] -1 is outside 0..1000");
  }

  @Test
  void noOpportunityMeansNoTransactionAndACustomerCountMustBePositive() {
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783);
    OpportunityHistory h = new OpportunityHistory(3, 5, 6);
    assertThat(m.expectedTransactions(h, 0)).isZero();
    assertThat(m.expectedTransactionsOfNewCustomer(0)).isZero();
    assertThatThrownBy(() -> m.expectedTransactions(h, -1)).isInstanceOf(ValidationException.class).hasMessage("opportunities -1 is negative");
    assertThatThrownBy(() -> m.expectedTransactionsOfNewCustomer(-1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("opportunities -1 is negative");
    assertThatThrownBy(() -> BgBb.fit(Map.of(h, 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("count 0 of history " + h + " is not positive");
  }

  @Test
  void theGammaGammaLogLikelihoodIsTheDocumentedFormula() {
    // p = 1, q = 2, γ = 10; x = 2, m̄ = 5: px = 2, px + q = 4, so the gamma functions are
    // factorials: ln L = ln 3! − ln 1! − ln 1! + 2 ln 10 + (2 − 1) ln 5 + 2 ln 2 − 4 ln(10 + 10).
    // x = 1, m̄ = 10: ln 2! − ln 0! − ln 1! + 2 ln 10 + 0 + 0 − 3 ln 20.
    GammaGamma m = new GammaGamma(1, 2, 10);
    double first = Math.log(6) + 2 * Math.log(10) + Math.log(5) + 2 * Math.log(2) - 4 * Math.log(20);
    double second = Math.log(2) + 2 * Math.log(10) - 3 * Math.log(20);
    assertThat(m.logLikelihood(List.of(new GammaGamma.Spend(2, 5)))).isCloseTo(first, within(1e-12));
    assertThat(m.logLikelihood(List.of(new GammaGamma.Spend(2, 5), new GammaGamma.Spend(1, 10)))).isCloseTo(first + second, within(1e-12));
    assertThatThrownBy(() -> m.logLikelihood(List.of())).isInstanceOf(ValidationException.class).hasMessage("population has no repeat buyers");
  }

  @Test
  void noPopulationMeanSpendExistsAtQEqualToOne() {
    // p γ / (q − 1) at q = 1: p x + q − 1 = 0 for a customer without repeat transactions.
    assertThatThrownBy(() -> new GammaGamma(6.25, 1, 15.44).expectedSpend(0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("expected spend does not exist: p x + q - 1 = 0.0 is not positive");
    // A repeat buyer's expectation exists: 6.25 (15.44 + 2 × 20) / (12.5 + 0).
    assertThat(new GammaGamma(6.25, 1, 15.44).expectedSpend(2, 20)).isCloseTo(6.25 * (15.44 + 40) / 12.5, within(1e-12));
  }

  /** Fits, accepting that the fit may not converge: the input itself must not be refused. */
  private static void accepted(Runnable fit) {
    try {
      fit.run();
    } catch (ConvergenceException e) {
      // Not bad input.
    }
  }

  @Test
  void aCohortFitCountsItsMembersAndItsPeriods() {
    // Fader and Hardie's (2007) high-end customers: 1,000 members over 7 periods.
    FittedModel<ShiftedBetaGeometric> fit = ShiftedBetaGeometric.fit(new int[] {1000, 869, 743, 653, 593, 551, 517, 491});
    assertThat(fit.observations()).isEqualTo(1000);
    assertThat(fit.groups()).isEqualTo(7);
  }

  @Test
  void aCohortMayKeepEveryoneForAPeriodOrLoseEveryone() {
    accepted(() -> ShiftedBetaGeometric.fit(new int[] {1000, 869, 869, 743}));
    accepted(() -> ShiftedBetaGeometric.fit(new int[] {1000, 500, 0}));
    accepted(() -> ShiftedBetaGeometric.fit(new int[] {1, 1, 0}));
  }

  @Test
  void aBgBbHistoryHeldByOneCustomerCounts() {
    accepted(() -> BgBb.fit(Map.of(new OpportunityHistory(3, 5, 6), 1, new OpportunityHistory(0, 0, 6), 2, new OpportunityHistory(6, 6, 6), 1)));
  }

  @Test
  void aSpendNeedsARepeatPurchaseAndAPositiveMean() {
    assertThatThrownBy(() -> new GammaGamma.Spend(0, 5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("frequency 0 is below 1: only repeat buyers have a mean spend");
    assertThatThrownBy(() -> new GammaGamma.Spend(1, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("meanSpend 0.0 is not a positive finite number");
    assertThat(new GammaGamma.Spend(1, Double.MIN_VALUE).meanSpend()).isPositive();
  }

  @Test
  void theProbabilityOfBeingAliveStaysAProbabilityWhenTheOddsUnderflow() {
    // a or s at the least positive double: log-odds of about −745, where e^745 overflows; the
    // customer is alive with probability 1 (docs/retention.md: evaluated from the log-odds so it
    // stays in [0, 1] for any input).
    assertThat(new BgNbd(1, 1, Double.MIN_VALUE, 1).probabilityAlive(new PurchaseHistory(1, 10, 10))).isEqualTo(1.0);
    assertThat(new MbgNbd(1, 1, Double.MIN_VALUE, 1).probabilityAlive(new PurchaseHistory(1, 10, 10))).isEqualTo(1.0);
    assertThat(new ParetoNbd(0.55, 10.58, Double.MIN_VALUE, 11.67).probabilityAlive(new PurchaseHistory(2, 30, 39))).isEqualTo(1.0);
  }
}
