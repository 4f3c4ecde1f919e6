package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.Collection;
import java.util.Objects;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo, "Counting Your Customers: Who Are They
 * and What Will They Do Next?", Management Science 33(1), 1987), in the formulation of Fader and
 * Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005). While active, a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); the customer's lifetime is
 * exponential with rate μ ~ Gamma(s, β), independent of λ. Unlike the BG/NBD, a customer can leave
 * at any time, not only right after a purchase.
 *
 * <p>The likelihood needs the Gauss hypergeometric function, summed here in scaled form; the
 * gradient is taken by central differences. Rates and horizons are per model time unit.
 *
 * @param r shape of the purchase-rate distribution, positive
 * @param alpha scale of the purchase-rate distribution, in time units, positive
 * @param s shape of the dropout-rate distribution, positive
 * @param beta scale of the dropout-rate distribution, in time units, positive
 */
@Experimental
public record ParetoNbd(double r, double alpha, double s, double beta) implements TransactionModel {

  private static final String[] NAMES = {"r", "alpha", "s", "beta"};

  /**
   * Validates the parameters.
   *
   * @throws ValidationException if a parameter is not a positive finite number
   * @param r shape of the purchase-rate distribution, positive
   * @param alpha scale of the purchase-rate distribution, in time units, positive
   * @param s shape of the dropout-rate distribution, positive
   * @param beta scale of the dropout-rate distribution, in time units, positive
   */
  public ParetoNbd {
    BgNbd.positive(r, "r");
    BgNbd.positive(alpha, "alpha");
    BgNbd.positive(s, "s");
    BgNbd.positive(beta, "beta");
  }

  /**
   * Fits the model by maximum likelihood from r = s = 1 and α = β a tenth of the mean age.
   *
   * @param histories one history per customer, all in the same time unit
   * @return the fitted model with standard errors
   * @throws ValidationException if the population is empty or has no repeat buyers
   * @throws ConvergenceException if the search does not converge or ends on a boundary
   */
  public static FittedModel<ParetoNbd> fit(Collection<PurchaseHistory> histories) {
    GroupedHistories data = new GroupedHistories(histories);
    double scale = BgNbd.defaultAlpha(data);
    return fit(data, new ParetoNbd(1, scale, 1, scale));
  }

  /**
   * Fits the model by maximum likelihood (BFGS over log-parameters, numerical gradient) from a
   * caller-chosen start point.
   *
   * @param histories one history per customer, all in the same time unit
   * @param start the parameters to start from
   * @return the fitted model with standard errors
   * @throws ValidationException if the population is empty or has no repeat buyers
   * @throws ConvergenceException if the search does not converge or ends on a boundary; the
   *     message names the model and the last parameters
   */
  public static FittedModel<ParetoNbd> fit(Collection<PurchaseHistory> histories, ParetoNbd start) {
    Objects.requireNonNull(start, "start");
    return fit(new GroupedHistories(histories), start);
  }

  private static FittedModel<ParetoNbd> fit(GroupedHistories data, ParetoNbd start) {
    data.requireRepeatBuyers("pareto/nbd");
    double[] scratch = new double[2];
    return MaximumLikelihood.fitNumerically(
        "pareto/nbd",
        NAMES,
        new double[] {start.r, start.alpha, start.s, start.beta},
        t -> {
          try {
            return logLikelihood(data, t[0], t[1], t[2], t[3], scratch);
          } catch (ConvergenceException e) {
            // a point where the hypergeometric series does not converge is no candidate: the
            // search steps back from it as from any likelihood that is not finite
            return Double.NaN;
          }
        },
        data.observations,
        data.groups(),
        p -> new ParetoNbd(p[0], p[1], p[2], p[3]));
  }

  @Override
  public String modelName() {
    return "pareto/nbd";
  }

  @Override
  public double logLikelihood(Collection<PurchaseHistory> histories) {
    return logLikelihood(new GroupedHistories(histories), r, alpha, s, beta, new double[2]);
  }

