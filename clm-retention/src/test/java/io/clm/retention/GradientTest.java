package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.retention.ConvergenceException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytic gradients agree with central differences of the likelihoods they belong to. */
class GradientTest {

  private static final List<PurchaseHistory> HISTORIES =
      List.of(
          new PurchaseHistory(0, 0, 38.86),
          new PurchaseHistory(0, 0, 30),
          new PurchaseHistory(1, 1.71, 38.86),
          new PurchaseHistory(2, 30.43, 38.86),
          new PurchaseHistory(5, 20, 32),
          new PurchaseHistory(12, 36.5, 37),
          new PurchaseHistory(2, 30.43, 38.86));

  @Test
  void beatGeometricGradientsMatchDifferences() {
    for (int shift = 0; shift <= 1; shift++) {
      BetaGeometricLikelihood l = new BetaGeometricLikelihood(new GroupedHistories(HISTORIES), shift);
      double[] p = {0.7, 3.1, 0.8, 2.4};
      double[] g = new double[4];
      l.at(p[0], p[1], p[2], p[3], g);
      for (int i = 0; i < 4; i++) {
        double h = 1e-6 * p[i];
        double[] up = moved(p, i, h);
        double[] down = moved(p, i, -h);
        double numeric = (l.at(up[0], up[1], up[2], up[3], null) - l.at(down[0], down[1], down[2], down[3], null)) / (2 * h);
        assertThat(g[i]).as("shift %d parameter %d", shift, i).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
      }
    }
  }

  @Test
  void beatGeometricHessiansMatchDifferencesOfTheGradient() {
    // Frequencies far apart make the gamma-function terms both step and jump.
    List<PurchaseHistory> histories = new java.util.ArrayList<>(HISTORIES);
    histories.add(new PurchaseHistory(40, 36, 38));
    histories.add(new PurchaseHistory(41, 37.5, 38));
    for (int shift = 0; shift <= 1; shift++) {
      BetaGeometricLikelihood l = new BetaGeometricLikelihood(new GroupedHistories(histories), shift);
      double[] p = {0.7, 3.1, 0.8, 2.4};
      double[] g = new double[4];
      double[][] hessian = new double[4][4];
      double value = l.at(p[0], p[1], p[2], p[3], g, hessian);
      assertThat(value).isEqualTo(l.at(p[0], p[1], p[2], p[3]));
      double[] plainGradient = new double[4];
      l.at(p[0], p[1], p[2], p[3], plainGradient);
      assertThat(g).containsExactly(plainGradient);
      for (int i = 0; i < 4; i++) {
        double h = 1e-6 * p[i];
        double[] up = moved(p, i, h);
        double[] down = moved(p, i, -h);
        double[] gUp = new double[4];
        double[] gDown = new double[4];
        l.at(up[0], up[1], up[2], up[3], gUp);
        l.at(down[0], down[1], down[2], down[3], gDown);
        for (int j = 0; j < 4; j++) {
          double numeric = (gUp[j] - gDown[j]) / (2 * h);
          assertThat(hessian[i][j]).as("shift %d entry %d,%d", shift, i, j).isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
      }
    }
  }

  /** A copy of {@code p} with {@code h} added to its i-th element. */
  private static double[] moved(double[] p, int i, double h) {
    double[] q = p.clone();
    q[i] += h;
    return q;
  }

  @Test
  void trigammaMatchesKnownValues() {
    // psi'(1) = pi^2/6, psi'(1/2) = pi^2/2, psi'(10) = pi^2/6 - sum_{k<10} 1/k^2.
    double pi2 = Math.PI * Math.PI;
    assertThat(SpecialFunctions.trigamma(1)).isCloseTo(pi2 / 6, within(1e-13));
    assertThat(SpecialFunctions.trigamma(0.5)).isCloseTo(pi2 / 2, within(1e-13));
    double partial = 0;
    for (int k = 1; k < 10; k++) {
      partial += 1.0 / (k * k);
    }
    assertThat(SpecialFunctions.trigamma(10)).isCloseTo(pi2 / 6 - partial, within(1e-13));
    // psi'(x) = 1/x^2 + pi^2/6 - 2 zeta(3) x + 3 zeta(4) x^2 - ... near 0.
    assertThat(SpecialFunctions.trigamma(1e-3)).isCloseTo(1e6 + pi2 / 6 - 2 * 1.2020569031595942e-3 + 3 * 1.0823232337111382e-6, within(1e-7));
  }

  @Test
  void digammaMatchesKnownValues() {
    // psi(1) = -Euler–Mascheroni; psi(1/2) = -gamma - 2 ln 2; psi(10) = H_9 - gamma.
    double euler = 0.57721566490153286061;
    assertThat(SpecialFunctions.digamma(1)).isCloseTo(-euler, within(1e-13));
    assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-euler - 2 * Math.log(2), within(1e-13));
    double h9 = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0 + 1 / 6.0 + 1 / 7.0 + 1 / 8.0 + 1 / 9.0;
    assertThat(SpecialFunctions.digamma(10)).isCloseTo(h9 - euler, within(1e-13));
  }

  @Test
  void gammaGammaGradientMatchesDifferences() {
    double[] x = {1, 3, 7, 2};
    double[] m = {10, 25.5, 40, 12};
    double[] w = {3, 1, 2, 1};
    double[] p = {6.25, 3.74, 15.44};
    double[] g = new double[3];
    GammaGamma.logLikelihood(p[0], p[1], p[2], x, m, w, g);
    for (int i = 0; i < 3; i++) {
      double h = 1e-6 * p[i];
      double[] up = p.clone();
      double[] down = p.clone();
      up[i] += h;
      down[i] -= h;
      double numeric =
          (GammaGamma.logLikelihood(up[0], up[1], up[2], x, m, w, new double[3])
                  - GammaGamma.logLikelihood(down[0], down[1], down[2], x, m, w, new double[3]))
              / (2 * h);
      assertThat(g[i]).as("parameter %d", i).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
    }
  }

  @Test
  void fitWithoutInteriorMaximumRaisesNamingModelAndParameters() {
    // Three spends this far apart are fitted best by q and gamma running off to infinity.
    List<GammaGamma.Spend> spends =
        List.of(new GammaGamma.Spend(1, 10), new GammaGamma.Spend(3, 25.5), new GammaGamma.Spend(7, 40));
    assertThatThrownBy(() -> GammaGamma.fit(spends))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageStartingWith("gamma-gamma fit ended on the boundary at ")
        .hasMessageContaining(", p=")
        .hasMessageContaining(", q=")
        .hasMessageContaining(", gamma=");
  }
}
