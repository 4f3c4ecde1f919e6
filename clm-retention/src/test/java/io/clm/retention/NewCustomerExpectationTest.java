package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * A new customer's expected repeat transactions over horizons up to a hundred million times α,
 * where the hypergeometric argument t/(α + t) is within 1e-8 of 1. At a = 2, b = 1 the mixing
 * integral has closed forms: 2 (1 − ln(1 + u)/u) for r = 1 and 2u/(1 + u) for r = 2 (BG/NBD, u =
 * t/α), and 1 − 2 (u − ln(1 + u))/u² for the MBG/NBD at r = 2.
 */
class NewCustomerExpectationTest {

  private static final double[] RATIOS = {1, 10, 1e3, 2e4, 1e5, 3e6, 1e8};

  @Test
  void theBgNbdExpectationHasItsClosedFormAtEveryHorizon() {
    for (double u : RATIOS) {
      double oneR = 2 * (1 - Math.log1p(u) / u);
      double twoR = 2 * u / (1 + u);
      // α = 0.01: a customer making a hundred purchases per time unit on average
      assertThat(new BgNbd(1, 0.01, 2, 1).expectedTransactionsOfNewCustomer(u * 0.01)).as("r=1, u=%s", u)
          .isCloseTo(oneR, within(1e-11 * oneR));
      assertThat(new BgNbd(2, 0.01, 2, 1).expectedTransactionsOfNewCustomer(u * 0.01)).as("r=2, u=%s", u)
          .isCloseTo(twoR, within(1e-11 * twoR));
    }
  }

  @Test
  void theMbgNbdExpectationHasItsClosedFormAtEveryHorizon() {
    for (double u : RATIOS) {
      double expected = 1 - 2 * (u - Math.log1p(u)) / (u * u);
      assertThat(new MbgNbd(2, 0.01, 2, 1).expectedTransactionsOfNewCustomer(u * 0.01)).as("u=%s", u)
          .isCloseTo(expected, within(1e-11 * expected));
    }
  }

  @Test
  void theIntegralAgreesWithTheSeriesWhereBothApply() {
    // the series is checked against 60-digit references elsewhere, at and around a = 1 too
    qt().withExamples(300)
        .forAll(doubles().between(-3, 3), doubles().between(-3, 3), doubles().between(-3, 3), doubles().between(-4, 7))
        .checkAssert((logR, logA, logB, logU) -> {
          double r = Math.exp(logR);
          double a = Math.exp(logA);
          double b = Math.exp(logB);
          double u = Math.exp(logU);
          double series = BgNbd.aliveSeries(r, b, a - 1, u / (1 + u), -Math.log1p(u), new double[2]);
          assertThat(BgNbd.newCustomerIntegral(r, a, b, u)).as("r=%s a=%s b=%s u=%s", r, a, b, u)
              .isCloseTo(series, within(1e-10 * series));
        });
  }

  @Test
  void theIntegralHasNoSingularityAtAEqualToOne() {
    // at a = 1 the closed form of the paper is 0/0; r = 1, b = 1: ∫ (1/p)(1 − 1/(1 + up)) dp = ln(1 + u)
    for (double u : RATIOS) {
      assertThat(BgNbd.newCustomerIntegral(1, 1, 1, u)).as("u=%s", u).isCloseTo(Math.log1p(u), within(1e-11 * Math.log1p(u)));
      assertThat(new BgNbd(1, 1, 1, 1).expectedTransactionsOfNewCustomer(u)).as("u=%s", u)
          .isCloseTo(Math.log1p(u), within(1e-11 * Math.log1p(u)));
    }
  }
}