  private static double logLikelihood(GroupedHistories data, double r, double alpha, double s, double beta, double[] scratch) {
    double ll = data.observations * (r * Math.log(alpha) + s * Math.log(beta) - SpecialFunctions.lnGamma(r));
    for (int k = 0; k < data.distinctX.length; k++) {
      ll += data.distinctXWeight[k] * SpecialFunctions.lnGamma(r + data.distinctX[k]);
    }
    ParetoNbd model = new ParetoNbd(r, alpha, s, beta);
    for (int i = 0; i < data.x.length; i++) {
      double age = data.ages[data.ageIndex[i]];
      double recency = data.recencies[data.recencyIndex[i]];
      int x = data.x[i];
      double logFirst = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
      double logSecond = Math.log(s / (r + s + x)) + model.logA0(x, recency, age, scratch);
      ll += data.weight[i] * SpecialFunctions.logAddExp(logFirst, logSecond);
    }
    return ll;
  }

  /**
   * log A₀ of the note (equations 19 and 20), −∞ when t_x = T. A₀ is (r + s + x) times the
   * integral over the dropout time τ from t_x to T of (α + τ)^(−(r + x)) (β + τ)^(−(s + 1)). With y
   * = (small + τ)/(big + τ) for the smaller and the larger scale, the integral is summed as a series
   * in y ({@link #logDropoutIntegral}) where y · (|k| + 1) ≤ ¼ (k as there), and as the difference
   * of two hypergeometric terms ({@link #logHypergeometricPart}) where y is larger. Their arguments
   * are z = 1 − y: the hypergeometric series needs about 40/y terms, which the split keeps below
   * 160 (|k| + 1), so a customer whose interval starts close to y = 0 (β far above α, t_x small)
   * and ends beyond the series in y is summed in two parts, each where it converges fast. Where y
   * stays small beyond the series in y (a large s), {@link #logSmoothPart} takes the integral by
   * quadrature instead of the hypergeometric difference.
   */
  private double logA0(int x, double recency, double age, double[] scratch) {
    double rsx = r + s + x;
    double big = Math.max(alpha, beta);
    double small = Math.min(alpha, beta);
    double k = r + x + s - 1;
    double yEnd = 0.25 / (Math.abs(k) + 1);
    if ((small + age) / (big + age) <= yEnd) {
      return Math.log(rsx) + logDropoutIntegral(x, recency, age, big, small);
    }
    if ((small + recency) / (big + recency) < yEnd) {
      // τ where y = yEnd, strictly between t_x and T
      double split = (yEnd * big - small) / (1 - yEnd);
      return Math.log(rsx)
          + SpecialFunctions.logAddExp(
              logDropoutIntegral(x, recency, split, big, small), logSmoothPart(x, split, age, big, small, scratch));
    }
    return Math.log(rsx) + logSmoothPart(x, recency, age, big, small, scratch);
  }

  /**
   * Below this y at the start of the interval the hypergeometric series needs more than about
   * 40/y = 800 terms, and {@link #logQuadrature} is tried first.
   */
  private static final double QUADRATURE_BELOW = 0.05;

  /** The most panels {@link #logQuadrature} takes; past them the hypergeometric difference is used. */
  private static final int MAX_PANELS = 128;

  /**
   * The integral of {@link #logHypergeometricPart}, by {@link #logQuadrature} where y is small at
   * the start of the interval and the integrand smooth enough for a few panels.
   */
  private double logSmoothPart(int x, double from, double to, double big, double small, double[] scratch) {
    if ((small + from) / (big + from) < QUADRATURE_BELOW) {
      double byQuadrature = logQuadrature(x, from, to, big, small);
      if (!Double.isNaN(byQuadrature)) {
        return byQuadrature;
      }
    }
    return logHypergeometricPart(x, from, to, big, small, scratch);
  }

