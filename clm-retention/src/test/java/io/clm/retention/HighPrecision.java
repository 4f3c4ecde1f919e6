package io.clm.retention;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference values in 60-digit decimal arithmetic for the tests: the textbook closed forms evaluated
 * directly, where cancellation costs nothing. Shares no code with the implementation.
 */
final class HighPrecision {

  static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);

  private HighPrecision() {}

  /** c/(a − 1) · [1 − (1 − z)^A · 2F1(A, B; c; z)], c = B + a − 1, z = t/(s + t), 1 − z = s/(s + t). */
  static double aliveExpectation(double bigA, double bigB, double a, double scale, double t) {
    BigDecimal aa = new BigDecimal(bigA);
    BigDecimal bb = new BigDecimal(bigB);
    BigDecimal aMinus1 = new BigDecimal(a).subtract(BigDecimal.ONE, MC);
    BigDecimal c = bb.add(aMinus1, MC);
    BigDecimal s = new BigDecimal(scale);
    BigDecimal tt = new BigDecimal(t);
    BigDecimal z = tt.divide(s.add(tt, MC), MC);
    BigDecimal oneMinusZ = s.divide(s.add(tt, MC), MC);
    BigDecimal hyp = hyp2f1(aa, bb, c, z);
    BigDecimal power = exp(aa.multiply(ln(oneMinusZ), MC));
    BigDecimal bracket = BigDecimal.ONE.subtract(power.multiply(hyp, MC), MC);
    return c.divide(aMinus1, MC).multiply(bracket, MC).doubleValue();
  }

  static BigDecimal hyp2f1(BigDecimal a, BigDecimal b, BigDecimal c, BigDecimal z) {
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal tiny = new BigDecimal("1e-58");
    for (int n = 0; n < 100_000; n++) {
      BigDecimal bn = BigDecimal.valueOf(n);
      term = term.multiply(a.add(bn, MC), MC).multiply(b.add(bn, MC), MC).multiply(z, MC).divide(c.add(bn, MC).multiply(BigDecimal.valueOf(n + 1L), MC), MC);
      sum = sum.add(term, MC);
      if (n > 10 && term.abs().compareTo(tiny.multiply(sum.abs(), MC)) < 0) {
        return sum;
      }
    }
    throw new AssertionError("reference series did not converge");
  }

  /** ln y for y in (0, 2): 2 atanh((y − 1)/(y + 1)). */
  static BigDecimal ln(BigDecimal y) {
    BigDecimal u = y.subtract(BigDecimal.ONE, MC).divide(y.add(BigDecimal.ONE, MC), MC);
    BigDecimal u2 = u.multiply(u, MC);
    BigDecimal power = u;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < 100_000; k++) {
      BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), MC);
      sum = sum.add(term, MC);
      if (term.abs().compareTo(new BigDecimal("1e-62")) < 0) {
        return sum.multiply(BigDecimal.valueOf(2), MC);
      }
      power = power.multiply(u2, MC);
    }
    throw new AssertionError("reference logarithm did not converge");
  }

  /** ln y for any positive y: n ln 2 + ln(y / 2^n), with y / 2^n close to 1. */
  static BigDecimal lnAny(BigDecimal y) {
    int n = (int) Math.round(Math.log(y.doubleValue()) / Math.log(2));
    BigDecimal two = BigDecimal.valueOf(2);
    BigDecimal scaled = n >= 0 ? y.divide(two.pow(n), MC) : y.multiply(two.pow(-n), MC);
    return ln(two).multiply(BigDecimal.valueOf(n), MC).add(ln(scaled), MC);
  }

  /** e^x by halving the argument until it is small, the Taylor series, then squaring back. */
  static BigDecimal exp(BigDecimal x) {
    int halvings = 0;
    BigDecimal small = x;
    while (small.abs().compareTo(new BigDecimal("0.01")) > 0) {
      small = small.divide(BigDecimal.valueOf(2), MC);
      halvings++;
    }
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int k = 1; k < 200; k++) {
      term = term.multiply(small, MC).divide(BigDecimal.valueOf(k), MC);
      sum = sum.add(term, MC);
      if (term.abs().compareTo(new BigDecimal("1e-62")) < 0) {
        break;
      }
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }
}
