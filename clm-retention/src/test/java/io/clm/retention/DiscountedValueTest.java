package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Lifetime values against the formula of Fader, Hardie and Lee ("RFM and CLV", 2005), with the
 * expected transactions from the closed forms in 60-digit arithmetic ({@link HighPrecision}) and the
 * discounting done here: for the BG/NBD, whose horizons share one series, and for the MBG/NBD, which
 * is asked horizon by horizon; one customer at a time, as records and as columns, and the interval
 * of a value from the uncertainty of the spend model alone.
 */
class DiscountedValueTest {

  /** The CDNOW estimates of Fader, Hardie and Lee (2005). */
  private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426);

  /** The MBG/NBD estimates on CDNOW in BTYDplus. */
  private static final MbgNbd MBG = new MbgNbd(0.525, 6.183, 0.891, 1.614);

  /** The Gamma-Gamma estimates on CDNOW (Fader, Hardie and Lee 2005, "RFM and CLV"). */
  private static final GammaGamma GG = new GammaGamma(6.25, 3.74, 15.44);

  /** Three quarters of 13 weeks, 10 % a quarter. */
  private static final ValueHorizon QUARTERS = new ValueHorizon(3, 13, 0.1);

  /** Φ⁻¹(0.975). */
  private static final double Z95 = 1.959963984540054;

  private static double bgAlive(int x, double recency, double age) {
    return x == 0 ? 1 : 1 / (1 + 0.793 / (2.426 + x - 1) * Math.pow((4.414 + age) / (4.414 + recency), 0.243 + x));
  }

  /** The BG/NBD's equation 10: the alive expectation with A = r + x, B = b + x, times P(alive). */
  private static DoubleUnaryOperator bgExpected(int x, double recency, double age) {
    return t -> HighPrecision.aliveExpectation(0.243 + x, 2.426 + x, 0.793, 4.414 + age, t) * bgAlive(x, recency, age);
  }

  private static double mbgAlive(int x, double recency, double age) {
    return 1 / (1 + 0.891 / (1.614 + x) * Math.pow((6.183 + age) / (6.183 + recency), 0.525 + x));
  }

  /** The MBG/NBD of Batislam et al.: the alive expectation with A = r + x, B = b + x + 1, times P(alive). */
  private static DoubleUnaryOperator mbgExpected(int x, double recency, double age) {
    return t -> HighPrecision.aliveExpectation(0.525 + x, 1.614 + x + 1, 0.891, 6.183 + age, t) * mbgAlive(x, recency, age);
  }

  /** p (γ + x m̄) / (p x + q − 1). */
  private static double spend(int x, double meanSpend) {
    return 6.25 * (15.44 + x * meanSpend) / (6.25 * x + 3.74 - 1);
  }

  /** Σ_{i=1..3} (E(13 i) − E(13 (i − 1))) / 1.1^i. */
  private static double discounted(DoubleUnaryOperator expected) {
    double sum = 0;
    double previous = 0;
    for (int i = 1; i <= 3; i++) {
      double current = expected.applyAsDouble(13 * i);
      sum += (current - previous) / Math.pow(1.1, i);
      previous = current;
    }
    return sum;
  }

  @Test
  void aBgNbdCustomersValueIsTheDiscountedSumOfTheQuartersExpectations() {
    for (double[] h : new double[][] {{2, 30.43, 38.86, 22.35}, {0, 0, 38.86, 0}, {7, 35, 39, 40}}) {
      int x = (int) h[0];
      double expected = spend(x, h[3]) * discounted(bgExpected(x, h[1], h[2]));
      double value = new LifetimeValue(BG, GG).of(new PurchaseHistory(x, h[1], h[2]), h[3], QUARTERS);
      assertThat(value).as("x = %d", x).isCloseTo(expected, within(1e-9 * expected));
    }
  }

  @Test
  void anMbgNbdCustomersValueIsTheDiscountedSumOfTheQuartersExpectations() {
    LifetimeValue clv = new LifetimeValue(MBG, GG);
    double[][] rows = {{2, 30.43, 38.86, 22.35}, {0, 0, 38.86, 0}, {7, 35, 39, 40}};
    List<CustomerSummary> customers =
        List.of(
            new CustomerSummary(CustomerId.of("a"), new PurchaseHistory(2, 30.43, 38.86), 22.35, 0),
            new CustomerSummary(CustomerId.of("b"), new PurchaseHistory(0, 0, 38.86), 0, 0),
            new CustomerSummary(CustomerId.of("c"), new PurchaseHistory(7, 35, 39), 40, 0));
    List<CustomerValue> records = clv.score(customers, QUARTERS);
    PortfolioScores columns =
        clv.scoreColumns(new int[] {2, 0, 7}, new double[] {30.43, 0, 35}, new double[] {38.86, 38.86, 39}, new double[] {22.35, 0, 40}, QUARTERS);
    assertThat(columns.evaluations()).isEqualTo(3);
    for (int i = 0; i < rows.length; i++) {
      double[] h = rows[i];
      int x = (int) h[0];
      double alive = mbgAlive(x, h[1], h[2]);
      double transactions = mbgExpected(x, h[1], h[2]).applyAsDouble(39);
      double expectedSpend = spend(x, h[3]);
      double value = expectedSpend * discounted(mbgExpected(x, h[1], h[2]));
      assertThat(clv.of(new PurchaseHistory(x, h[1], h[2]), h[3], QUARTERS)).as("x = %d", x).isCloseTo(value, within(1e-9 * value));
      CustomerValue record = records.get(i);
      assertThat(record.probabilityAlive()).isCloseTo(alive, within(1e-12));
      assertThat(record.expectedTransactions()).isCloseTo(transactions, within(1e-9 * transactions));
      assertThat(record.expectedSpend()).isCloseTo(expectedSpend, within(1e-9 * expectedSpend));
      assertThat(record.lifetimeValue()).isCloseTo(value, within(1e-9 * value));
      assertThat(columns.probabilityAlive(i)).isCloseTo(alive, within(1e-12));
      assertThat(columns.expectedTransactions(i)).isCloseTo(transactions, within(1e-9 * transactions));
      assertThat(columns.expectedSpend(i)).isCloseTo(expectedSpend, within(1e-9 * expectedSpend));
      assertThat(columns.lifetimeValue(i)).isCloseTo(value, within(1e-9 * value));
    }
    assertThat(columns.lifetimeValues()).hasSize(3);
    assertThat(columns.probabilitiesAlive()).hasSize(3);
    assertThat(columns.toString()).startsWith("PortfolioScores[3 customers, 3 evaluations, total value ");
  }

  @Test
  void theColumnsOfABgNbdPortfolioShareTheWorkOfEqualFrequenciesAndAges() {
    // 30 frequencies × 40 ages = 1,200 distinct (x, T), each twice with different recencies: more
    // than the table holds at first.
    int n = 2400;
    int[] x = new int[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    double[] meanSpend = new double[n];
    for (int i = 0; i < n; i++) {
      int key = i % 1200;
      x[i] = key % 30;
      age[i] = 20 + key / 30;
      recency[i] = x[i] == 0 ? 0 : i < 1200 ? age[i] / 2 : age[i];
      meanSpend[i] = x[i] == 0 ? 0 : 10 + key % 7;
    }
    PortfolioScores scores = new LifetimeValue(BG, GG).scoreColumns(x, recency, age, meanSpend, QUARTERS);
    assertThat(scores.evaluations()).isEqualTo(1200);
    assertThat(scores.size()).isEqualTo(n);
    for (int i : new int[] {0, 31, 1199, 1200 + 31, 2399}) {
      double value = spend(x[i], meanSpend[i]) * discounted(bgExpected(x[i], recency[i], age[i]));
      assertThat(scores.probabilityAlive(i)).as("row %d", i).isCloseTo(bgAlive(x[i], recency[i], age[i]), within(1e-12));
      assertThat(scores.lifetimeValue(i)).as("row %d", i).isCloseTo(value, within(1e-9 * value));
    }
    double[] values = scores.lifetimeValues();
    values[0] = -1;
    assertThat(scores.lifetimeValue(0)).isPositive();
    double[] alive = scores.probabilitiesAlive();
    alive[0] = -1;
    assertThat(scores.probabilityAlive(0)).isEqualTo(1.0);
  }

  @Test
  void columnsWhoseSpendHasNoExpectationAreRefused() {
    // p x + q − 1 is −0.5 for x = 0 with q = 0.5, and exactly 0 with q = 1.
    assertThatThrownBy(
            () -> new LifetimeValue(BG, new GammaGamma(1, 0.5, 1)).scoreColumns(new int[] {0}, new double[] {0}, new double[] {10}, new double[] {0}, QUARTERS))
        .isInstanceOf(ValidationException.class)
        .hasMessage("expected spend does not exist: p x + q - 1 = -0.5 is not positive");
    assertThatThrownBy(
            () -> new LifetimeValue(MBG, new GammaGamma(1, 1, 1)).scoreColumns(new int[] {0}, new double[] {0}, new double[] {10}, new double[] {0}, QUARTERS))
        .isInstanceOf(ValidationException.class)
        .hasMessage("expected spend does not exist: p x + q - 1 = 0.0 is not positive");
  }

  /** A fit with the given covariance of the log-parameters. */
  private static <M> FittedModel<M> fitted(M model, String[] names, double[] parameters, double[][] logCovariance, java.util.function.Function<double[], M> from) {
    double[] u = new double[parameters.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = Math.log(parameters[i]);
    }
    return new FittedModel<>(model, -1000, 10, 100, 10, names, u, logCovariance, from);
  }

  @Test
  void theIntervalOfAValueAddsTheUncertaintyOfEachModel() {
    double[][] none = new double[4][4];
    FittedModel<BgNbd> purchases =
        fitted(BG, new String[] {"r", "alpha", "a", "b"}, new double[] {0.243, 4.414, 0.793, 2.426}, none, p -> new BgNbd(p[0], p[1], p[2], p[3]));
    // Only ln γ is uncertain, with standard error 0.1: the value is linear in γ, so its standard
    // error is 0.1 · γ · ∂value/∂γ = 0.1 · γ p / (p x + q − 1) · (discounted transactions).
    double[][] spendCovariance = new double[3][3];
    spendCovariance[2][2] = 0.01;
    FittedModel<GammaGamma> spend = fitted(GG, new String[] {"p", "q", "gamma"}, new double[] {6.25, 3.74, 15.44}, spendCovariance, p -> new GammaGamma(p[0], p[1], p[2]));
    PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
    double transactions = discounted(bgExpected(2, 30.43, 38.86));
    double value = spend(2, 22.35) * transactions;
    double se = 0.1 * 15.44 * 6.25 / (6.25 * 2 + 3.74 - 1) * transactions;
    Interval interval = LifetimeValue.interval(purchases, spend, h, 22.35, QUARTERS, 0.95);
    assertThat(interval.estimate()).isCloseTo(value, within(1e-9 * value));
    assertThat(interval.standardError()).isCloseTo(se, within(1e-6 * se));
    assertThat(interval.lower()).isCloseTo(value * Math.exp(-Z95 * se / value), within(1e-6 * value));
    assertThat(interval.upper()).isCloseTo(value * Math.exp(Z95 * se / value), within(1e-6 * value));
    // Without uncertainty in either model the interval is the value itself.
    Interval certain = LifetimeValue.interval(purchases, fitted(GG, new String[] {"p", "q", "gamma"}, new double[] {6.25, 3.74, 15.44}, new double[3][3], p -> new GammaGamma(p[0], p[1], p[2])), h, 22.35, QUARTERS, 0.95);
    assertThat(certain.standardError()).isEqualTo(0.0);
    assertThat(certain.lower()).isCloseTo(value, within(1e-9 * value));
    assertThat(certain.upper()).isCloseTo(value, within(1e-9 * value));
  }

  @Test
  void aCustomerCertainlyLostHasTheValueZeroWithoutSpread() {
    // 200 repeat purchases in the first week, none in the 999 after: P(alive) is about e^−1045,
    // which is 0 in double precision, and so is the value whatever the parameters.
    double[][] covariance = new double[4][4];
    for (int i = 0; i < 4; i++) {
      covariance[i][i] = 0.01;
    }
    FittedModel<BgNbd> purchases =
        fitted(BG, new String[] {"r", "alpha", "a", "b"}, new double[] {0.243, 4.414, 0.793, 2.426}, covariance, p -> new BgNbd(p[0], p[1], p[2], p[3]));
    double[][] spendCovariance = new double[3][3];
    spendCovariance[2][2] = 0.01;
    FittedModel<GammaGamma> spend = fitted(GG, new String[] {"p", "q", "gamma"}, new double[] {6.25, 3.74, 15.44}, spendCovariance, p -> new GammaGamma(p[0], p[1], p[2]));
    Interval interval = LifetimeValue.interval(purchases, spend, new PurchaseHistory(200, 1, 1000), 20, QUARTERS, 0.95);
    assertThat(interval).isEqualTo(new Interval(0, 0, 0, 0, 0.95));
  }
}
