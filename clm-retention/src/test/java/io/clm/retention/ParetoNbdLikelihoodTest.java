package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
