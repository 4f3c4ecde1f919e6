package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clm.api.retention.ConvergenceException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Edge inputs against high-precision references: values printed by {@code
 * clm-benchmarks/python/reference_values.py} (mpmath, 50 digits, the closed forms evaluated
 * directly) and 60-digit decimal evaluations in {@link HighPrecision}.
 */
class EdgeCaseTest {

  private static final BgNbd PUBLISHED = new BgNbd(0.243, 4.414, 0.793, 2.426);

  private static Offset<Double> relative(double reference, double tolerance) {
    return within(Math.abs(reference) * tolerance);
  }

  @Test
  void newCustomerExpectationAtAndNearAEqualsOne() {
    // mpmath: b · d/da [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))] at a = 1, and the closed form beside it.
    assertThat(new BgNbd(0.243, 4.414, 1, 2.426).expectedTransactionsOfNewCustomer(39))
        .isCloseTo(1.0842790105915187835, relative(1.0842790105915187835, 1e-13));
    assertThat(new BgNbd(0.243, 4.414, 1 + 1e-9, 2.426).expectedTransactionsOfNewCustomer(39))
        .isCloseTo(1.0842790101162923797, relative(1.0842790101162923797, 1e-13));
    assertThat(new BgNbd(0.243, 4.414, 1 - 1e-6, 2.426).expectedTransactionsOfNewCustomer(39))
        .isCloseTo(1.0842794858182148718, relative(1.0842794858182148718, 1e-13));
    assertThat(new BgNbd(0.243, 4.414, 1.02, 2.426).expectedTransactionsOfNewCustomer(39))
        .isCloseTo(1.0748900141411675446, relative(1.0748900141411675446, 1e-13));
  }

  @Test
  void shortHorizonsKeepTheirRelativePrecision() {
    assertThat(PUBLISHED.expectedTransactionsOfNewCustomer(1e-6))
        .isCloseTo(5.5052105022920421269e-8, relative(5.5052105022920421269e-8, 1e-12));
    assertThat(PUBLISHED.expectedTransactions(new PurchaseHistory(50, 38, 38.86), 1e-4))
        .isCloseTo(0.00011139486769915829715, relative(0.00011139486769915829715, 1e-12));
    assertThat(PUBLISHED.expectedTransactions(new PurchaseHistory(50, 38, 38.86), 0.01))
        .isCloseTo(0.011138513963603073378, relative(0.011138513963603073378, 1e-12));
    assertThat(PUBLISHED.expectedTransactions(new PurchaseHistory(2, 30.43, 38.86), 1e-5))
        .isCloseTo(3.7660388221653773766e-7, relative(3.7660388221653773766e-7, 1e-12));
    assertThat(PUBLISHED.expectedTransactions(new PurchaseHistory(200, 38.5, 38.86), 0.1))
        .isCloseTo(0.4528168787783900948, relative(0.4528168787783900948, 1e-12));
  }

  @Test
  void aliveExpectationMatchesSixtyDigitArithmeticNearAEqualsOneAndForShortHorizons() {
    qt().withExamples(60)
        .forAll(
            doubles()
                .between(0.05, 5)
                .zip(
                    doubles().between(0.5, 50),
                    doubles().between(-1e-3, 1e-3),
                    doubles().between(0.2, 5),
                    (r, scale, offset, b) -> new double[] {r, scale, offset, b}),
            integers().between(0, 40),
            doubles().between(-8, 0))
        .checkAssert(
            (p, x, logT) -> {
              double r = p[0];
              double scale = p[1];
              double offset = p[2];
              double b = p[3];
              double a = offset == 0 ? 1 + 1e-4 : 1 + offset;
              double t = Math.pow(10, logT) * scale;
              BgNbd m = new BgNbd(r, scale, a, b);
              double ours = m.aliveExpectation(new PurchaseHistory(x, x == 0 ? 0 : 5, 10), t, new double[2]);
              double reference = HighPrecision.aliveExpectation(r + x, b + x, a, scale + 10, t);
              assertThat(ours).isCloseTo(reference, relative(reference, 1e-11));
            });
  }

