package io.clm.retention;

/**
 * The small symmetric positive-definite systems of a maximum-likelihood fit (one row per
 * parameter), solved by Cholesky factorisation: the Newton direction and the inverse of the
 * information matrix.
 */
final class Cholesky {

  private Cholesky() {}

  /**
   * Factors {@code m = L Lᵀ}, writing L into the lower triangle of {@code l} (which may be {@code
   * m} itself).
   *
   * @return false if m is not positive definite or not finite
   */
  static boolean factor(double[][] m, double[][] l) {
    int n = m.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0) || !Double.isFinite(sum)) {
            return false;
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return true;
  }

  /** Solves {@code L Lᵀ out = b} with the factor from {@link #factor}. */
  static void solve(double[][] l, double[] b, double[] out) {
    int n = b.length;
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * out[k];
      }
      out[i] = sum / l[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = out[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * out[k];
      }
      out[i] = sum / l[i][i];
    }
  }

  /** The inverse, or null if the matrix is not positive definite or not finite. */
  static double[][] inverse(double[][] m) {
    int n = m.length;
    double[][] l = new double[n][n];
    if (!factor(m, l)) {
      return null;
    }
    double[][] inverse = new double[n][n];
    double[] unit = new double[n];
    double[] column = new double[n];
    for (int c = 0; c < n; c++) {
      unit[c] = 1;
      solve(l, unit, column);
      unit[c] = 0;
      for (int i = 0; i < n; i++) {
        inverse[i][c] = column[i];
      }
    }
    return inverse;
  }

  /**
   * {@code (H + λI)⁻¹ g} into {@code out}, with λ = 0 if H is positive definite, otherwise the first
   * of 10⁻³, 10⁻², … times the largest diagonal element that makes it so (Nocedal and Wright,
   * algorithm 3.3); {@code g} itself if none does (a gradient step).
   *
   * @param work scratch space of H's size
   */
  static void shiftedNewton(double[][] hessian, double[] g, double[] out, double[][] work) {
    int n = g.length;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(hessian[i][i]));
    }
    double lambda = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(hessian[i], 0, work[i], 0, n);
        work[i][i] += lambda;
      }
      if (factor(work, work)) {
        solve(work, g, out);
        return;
      }
      lambda = lambda == 0 ? 1e-3 * Math.max(scale, 1e-8) : 10 * lambda;
    }
    System.arraycopy(g, 0, out, 0, n);
  }
}
