package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.retention.ConvergenceException;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The special functions against closed forms and reference values (computed to 30 digits with
 * mpmath's {@code erfinv} and {@code hyp2f1}): the normal quantile in its three regions, the
 * hypergeometric series where its terms change sign, grow beyond the range of a double or end
 * exactly, and the log-sum-exp of numbers far apart.
 */
class SpecialFunctionsTest {

  @Test
  void theNormalQuantileIsRightInTheCentreAndInBothTails() {
    // Acklam's approximation: relative error below 1.2e-9.
    double[][] reference = {
      {0.5, 0},
      {0.3, -0.52440051270804081597},
      {0.975, 1.9599639845400538556},
      {0.02425, -1.9729610513118848376},
      {0.97575, 1.9729610513118849594},
      {0.005, -2.5758293035489007538},
      {0.995, 2.5758293035489004539},
      {0.001, -3.0902323061678135354},
      {0.999, 3.0902323061678132778}
    };
    for (double[] r : reference) {
      assertThat(SpecialFunctions.normalQuantile(r[0])).as("p = %s", r[0]).isCloseTo(r[1], within(2e-9 * Math.max(1, Math.abs(r[1]))));
    }
  }

  @Test
  void theHypergeometricSeriesMatchesItsClosedForms() {
    double[] out = new double[2];
    // 2F1(1, 1; 2; z) = −ln(1 − z)/z.
    SpecialFunctions.hyp2f1(1, 1, 2, 0.5, out);
    assertThat(out[0]).isEqualTo(1.0);
    assertThat(out[1]).isCloseTo(Math.log(2 * Math.log(2)), within(1e-14));
    // 2F1(a, b; b; z) = (1 − z)^−a: with a = 1000 and z = 0.9 it is 10^1000, far beyond a double.
    SpecialFunctions.hyp2f1(1000, 7.5, 7.5, 0.9, out);
    assertThat(out[0]).isEqualTo(1.0);
    assertThat(out[1]).isCloseTo(1000 * Math.log(10), within(1e-9));
    // 2F1(−1, b; c; z) = 1 − b z / c, which is 0 at z = c / b.
    SpecialFunctions.hyp2f1(-1, 2, 1, 0.5, out);
    assertThat(out[0]).isEqualTo(0.0);
    assertThat(out[1]).isEqualTo(Double.NEGATIVE_INFINITY);
    // At z = 0 the series is its first term.
    SpecialFunctions.hyp2f1(3, 4, 5, 0, out);
    assertThat(out[0]).isEqualTo(1.0);
    assertThat(out[1]).isEqualTo(0.0);
  }

  @Test
  void theHypergeometricSeriesMatchesReferenceValues() {
    double[] out = new double[2];
    // A negative c: the terms change sign until n passes −c.
    SpecialFunctions.hyp2f1(1, 1, -2.5, 0.3, out);
    assertThat(out[0] * Math.exp(out[1])).isCloseTo(0.0977985813303913680437747850286, within(1e-14));
    SpecialFunctions.hyp2f1(1.5, 2, -3.7, 0.6, out);
    assertThat(out[0] * Math.exp(out[1])).isCloseTo(19178.5974065407958689303145139, within(1e-13 * 19178.6));
    // Large parameters: the terms rise to about e^1875 before they fall.
    SpecialFunctions.hyp2f1(300.5, 250.25, 20.5, 0.95, out);
    assertThat(out[0]).isEqualTo(1.0);
    assertThat(out[1]).isCloseTo(1875.14478107247729900598477133, within(1e-8));
  }

  /** ln 2F1(2, b; 3; z) = ln(2 z^−2 [1/(1 − b) − 1/(2 − b) − w^(1 − b)/(1 − b) + w^(2 − b)/(2 − b)]), w = 1 − z, in 60 digits. */
  private static double logClosedFormA2(double b, double w) {
    MathContext mc = HighPrecision.MC;
    BigDecimal one = BigDecimal.ONE;
    BigDecimal ww = new BigDecimal(w);
    BigDecimal z = one.subtract(ww, mc);
    BigDecimal e1 = one.subtract(new BigDecimal(b), mc);
    BigDecimal e2 = e1.add(one, mc);
    BigDecimal p1 = HighPrecision.exp(e1.multiply(HighPrecision.ln(ww), mc));
    BigDecimal p2 = p1.multiply(ww, mc);
    BigDecimal bracket = one.subtract(p1, mc).divide(e1, mc).subtract(one.subtract(p2, mc).divide(e2, mc), mc);
    return Math.log(bracket.multiply(BigDecimal.valueOf(2), mc).divide(z.multiply(z, mc), mc).doubleValue());
  }

  @Test
  void theShiftedHypergeometricFunctionMatchesItsClosedFormWhereTheEulerTransformIsTaken() {
    double[] out = new double[2];
    for (double w : new double[] {0.9, 0.5, 0.4, 0.1, 1e-2, 1e-3}) {
      for (double b : new double[] {0.3, 0.97, 1.5, 3, 7.25, 25}) {
        double actual = SpecialFunctions.logHyp2f1Shifted(2, b, 1 - w, w, out);
        assertThat(actual).as("b = %s, 1 - z = %s", b, w).isCloseTo(logClosedFormA2(b, w), within(1e-11 * Math.max(1, Math.abs(actual))));
      }
    }
    // with b = 25 and 1 - z = 10^-3 the plain series' terms rise to about 10^56 first
    SpecialFunctions.hyp2f1(2, 25, 3, 1 - 1e-3, out);
    assertThat(out[1]).isCloseTo(logClosedFormA2(25, 1e-3), within(1e-9 * out[1]));
  }

  @Test
  void aSeriesThatDoesNotConvergeSaysSoAndCountsNoLikelihoodEvaluation() {
    double[] out = new double[2];
    // 2F1(1, 1/2; 2; z) needs about 40/(1 − z) terms
    assertThatThrownBy(() -> SpecialFunctions.hyp2f1(1, 0.5, 2, 1 - 1e-7, out))
        .isInstanceOfSatisfying(ConvergenceException.class, e -> assertThat(e.evaluations()).isZero())
        .hasMessageContaining("did not converge after " + SpecialFunctions.MAX_SERIES_TERMS + " terms");
  }

  @Test
  void thePowerIntegralIsExactForEveryExponentIncludingNearZero() {
    double y1 = 0.01;
    double y2 = 0.2;
    for (double m : new double[] {-60, -3.5, -1, -1e-9, 0, 1e-12, 1e-6, 0.5, 2, 40}) {
      BigDecimal exact;
      if (m == 0) {
        exact = HighPrecision.lnAny(new BigDecimal(y2).divide(new BigDecimal(y1), HighPrecision.MC));
      } else {
        BigDecimal mm = new BigDecimal(m);
        BigDecimal high = HighPrecision.exp(mm.multiply(HighPrecision.lnAny(new BigDecimal(y2)), HighPrecision.MC));
        BigDecimal low = HighPrecision.exp(mm.multiply(HighPrecision.lnAny(new BigDecimal(y1)), HighPrecision.MC));
        exact = high.subtract(low, HighPrecision.MC).divide(mm, HighPrecision.MC);
      }
      double expected = HighPrecision.lnAny(exact).doubleValue();
      assertThat(SpecialFunctions.logPowerIntegral(m, Math.log(y1), Math.log(y2)))
          .as("m = %s", m)
          .isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
    }
    assertThat(SpecialFunctions.logPowerIntegral(2, Math.log(y1), Math.log(y1))).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void logAddExpAddsNumbersFarApartWithoutOverflow() {
    assertThat(SpecialFunctions.logAddExp(Math.log(2), Math.log(3))).isCloseTo(Math.log(5), within(1e-15));
    assertThat(SpecialFunctions.logAddExp(Math.log(3), Math.log(2))).isCloseTo(Math.log(5), within(1e-15));
    assertThat(SpecialFunctions.logAddExp(1000, 0)).isEqualTo(1000.0);
    assertThat(SpecialFunctions.logAddExp(0, 1000)).isEqualTo(1000.0);
    assertThat(SpecialFunctions.logAddExp(Double.NEGATIVE_INFINITY, 3)).isEqualTo(3.0);
    assertThat(SpecialFunctions.logAddExp(3, Double.NEGATIVE_INFINITY)).isEqualTo(3.0);
  }

  @Test
  void lnGammaIsRightOnBothSidesOfItsRecurrence() {
    // Γ(1/2) = √π, Γ(1/4) = 3.6256099082219083119, Γ(3/2) = √π / 2.
    assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(SpecialFunctions.lnGamma(0.25)).isCloseTo(Math.log(3.6256099082219083119), within(1e-14));
    assertThat(SpecialFunctions.lnGamma(1.5)).isCloseTo(0.5 * Math.log(Math.PI) - Math.log(2), within(1e-14));
  }
}