  @Test
  void paretoNbdPredictionsMatchTheClosedFormsInHighPrecision() {
    ParetoNbd m = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    // The BTYD package documents P(alive) of 0.2942 for x = 0 at T = 39 with its own estimates.
    assertThat(m.probabilityAlive(new PurchaseHistory(0, 0, 39))).isCloseTo(0.2944670310145864341, relative(0.29446703, 1e-12));
    assertThat(m.probabilityAlive(new PurchaseHistory(2, 30.43, 38.86))).isCloseTo(0.869167559153011199, relative(0.869167559, 1e-12));
    assertThat(m.probabilityAlive(new PurchaseHistory(26, 30.86, 31))).isCloseTo(0.99791873105515827894, relative(0.99791873, 1e-12));
    assertThat(m.expectedTransactions(new PurchaseHistory(0, 0, 39), 52)).isCloseTo(0.13550636280083505643, relative(0.135506362, 1e-12));
    assertThat(m.expectedTransactions(new PurchaseHistory(2, 30.43, 38.86), 52)).isCloseTo(1.8508267207019516267, relative(1.85082672, 1e-12));
    // 25.46 in the BTYD documentation.
    assertThat(m.expectedTransactions(new PurchaseHistory(26, 30.86, 31), 52)).isCloseTo(25.458472951428768555, relative(25.4584729, 1e-12));
    assertThat(m.probabilityAlive(new PurchaseHistory(23, 39, 39))).isEqualTo(1.0);
  }

  @Test
  void paretoNbdAtSEqualsOneIsTheLimit() {
    // [1 − (1 + u)^−(s − 1)] / (s − 1) → log1p(u) as s → 1: both sides agree to rounding.
    PurchaseHistory h = new PurchaseHistory(3, 20, 39);
    double at = new ParetoNbd(0.55, 10.6, 1, 11.7).expectedTransactions(h, 52);
    double beside = new ParetoNbd(0.55, 10.6, 1 + 1e-9, 11.7).expectedTransactions(h, 52);
    assertThat(at).isCloseTo(beside, relative(at, 1e-8));
  }

  @Test
  void boundaryFitRaisesNamingModelAndLastParameters() {
    // Every repeat buyer bought again at the very end: no one seems to drop out, and the dropout
    // distribution runs off to the boundary.
    List<PurchaseHistory> h = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      h.add(new PurchaseHistory(1 + i % 5, 30, 30));
      h.add(new PurchaseHistory(0, 0, 30));
    }
    assertThatThrownBy(() -> BgNbd.fit(h))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageStartingWith("bg/nbd fit ")
        .hasMessageContaining("(no interior maximum)")
        .hasMessageContaining(", r=")
        .hasMessageContaining(", alpha=")
        .hasMessageContaining(", a=")
        .hasMessageContaining(", b=");
  }

  @Test
  void callerChosenStartReachesTheSameMaximum() throws Exception {
    List<PurchaseHistory> cdnow = new ArrayList<>();
    CdnowReproductionTest.cdnowSummaries().forEach(s -> cdnow.add(s.history()));
    FittedModel<BgNbd> fromFar = BgNbd.fit(cdnow, new BgNbd(3, 50, 0.1, 20));
    assertThat(fromFar.model().r()).isCloseTo(0.243, within(0.0005));
    assertThat(fromFar.logLikelihood()).isCloseTo(-9582.43, within(0.005));
    assertThatThrownBy(() -> BgNbd.fit(cdnow, null)).isInstanceOf(NullPointerException.class).hasMessage("start");
  }

  @Test
  void startWithoutFiniteLikelihoodIsReported() {
    assertThatThrownBy(() -> new QuasiNewton(10, 1e-8).minimise("bg/nbd", new String[] {"r"}, (u, g) -> Double.NaN, new double[1]))
        .isInstanceOf(ConvergenceException.class)
        .hasMessage("bg/nbd fit found no finite log-likelihood at the start point after 1 evaluations: log-likelihood NaN, r=1.0");
  }
}
