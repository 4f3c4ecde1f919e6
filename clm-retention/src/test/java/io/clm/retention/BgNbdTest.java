package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.ValidationException;
import io.clm.api.retention.ConvergenceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdTest {

  private static final BgNbd PUBLISHED = new BgNbd(0.243, 4.414, 0.793, 2.426);

  @Test
  void historyRejectsRecencyAfterAge() {
    assertThatThrownBy(() -> new PurchaseHistory(2, 40.0, 38.86))
        .isInstanceOf(ValidationException.class)
        .hasMessage("recency 40.0 is greater than age 38.86");
  }

  @Test
  void historyRejectsRepeatPurchasesWithoutRecency() {
    assertThatThrownBy(() -> new PurchaseHistory(3, 0, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("recency is 0 with frequency 3: repeat purchases need a positive recency");
  }

  @Test
  void historyRejectsNegativeValues() {
    assertThatThrownBy(() -> new PurchaseHistory(-1, 0, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("frequency -1 is negative");
    assertThatThrownBy(() -> new PurchaseHistory(1, -2.0, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("recency -2.0 is negative or not finite");
    assertThatThrownBy(() -> new PurchaseHistory(0, 0, -1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("age -1.5 is negative or not finite");
    assertThatThrownBy(() -> new PurchaseHistory(0, 1.0, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("recency 1.0 is not 0 with frequency 0");
  }

  @Test
  void parametersMustBePositive() {
    assertThatThrownBy(() -> new BgNbd(0.2, 4, -0.5, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("a -0.5 is not a positive finite number");
    assertThatThrownBy(() -> new BgNbd(Double.NaN, 4, 0.5, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("r NaN is not a positive finite number");
  }

  @Test
  void emptyPopulationIsRejected() {
    assertThatThrownBy(() -> BgNbd.fit(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("population is empty");
  }

  @Test
  void populationWithoutRepeatBuyersIsRejected() {
    List<PurchaseHistory> h = List.of(new PurchaseHistory(0, 0, 10), new PurchaseHistory(0, 0, 20));
    assertThatThrownBy(() -> BgNbd.fit(h))
        .isInstanceOf(ValidationException.class)
        .hasMessage("bg/nbd needs repeat buyers: population of 2 customers has no repeat buyers");
  }

  @Test
  void negativeHorizonIsRejected() {
    assertThatThrownBy(() -> PUBLISHED.expectedTransactions(new PurchaseHistory(0, 0, 1), -1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("horizon -1.0 is negative or not finite");
  }

  @Test
  void nonConvergenceRaisesWithDiagnostics() {
    NelderMead tooShort = new NelderMead(30, 1e-12, 1e-7);
    BetaGeometricLikelihood likelihood =
        new BetaGeometricLikelihood(List.of(new PurchaseHistory(2, 30, 39), new PurchaseHistory(0, 0, 39)));
    assertThatThrownBy(
            () ->
                tooShort.minimise(
                    "bg/nbd",
                    new String[] {"r", "alpha", "a", "b"},
                    p -> -likelihood.at(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3])),
                    new double[4],
                    1.0))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageStartingWith("bg/nbd fit did not converge after ")
        .hasMessageContaining("evaluations: log-likelihood -")
        .hasMessageContaining(", r=")
        .satisfies(e -> assertThat(((ConvergenceException) e).evaluations()).isGreaterThanOrEqualTo(30));
  }

  @Test
  void customerWithoutRepeatPurchaseIsAlive() {
    assertThat(PUBLISHED.probabilityAlive(new PurchaseHistory(0, 0, 38.86))).isEqualTo(1.0);
  }

  @Test
  void newCustomerExpectationIsTheConditionalOneAtAgeZero() {
    // Equation 10 with x = 0 and T = 0 reduces to equation 9.
    for (double t : new double[] {1, 39, 78, 520}) {
      assertThat(PUBLISHED.expectedTransactionsOfNewCustomer(t))
          .isCloseTo(PUBLISHED.expectedTransactions(new PurchaseHistory(0, 0, 0), t), within(1e-12));
    }
  }

  @Test
  void hypergeometricMatchesClosedForms() {
    double[] out = new double[2];
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    SpecialFunctions.hyp2f1(1, 1, 2, 0.5, out);
    assertThat(out[0] * Math.exp(out[1])).isCloseTo(2 * Math.log(2), within(1e-14));
    // 2F1(a, b; b; z) = (1 - z)^-a
    SpecialFunctions.hyp2f1(3.5, 2.25, 2.25, 0.9, out);
    assertThat(out[1]).isCloseTo(-3.5 * Math.log(0.1), within(1e-10));
    // Large parameters: the terms pass 1e300 before shrinking; the scaled sum stays finite.
    SpecialFunctions.hyp2f1(700, 700, 3, 0.99, out);
    assertThat(out[1]).isFinite().isGreaterThan(700);
  }

  @Test
  void lnGammaMatchesKnownValues() {
    assertThat(SpecialFunctions.lnGamma(1)).isCloseTo(0, within(1e-14));
    assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(SpecialFunctions.lnGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
    assertThat(SpecialFunctions.lnGamma(1e-3)).isCloseTo(6.907178885383853, within(1e-12));
  }

  @Test
  void conditionalExpectationAgreesWithNumericalIntegration() {
    // E[Y(t) | alive] = E_p[(1 - (1 + p t / (alpha + T))^-(r + x)) / p], p ~ Beta(a, b + x):
    // integrating over p by the midpoint rule is an independent check of the hypergeometric form.
    double[][] cases = {
      {0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39},
      {0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 104},
      {1.7, 0.8, 2.5, 1.2, 25, 38, 39, 52},
      {0.5, 10, 0.3, 0.9, 1, 5, 60, 500}
    };
    for (double[] c : cases) {
      BgNbd m = new BgNbd(c[0], c[1], c[2], c[3]);
      PurchaseHistory h = new PurchaseHistory((int) c[4], c[5], c[6]);
      double expected = integrate(m, h, c[7]) * m.probabilityAlive(h);
      assertThat(m.expectedTransactions(h, c[7])).as("case %s", java.util.Arrays.toString(c)).isCloseTo(expected, within(1e-6 * (1 + expected)));
    }
  }

  /**
   * Midpoint rule; for a < 1 on s = p^a, which removes the p^(a-1) singularity at 0. (The values
   * were also checked against mpmath's hyp2f1 and quad at 30 digits.)
   */
  private static double integrate(BgNbd m, PurchaseHistory h, double t) {
    int x = h.frequency();
    double bb = m.b() + x;
    double u = t / (m.alpha() + h.age());
    int n = 400_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double s = (i + 0.5) / n;
      boolean substitute = m.a() < 1;
      double p = substitute ? Math.pow(s, 1 / m.a()) : s;
      double g = p < 1e-12 ? (m.r() + x) * u : (1 - Math.pow(1 + p * u, -(m.r() + x))) / p;
      sum += Math.pow(1 - p, bb - 1) * g * (substitute ? 1 / m.a() : Math.pow(p, m.a() - 1));
    }
    return sum / n / Math.exp(SpecialFunctions.lnBeta(m.a(), bb));
  }

  @Test
  void extremeHistoriesStayFinite() {
    PurchaseHistory heavy = new PurchaseHistory(500, 38.5, 39);
    assertThat(PUBLISHED.expectedTransactions(heavy, 39)).isFinite().isGreaterThan(100);
    assertThat(PUBLISHED.probabilityAlive(heavy)).isBetween(0.0, 1.0);
    PurchaseHistory gone = new PurchaseHistory(500, 1, 390);
    assertThat(PUBLISHED.probabilityAlive(gone)).isBetween(0.0, 1e-10);
    assertThat(PUBLISHED.expectedTransactions(gone, 39)).isFinite().isGreaterThanOrEqualTo(0);
  }

  @Test
  void negativeDenominatorParameterOfLifetimesIssue302IsFinite() {
    // The parameters of lifetimes issue 302: a + b + x - 1 < 0 for x = 0, where taking the log
    // of the hypergeometric term gave NaN.
    BgNbd m = new BgNbd(0.11, 2.24, 0.31, 0.50);
    double e = m.expectedTransactions(new PurchaseHistory(0, 0, 1), 30);
    assertThat(e).isFinite().isPositive();
  }
}
