package io.clm.retention;

import io.clm.api.retention.ConvergenceException;

/**
 * The special functions the buy-till-you-die models need, written for numerical stability: the
 * log-gamma function and the Gauss hypergeometric function in scaled (log) form.
 */
final class SpecialFunctions {

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double LANCZOS_G = 7;
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  /** Rescale the running hypergeometric sum when it passes this magnitude. */
  private static final double BIG = 1e250;

  private static final double LOG_BIG = Math.log(BIG);

  /** Series terms allowed before the hypergeometric sum is declared divergent. */
  static final int MAX_SERIES_TERMS = 200_000;

  private SpecialFunctions() {}

  /**
   * The natural logarithm of the gamma function for a positive argument (Lanczos, g = 7, n = 9;
   * relative error below 1e-14 over the range used here).
   *
   * @param x positive
   * @return ln Γ(x)
   */
  static double lnGamma(double x) {
    if (x < 0.5) {
      // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range.
      return lnGamma(x + 1) - Math.log(x);
    }
    double y = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (y + i);
    }
    double t = y + LANCZOS_G + 0.5;
    return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * ln B(a, b), the log of the beta function.
   *
   * @param a positive
   * @param b positive
   * @return ln B(a, b)
   */
  static double lnBeta(double a, double b) {
    return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  }

  /**
   * The Gauss hypergeometric function 2F1(a, b; c; z) for {@code 0 <= z < 1}, summed as its power
   * series with the running sum rescaled so that it neither overflows nor loses the scale: the
   * result is {@code sign * exp(logMagnitude)}, returned through {@code out[0]} (sign, +1 or -1)
   * and {@code out[1]} (log magnitude). The series converges for every {@code z < 1}; terms may grow
   * by hundreds of orders of magnitude before they shrink when a and b are large, which is where
   * plain double-precision implementations overflow to infinity or NaN. A negative, non-integer c
   * is handled (terms change sign until n passes -c).
   *
   * @param a first numerator parameter
   * @param b second numerator parameter
   * @param c denominator parameter, not zero or a negative integer
   * @param z argument, {@code 0 <= z < 1}
   * @param out receives sign and log magnitude
   * @throws ConvergenceException if the series has not converged after {@link #MAX_SERIES_TERMS}
   *     terms
   */
  static void hyp2f1(double a, double b, double c, double z, double[] out) {
    double term = 1;
    double sum = 1;
    double logScale = 0;
    if (z != 0) {
      int n = 0;
      while (true) {
        double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
        term *= ratio;
        sum += term;
        if (Math.abs(sum) > BIG || Math.abs(term) > BIG) {
          sum /= BIG;
          term /= BIG;
          logScale += LOG_BIG;
        }
        n++;
        if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1 && n > -c) {
          break;
        }
        if (term == 0 && n > -c) {
          break;
        }
        if (n >= MAX_SERIES_TERMS || !Double.isFinite(sum)) {
          throw new ConvergenceException(
              "hypergeometric series 2F1("
                  + a
                  + ", "
                  + b
                  + "; "
                  + c
                  + "; "
                  + z
                  + ") did not converge after "
                  + n
                  + " terms",
              n,
              Double.NaN);
        }
      }
    }
    if (sum == 0) {
      out[0] = 0;
      out[1] = Double.NEGATIVE_INFINITY;
      return;
    }
    out[0] = Math.signum(sum);
    out[1] = logScale + Math.log(Math.abs(sum));
  }

  /**
   * log(exp(x) + exp(y)) without overflow.
   *
   * @param x a log value
   * @param y a log value
   * @return the log of the sum
   */
  static double logAddExp(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) {
      return y;
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
  }
}