  /**
   * The log of the integral over τ from {@code from} to {@code to} of (small + τ)^(−p) (big +
   * τ)^(−q) (p, q as in {@link #logDropoutIntegral}) by Gauss–Legendre quadrature in v = ln(small +
   * τ), or NaN where that would take more than {@value #MAX_PANELS} panels. In v the integrand is
   * h(v) = e^((1 − p) v) (big − small + e^v)^(−q), whose logarithm is concave with slope (1 − p) − q
   * y. Where log h falls more than {@value #CUT} below its maximum the rest of the interval is left
   * out; what remains is cut into panels over which log h changes by about 8 at most, where the
   * 16-point rule is exact to rounding, and the values are taken relative to the maximum, so that
   * nothing overflows.
   */
  private double logQuadrature(int x, double from, double to, double big, double small) {
    double p = alpha < beta ? r + x : s + 1;
    double q = alpha < beta ? s + 1 : r + x;
    double v1 = Math.log(small + from);
    double v2 = Math.log(small + to);
    if (!(v1 < v2)) {
      return Double.NEGATIVE_INFINITY;
    }
    double y1 = (small + from) / (big + from);
    double y2 = (small + to) / (big + to);
    // the maximum of log h: where its slope is 0 (y = (1 − p)/q), or the nearer end
    double yStationary = (1 - p) / q;
    double logD = Math.log(big - small);
    double top;
    double yTop;
    if (yStationary <= y1) {
      top = v1;
      yTop = y1;
    } else if (yStationary >= y2) {
      top = v2;
      yTop = y2;
    } else {
      top = Math.min(v2, Math.max(v1, logD + Math.log(yStationary / (1 - yStationary))));
      yTop = yStationary;
    }
    // where log h has fallen by more than CUT below its top the rest of the interval is left out
    double lo = fall(v1 - top, p, q, yTop) < -CUT ? top + cut(v1 - top, p, q, yTop) : v1;
    double hi = fall(v2 - top, p, q, yTop) < -CUT ? top + cut(v2 - top, p, q, yTop) : v2;
    double yLo = lo == v1 ? y1 : yAt(lo - top, yTop);
    double yHi = hi == v2 ? y2 : yAt(hi - top, yTop);
    double steepest = Math.max(Math.abs(1 - p - q * yLo), Math.abs(1 - p - q * yHi));
    // log h changes by at most about 8 over a panel, where the rule's error is below 1e-24 of the
    // panel's integral, and a panel is at most about two widths 1/√(q y) of a peak of log h
    double panels = Math.ceil((steepest / 8 + Math.sqrt(q * yHi) / 2) * (hi - lo));
    if (!(panels <= MAX_PANELS)) {
      return Double.NaN;
    }
    int count = Math.max(1, (int) panels);
    double half = (hi - lo) / count / 2;
    double sum = 0;
    for (int panel = 0; panel < count; panel++) {
      double centre = (lo - top) + (2 * panel + 1) * half;
      for (int i = 0; i < GaussLegendre.POINTS; i++) {
        sum += GaussLegendre.weight(i) * Math.exp(fall(centre + half * GaussLegendre.node(i), p, q, yTop));
      }
    }
    return (1 - p) * top - q * SpecialFunctions.logAddExp(logD, top) + Math.log(sum * half);
  }

  /** How far below its top {@link #logQuadrature} follows log h: e^−45 is 3e-20. */
  private static final double CUT = 45;

  /**
   * log h(top + d) − log h(top), where ln(big − small + e^v) − ln(big − small + e^top) is ln(1 +
   * y(top)·(e^d − 1)).
   */
  private static double fall(double d, double p, double q, double yTop) {
    return (1 - p) * d - q * Math.log1p(yTop * Math.expm1(d));
  }

  /** y = (small + τ)/(big + τ) at v = top + d. */
  private static double yAt(double d, double yTop) {
    return yTop * Math.exp(d) / (1 + yTop * Math.expm1(d));
  }

  /**
   * The offset between 0 and {@code end} where {@link #fall} reaches −{@link #CUT}, to within a
   * thousandth of the distance, taken on the far side: log h falls monotonically away from its top.
   */
  private static double cut(double end, double p, double q, double yTop) {
    double near = 0;
    double far = end;
    for (int i = 0; i < 10; i++) {
      double middle = (near + far) / 2;
      if (fall(middle, p, q, yTop) < -CUT) {
        far = middle;
      } else {
        near = middle;
      }
    }
    return far;
  }

  /**
   * The log of the integral over τ from {@code from} to {@code to} of (α + τ)^(−(r + x)) (β +
   * τ)^(−(s + 1)), as the difference of two scaled hypergeometric terms, taken as {@code L₁ +
   * log(−expm1(L₂ − L₁))} so it keeps its relative precision when the ends are close.
   */
  private double logHypergeometricPart(int x, double from, double to, double big, double small, double[] scratch) {
    double rsx = r + s + x;
    double difference = big - small;
    double second = alpha >= beta ? s + 1 : r + x;
    double l1 = SpecialFunctions.logHyp2f1Shifted(rsx, second, difference / (big + from), (small + from) / (big + from), scratch)
        - rsx * Math.log(big + from) - Math.log(rsx);
    double l2 = SpecialFunctions.logHyp2f1Shifted(rsx, second, difference / (big + to), (small + to) / (big + to), scratch)
        - rsx * Math.log(big + to) - Math.log(rsx);
    if (!(l2 < l1)) {
      return Double.NEGATIVE_INFINITY;
    }
    return l1 + Math.log(-Math.expm1(l2 - l1));
  }

