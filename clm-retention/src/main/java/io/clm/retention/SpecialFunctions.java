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
   *     terms; its {@code evaluations()} is 0, since no likelihood was evaluated
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
              0,
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
   * ln 2F1(a, b; a + 1; z) for {@code a > 0}, {@code b > 0} and {@code 0 <= z < 1}, given {@code 1 −
   * z} computed without cancellation. The series' terms go like n^(b − 2) z^n: for b > 1 they
   * first grow, for a long time when z is close to 1. For b > 1 and z > 1/2 the Euler transform (1
   * − z)^(1 − b) 2F1(1, a + 1 − b; a + 1; z) (DLMF 15.8.1) is summed instead, whose terms shrink
   * from the first, like n^(−b) z^n.
   *
   * @param a first numerator parameter, positive
   * @param b second numerator parameter, positive
   * @param z argument, {@code 0 <= z < 1}
   * @param oneMinusZ {@code 1 − z}
   * @param out scratch for {@link #hyp2f1}
   * @return the log of the (positive) value
   * @throws ConvergenceException as {@link #hyp2f1}
   */
  static double logHyp2f1Shifted(double a, double b, double z, double oneMinusZ, double[] out) {
    if (b > 1 && z > 0.5) {
      hyp2f1(1, a + 1 - b, a + 1, z, out);
      return out[1] + (1 - b) * Math.log(oneMinusZ);
    }
    hyp2f1(a, b, a + 1, z, out);
    return out[1];
  }

  /**
   * ln ∫ y^(m − 1) dy from y₁ to y₂, that is ln[(y₂^m − y₁^m)/m], for {@code 0 < y₁ <= y₂}, without
   * cancellation for any m, also at and near 0, where it is ln ln(y₂/y₁).
   *
   * @param m the exponent plus one
   * @param logY1 ln y₁
   * @param logY2 ln y₂
   * @return the log of the integral; −∞ when y₁ = y₂
   */
  static double logPowerIntegral(double m, double logY1, double logY2) {
    double span = logY2 - logY1;
    if (m > 0) {
      return m * logY2 + Math.log(-Math.expm1(-m * span)) - Math.log(m);
    }
    if (m < 0) {
      return m * logY1 + Math.log(-Math.expm1(m * span)) - Math.log(-m);
    }
    return Math.log(span);
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

  /**
   * The digamma function ψ(x) = d ln Γ(x) / dx for a positive argument: the recurrence
   * ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series (absolute error below 1e-13).
   *
   * @param x positive
   * @return ψ(x)
   */
  static double digamma(double x) {
    double shift = 0;
    while (x < 10) {
      shift -= 1 / x;
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series =
        inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
    return shift + Math.log(x) - 0.5 * inv - series;
  }

  /**
   * The trigamma function ψ′(x) = d²ln Γ(x) / dx² for a positive argument: the recurrence ψ′(x) =
   * ψ′(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series (absolute error below 1e-13).
   *
   * @param x positive
   * @return ψ′(x)
   */
  static double trigamma(double x) {
    double shift = 0;
    while (x < 10) {
      shift += 1 / (x * x);
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series =
        inv + 0.5 * inv2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66)))));
    return shift + series;
  }

  /**
   * The quantile function of the standard normal distribution (Acklam's rational approximation,
   * relative error below 1.2e-9).
   *
   * @param p a probability strictly between 0 and 1
   * @return z with Φ(z) = p
   */
  static double normalQuantile(double p) {
    double q;
    double z;
    if (p < 0.02425) {
      q = Math.sqrt(-2 * Math.log(p));
      z = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
    } else if (p <= 1 - 0.02425) {
      q = p - 0.5;
      double t = q * q;
      z = (((((-3.969683028665376e+01 * t + 2.209460984245205e+02) * t - 2.759285104469687e+02) * t + 1.383577518672690e+02) * t - 3.066479806614716e+01) * t + 2.506628277459239e+00) * q
          / (((((-5.447609879822406e+01 * t + 1.615858368580409e+02) * t - 1.556989798598866e+02) * t + 6.680131188771972e+01) * t - 1.328068155288572e+01) * t + 1);
    } else {
      q = Math.sqrt(-2 * Math.log1p(-p));
      z = -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
    }
    return z;
  }
}
