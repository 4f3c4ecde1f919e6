package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the BG/NBD predictions and of lifetime value, over wide parameter ranges. */
class ModelPropertiesTest {

  /** Parameters from near-degenerate to large. */
  static Gen<BgNbd> models() {
    return doubles()
        .between(0.05, 20)
        .zip(
            doubles().between(0.1, 100),
            doubles().between(0.05, 10),
            doubles().between(0.05, 10),
            BgNbd::new);
  }

  /** (x, t_x, T) with 0 < t_x <= T when x > 0. */
  static Gen<PurchaseHistory> histories() {
    return integers()
        .between(0, 60)
        .zip(
            doubles().between(0, 1),
            doubles().between(0.01, 200),
            (x, share, age) -> x == 0 ? new PurchaseHistory(0, 0, age) : new PurchaseHistory(x, Math.max(1e-3, share * age), Math.max(age, 1e-3)));
  }

  @Test
  void probabilityAliveIsAProbabilityAndFallsWithAge() {
    qt().withExamples(500)
        .forAll(models(), histories(), doubles().between(0, 100))
        .checkAssert(
            (m, h, extra) -> {
              double p = m.probabilityAlive(h);
              assertThat(p).isBetween(0.0, 1.0);
              PurchaseHistory older = new PurchaseHistory(h.frequency(), h.recency(), h.age() + extra);
              assertThat(m.probabilityAlive(older)).isLessThanOrEqualTo(p);
            });
  }

  @Test
  void expectedTransactionsAreNonNegativeAndGrowWithTheHorizon() {
    qt().withExamples(400)
        .forAll(models(), histories(), doubles().between(0, 200), doubles().between(0, 200))
        .checkAssert(
            (m, h, t, more) -> {
              double shorter = m.expectedTransactions(h, t);
              double longer = m.expectedTransactions(h, t + more);
              assertThat(shorter).isFinite().isGreaterThanOrEqualTo(0);
              // Non-decreasing up to rounding of the closed form (1e-9 relative).
              assertThat(longer).isFinite().isGreaterThanOrEqualTo(shorter - 1e-9 * (1 + shorter));
            });
  }

  @Test
  void sharedSeriesAgreesWithOneSeriesPerHorizon() {
    qt().withExamples(300)
        .forAll(models(), histories(), doubles().between(0.1, 30), integers().between(1, 24))
        .checkAssert(
            (m, h, length, periods) -> {
              double[] horizons = new double[periods];
              for (int i = 0; i < periods; i++) {
                horizons[i] = (i + 1) * length;
              }
              double[] shared = new double[periods];
              double[] scratch = new double[2];
              m.aliveExpectations(h, horizons, shared, scratch);
              for (int i = 0; i < periods; i++) {
                double single = m.aliveExpectation(h, horizons[i], scratch);
                assertThat(shared[i]).isCloseTo(single, org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(single))));
              }
            });
  }

  @Test
  void lifetimeValueFallsWithTheDiscountRate() {
    Gen<GammaGamma> spends =
        doubles().between(0.5, 10).zip(doubles().between(1.5, 10), doubles().between(1, 100), GammaGamma::new);
    qt().withExamples(150)
        .forAll(models(), histories(), spends, doubles().between(0, 0.2))
        .checkAssert(
            (m, h, g, rate) -> {
              LifetimeValue clv = new LifetimeValue(m, g);
              double spend = h.frequency() == 0 ? 0 : 25;
              double low = clv.of(h, spend, new ValueHorizon(12, 52.0 / 12, rate));
              double high = clv.of(h, spend, new ValueHorizon(12, 52.0 / 12, rate + 0.01));
              assertThat(low).isFinite().isGreaterThanOrEqualTo(0);
              assertThat(high).isLessThanOrEqualTo(low);
            });
  }
}