  /**
   * The log of the integral over τ from {@code from} to {@code to} of (α + τ)^(−(r + x)) (β +
   * τ)^(−(s + 1)) where y = (small + τ)/(big + τ) stays small. With the smaller scale's factor
   * (small + τ)^(−p) and the larger's (big + τ)^(−q), the integral is (big − small)^(1 − p − q) ∫
   * y^(−p) (1 − y)^k dy over y, k = p + q − 2. Expanding (1 − y)^k by the binomial series, each
   * term is a power of y integrated exactly ({@link SpecialFunctions#logPowerIntegral}), no
   * difference of two large numbers. The terms shrink at least as fast as ((|k| + 1) y)^j, at most
   * ¼^j where {@link #logA0} uses it: where the hypergeometric argument (big − small)/(big + τ) is
   * close to 1 and its series converges slowly (on a portfolio with little dropout, β far above α).
   */
  private double logDropoutIntegral(int x, double from, double to, double big, double small) {
    double p = alpha < beta ? r + x : s + 1;
    double q = alpha < beta ? s + 1 : r + x;
    double k = p + q - 2;
    double logY1 = Math.log((small + from) / (big + from));
    double logY2 = Math.log((small + to) / (big + to));
    if (!(logY1 < logY2)) {
      return Double.NEGATIVE_INFINITY;
    }
    double first = SpecialFunctions.logPowerIntegral(1 - p, logY1, logY2);
    double sum = 1;
    double binomial = 1;
    for (int j = 1; j < SpecialFunctions.MAX_SERIES_TERMS; j++) {
      binomial *= -(k - j + 1) / j;
      if (binomial == 0) {
        break;
      }
      double term = Math.copySign(
          Math.exp(Math.log(Math.abs(binomial)) + SpecialFunctions.logPowerIntegral(j + 1 - p, logY1, logY2) - first), binomial);
      sum += term;
      if (Math.abs(term) <= 1e-17 * sum) {
        break;
      }
    }
    return (1 - p - q) * Math.log(big - small) + first + Math.log(sum);
  }

  /**
   * {@code 1 / (1 + s / (r + s + x) · (α + T)^(r + x) (β + T)^s · A₀)} (equation 18 of the note).
   */
  @Override
  public double probabilityAlive(PurchaseHistory history) {
    int x = history.frequency();
    double age = history.age();
    double logOdds =
        Math.log(s / (r + s + x))
            + (r + x) * Math.log(alpha + age)
            + s * Math.log(beta + age)
            + logA0(x, history.recency(), age, new double[2]);
    if (logOdds == Double.NEGATIVE_INFINITY) {
      return 1;
    }
    return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  }

  /**
   * {@code (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s − 1)] · P(alive)}
   * (equation 21 of the note), with the bracket over (s − 1) written as {@code −expm1(−(s − 1)
   * log1p(t/(β + T))) / (s − 1)}: exact for short horizons and, at s = 1, its limit {@code
   * log1p(t/(β + T))}.
   */
  @Override
  public double expectedTransactions(PurchaseHistory history, double horizon) {
    BgNbd.checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    int x = history.frequency();
    double age = history.age();
    return (r + x) / (alpha + age) * (beta + age) * lifetimeFactor(horizon / (beta + age)) * probabilityAlive(history);
  }

  /** {@code r β / (α (s − 1)) · [1 − (β / (β + t))^(s − 1)]} (equation 17 of the note), stably. */
  @Override
  public double expectedTransactionsOfNewCustomer(double horizon) {
    BgNbd.checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    return r / alpha * beta * lifetimeFactor(horizon / beta);
  }

  /** [1 − (1 + u)^−(s − 1)] / (s − 1), and log1p(u) at s = 1. */
  private double lifetimeFactor(double u) {
    double log1pU = Math.log1p(u);
    double sMinus1 = s - 1;
    return sMinus1 == 0 ? log1pU : -Math.expm1(-sMinus1 * log1pU) / sMinus1;
  }
}
