package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The Pareto/NBD likelihood against its definition, where β is far above α or α far above β (the
 * hypergeometric argument close to 1, as on a portfolio with little dropout). Given purchase rate
 * λ and dropout rate μ, a customer with x purchases, the last at t_x, observed for T, has likelihood
 * λ^x e^(−(λ+μ)T) + λ^x ∫ μ e^(−(λ+μ)τ) dτ over τ from t_x to T. Over λ ~ Gamma(r, α) and μ ~
 * Gamma(s, β) that is Γ(r+x)/Γ(r) α^r [(α+T)^(−(r+x)) (β/(β+T))^s + ∫ (s/β) (β/(β+τ))^(s+1)
 * (α+τ)^(−(r+x)) dτ], integrated here with Simpson's rule: no hypergeometric function at all.
 */
class ParetoNbdLikelihoodTest {

  private static double reference(double r, double alpha, double s, double beta, int x, double tx, double age) {
    int n = 200_000;
    double h = (age - tx) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double tau = tx + i * h;
      double f = Math.exp(Math.log(s / beta) + (s + 1) * Math.log(beta / (beta + tau)) - (r + x) * Math.log(alpha + tau));
      sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    double integral = sum * h / 3;
    double alive = Math.exp(-(r + x) * Math.log(alpha + age) + s * Math.log(beta / (beta + age)));
    return SpecialFunctions.lnGamma(r + x) - SpecialFunctions.lnGamma(r) + r * Math.log(alpha) + Math.log(alive + integral);
  }

  @Test
  void theLikelihoodIsItsDefiningIntegralAlsoWhereOneScaleIsFarAboveTheOther() {
    double[][] models = {
      {0.97, 2, 5, 5_000}, // β far above α: x = 0 customers take the series' slow case, b = r < 1
      {0.55, 10.6, 0.61, 11.7}, // CDNOW's fit: the argument close to 0
      {1.3, 1.5, 0.8, 40_000},
      {2.5, 3_000, 1.2, 0.9}, // α far above β
      {0.4, 0.02, 0.3, 900},
      // β far above α with a large s: the argument at t_x is within 1e-6 of 1, too close for the
      // hypergeometric series, and the dropout-integral series does not reach to T
      {0.5, 0.02, 300, 20_000},
      {0.8, 0.5, 40, 3_000},
      // a large s with β hundreds of times α: y small over the whole interval, summed by quadrature
      // (a fit on customers simulated from a BG/NBD ends here)
      {6.08, 180.8, 280.6, 31_503},
      {0.3, 0.9, 60, 2_500},
    };
    int[][] customers = {{0, 0}, {1, 5}, {3, 29}, {20, 12}, {60, 30}};
    for (double[] m : models) {
      ParetoNbd model = new ParetoNbd(m[0], m[1], m[2], m[3]);
      for (int[] c : customers) {
        int x = c[0];
        double tx = c[1];
        double age = 30;
        double expected = reference(m[0], m[1], m[2], m[3], x, tx, age);
        double actual = model.logLikelihood(List.of(new PurchaseHistory(x, tx, age)));
        assertThat(actual)
            .as("r=%s alpha=%s s=%s beta=%s, x=%d t_x=%s T=%s", m[0], m[1], m[2], m[3], x, tx, age)
            .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  /** r and s from e^−6 to e^6, α and β from e^−7 to e^7: one scale up to a million times the other. */
  private static Gen<ParetoNbd> wideModels() {
    return doubles().between(-6, 6).zip(
        doubles().between(-7, 7),
        doubles().between(-6, 6),
        doubles().between(-7, 7),
        (r, alpha, s, beta) -> new ParetoNbd(Math.exp(r), Math.exp(alpha), Math.exp(s), Math.exp(beta)));
  }

  /** A quarter of the customers without repeat purchases, the others with up to 199; T up to 100. */
  private static Gen<PurchaseHistory> customers() {
    return integers().between(-66, 199).zip(
        doubles().between(0, 1),
        doubles().between(1, 100),
        (x, share, age) -> x <= 0 ? new PurchaseHistory(0, 0, age) : new PurchaseHistory(x, Math.max(1e-3, share * age), age));
  }

  @Test
  void theLikelihoodIsFiniteAndPAliveAProbabilityOverWideParameterRanges() {
    // Where a scale is far above the other the series behind A₀ are close to their limits; none
    // may fail or lose the value. (A density in the purchase times, the likelihood may exceed 1.)
    qt().withExamples(1_000)
        .forAll(wideModels(), customers())
        .checkAssert((model, customer) -> {
          assertThat(model.logLikelihood(List.of(customer))).as("%s, %s", model, customer).isFinite();
          assertThat(model.probabilityAlive(customer)).as("%s, %s", model, customer).isBetween(0.0, 1.0);
        });
  }
}
