package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of repeat buying for
 * customers who can leave silently (Fader, Hardie and Lee, "Counting Your Customers the Easy Way:
 * An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005). While active, a customer
 * buys as a Poisson process with rate λ; after each purchase the customer becomes inactive with
 * probability p. Across customers λ ~ Gamma(r, α) and p ~ Beta(a, b).
 *
 * <p>Rates are per model time unit: the unit in which the {@link PurchaseHistory} values were
 * expressed (weeks for the published CDNOW parameters). Horizons passed to the prediction methods
 * are in the same unit.
 *
 * <p>Instances are immutable and thread-safe. Obtain one from {@link #fit(Collection)} or from
 * known parameters.
 *
 * @param r shape of the purchase-rate distribution, positive
 * @param alpha scale of the purchase-rate distribution, in time units, positive
 * @param a first shape of the dropout-probability distribution, positive
 * @param b second shape of the dropout-probability distribution, positive
 */
@Experimental
public record BgNbd(double r, double alpha, double a, double b) implements TransactionModel {

  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  /** Below this distance from 1, the factor 1 − (b)ₙ/(c)ₙ is summed as −expm1(Σ log1p) to keep its precision. */
  private static final double NEAR_ONE = 0.05;

  /**
   * Validates the parameters.
   *
   * @param r shape of the purchase-rate distribution, positive
   * @param alpha scale of the purchase-rate distribution, in time units, positive
   * @param a first shape of the dropout-probability distribution, positive
   * @param b second shape of the dropout-probability distribution, positive
   * @throws ValidationException if a parameter is not a positive finite number
   */
  public BgNbd {
    positive(r, "r");
    positive(alpha, "alpha");
    positive(a, "a");
    positive(b, "b");
  }

  static void positive(double value, String field) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new ValidationException(field + " " + value + " is not a positive finite number");
    }
  }

  /**
   * Fits the model to a population by maximum likelihood (equation 6 of the paper) from the start
   * point r = α = a = b = 1 (α scaled to the data's time unit). See {@link #fit(Collection,
   * BgNbd)}.
   *
   * @param histories one history per customer, all in the same time unit
   * @return the fitted model, its log-likelihood and the parameters' standard errors
   * @throws ValidationException if the population is empty or has no repeat buyers (the likelihood
   *     then has no maximum)
   * @throws ConvergenceException if the search does not converge or ends on a boundary; the
   *     message names the model and the last parameters
   */
  public static FittedModel<BgNbd> fit(Collection<PurchaseHistory> histories) {
    GroupedHistories data = new GroupedHistories(histories);
    return fit(data, new BgNbd(1, defaultAlpha(data), 1, 1));
  }

  /**
   * Fits the model by maximum likelihood from a caller-chosen start point. The search is Newton's
   * method over the logarithms of the four parameters (so they stay positive) with the analytic
   * gradient and Hessian of the log-likelihood, shifted towards gradient descent where the Hessian
   * is not positive definite; customers with identical histories are evaluated once. Nelder–Mead
   * takes over if Newton's method stalls. Standard errors come from the observed information matrix
   * ({@link FittedModel}), here the analytic Hessian at the maximum.
   *
   * @param histories one history per customer, all in the same time unit
   * @param start the parameters to start the search from
   * @return the fitted model, its log-likelihood and the parameters' standard errors
   * @throws ValidationException if the population is empty or has no repeat buyers
   * @throws ConvergenceException if the search does not converge, ends on a boundary of the
   *     parameter space (a parameter below about 3e-7 or above about 3e6) or where the information
   *     matrix is not positive definite; the message names the model and the last parameters
   */
  public static FittedModel<BgNbd> fit(Collection<PurchaseHistory> histories, BgNbd start) {
    Objects.requireNonNull(start, "start");
    return fit(new GroupedHistories(histories), start);
  }

  /** α's default start: a tenth of the mean age, so that the start does not depend on the time unit. */
  static double defaultAlpha(GroupedHistories data) {
    return data.meanAge > 0 ? data.meanAge / 10 : 1;
  }

  private static FittedModel<BgNbd> fit(GroupedHistories data, BgNbd start) {
    data.requireRepeatBuyers("bg/nbd");
    BetaGeometricLikelihood likelihood = new BetaGeometricLikelihood(data, 0);
    return MaximumLikelihood.fitWithHessian(
        "bg/nbd",
        NAMES,
        new double[] {start.r, start.alpha, start.a, start.b},
        (t, g, h) -> likelihood.at(t[0], t[1], t[2], t[3], g, h),
        data.observations,
        data.groups(),
        p -> new BgNbd(p[0], p[1], p[2], p[3]));
  }

  @Override
  public String modelName() {
    return "bg/nbd";
  }

  /**
   * The log-likelihood of a population under this model.
   *
   * @param histories one history per customer
   * @return the sum of the customers' log-likelihoods
   * @throws ValidationException if the population is empty
   */
  @Override
  public double logLikelihood(Collection<PurchaseHistory> histories) {
    return new BetaGeometricLikelihood(new GroupedHistories(histories), 0).at(r, alpha, a, b);
  }

  /**
   * The probability that a customer with this history is still active at the end of calibration:
   * {@code 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))}.
   *
   * @param history the customer's history
   * @return a probability in [0, 1]; exactly 1 for a customer with no repeat purchase
   */
  @Override
  public double probabilityAlive(PurchaseHistory history) {
    int x = history.frequency();
    if (x == 0) {
      return 1.0;
    }
    double logOdds =
        Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + history.age()) - Math.log(alpha + history.recency()));
    // 1 / (1 + e^logOdds), written to stay in [0, 1] without overflow.
    return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  }

  /**
   * The expected number of transactions in the next {@code horizon} time units for a customer with
   * this history (equation 10 of the paper):
   *
   * <pre>
   * E[Y(t) | x, t_x, T] = (a + b + x − 1) / (a − 1)
   *     · [1 − ((α + T) / (α + T + t))^(r + x) · 2F1(r + x, b + x; a + b + x − 1; t / (α + T + t))]
   *     · P(alive | x, t_x, T)
   * </pre>
   *
   * <p>The hypergeometric function is summed in scaled form (see the documentation), so large x or
   * long horizons do not overflow. At a = 1 the closed form is 0/0; there the value is the average
   * of the two sides at a ± 1e-6.
   *
   * @param history the customer's history
   * @param horizon the length of the future period, in the model's time unit, at least 0
   * @return the expected count, at least 0
   * @throws ValidationException if the horizon is negative or not finite
   * @throws ConvergenceException if the hypergeometric series does not converge (only for extreme
   *     inputs)
   */
  @Override
  public double expectedTransactions(PurchaseHistory history, double horizon) {
    checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    return Math.max(0, aliveExpectation(history, horizon, new double[2]) * probabilityAlive(history));
  }

  /** Rejects a negative or infinite horizon. */
  static void checkHorizon(double horizon) {
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new ValidationException("horizon " + horizon + " is negative or not finite");
    }
  }

  /** The expected transactions in {@code horizon} given that the customer is alive: equation 10 without its P(alive) factor. */
  double aliveExpectation(PurchaseHistory history, double horizon, double[] scratch) {
    if (horizon == 0) {
      return 0;
    }
    int x = history.frequency();
    double ageScale = alpha + history.age();
    return aliveSeries(r + x, b + x, a - 1, horizon / (ageScale + horizon), -Math.log1p(horizon / ageScale), scratch);
  }

  /**
   * {@code c / (a − 1) · [1 − (1 − z)^A · 2F1(A, B; c; z)]} with {@code c = B + a − 1}: the
   * alive-conditional expectation of the beta-geometric models. Since {@code (1 − z)^A 2F1(A, B; B;
   * z) = 1}, it equals
   *
   * <pre>
   * c · (1 − z)^A · Σ_{n ≥ 1} (A)ₙ zⁿ / n! · qₙ,   qₙ = [1 − (B)ₙ / (c)ₙ] / (a − 1)
   * </pre>
   *
   * a sum of terms of one sign: no cancellation for short horizons (small z), and at a = 1, where
   * the closed form is 0/0, qₙ is its limit Σ_{k<n} 1/(c + k). Near a = 1, 1 − (B)ₙ/(c)ₙ is
   * summed as −expm1(Σ log1p(−(a − 1)/(c + k))). Where c ≤ 0 (possible only for a + b &lt; 1 and
   * x = 0) the closed form is used.
   *
   * @param log1mz log(1 − z), computed by the caller without cancellation
   */
  static double aliveSeries(double bigA, double bigB, double aMinus1, double z, double log1mz, double[] scratch) {
    double c = bigB + aMinus1;
    if (z == 0) {
      return 0;
    }
    if (!(c > 0)) {
      SpecialFunctions.hyp2f1(bigA, bigB, c, z, scratch);
      double product = scratch[0] * Math.exp(bigA * log1mz + scratch[1]);
      return c / aMinus1 * (1 - product);
    }
    boolean nearOne = Math.abs(aMinus1) < NEAR_ONE;
    double term = 1;
    double ratio = 1;
    double logRatio = 0;
    double harmonic = 0;
    double sum = 0;
    double logScale = 0;
    for (int n = 0; ; n++) {
      term *= (bigA + n) * z / (n + 1);
      double q;
      if (aMinus1 == 0) {
        harmonic += 1 / (c + n);
        q = harmonic;
      } else if (nearOne) {
        logRatio += Math.log1p(-aMinus1 / (c + n));
        q = -Math.expm1(logRatio) / aMinus1;
      } else {
        ratio *= (bigB + n) / (c + n);
        q = (1 - ratio) / aMinus1;
      }
      double contribution = term * q;
      sum += contribution;
      if (sum > 1e250 || term > 1e250) {
        sum *= 1e-250;
        term *= 1e-250;
        logScale += 250 * Math.log(10);
      }
      double next = (bigA + n + 1) * z / (n + 2);
      if (next < 1 && contribution * next / (1 - next) <= 1e-17 * sum) {
        break;
      }
      if (n >= SpecialFunctions.MAX_SERIES_TERMS || !Double.isFinite(sum)) {
        throw new ConvergenceException(
            "alive-expectation series A=" + bigA + ", B=" + bigB + ", a-1=" + aMinus1 + ", z=" + z + " did not converge after " + n + " terms",
            0,
            Double.NaN);
      }
    }
    return c * Math.exp(bigA * log1mz + logScale) * sum;
  }

  /**
   * {@link #aliveExpectation} at several horizons at once: the series' coefficients do not depend
   * on the horizon, so one pass serves every horizon. Falls back to one series per horizon where the
   * shared pass is not safe (c ≤ 0, a near 1, terms that would need rescaling).
   *
   * @param history the history
   * @param horizons increasing positive horizons
   * @param out receives the expectations, same length
   */
  void aliveExpectations(PurchaseHistory history, double[] horizons, double[] out, double[] scratch) {
    int k = horizons.length;
    int x = history.frequency();
    double bigA = r + x;
    double bigB = b + x;
    double aMinus1 = a - 1;
    double c = bigB + aMinus1;
    double ageScale = alpha + history.age();
    if (Math.abs(aMinus1) < NEAR_ONE || !(c > 0) || k == 0) {
      for (int i = 0; i < k; i++) {
        out[i] = aliveExpectation(history, horizons[i], scratch);
      }
      return;
    }
    double[] z = new double[k];
    double[] power = new double[k];
    double[] sum = new double[k];
    for (int i = 0; i < k; i++) {
      z[i] = horizons[i] / (ageScale + horizons[i]);
      power[i] = 1;
    }
    double zMax = z[k - 1];
    double coefficient = 1;
    double ratio = 1;
    for (int n = 0; ; n++) {
      coefficient *= (bigA + n) / (n + 1);
      ratio *= (bigB + n) / (c + n);
      double weight = coefficient * (1 - ratio) / aMinus1;
      for (int i = 0; i < k; i++) {
        power[i] *= z[i];
        sum[i] += weight * power[i];
      }
      double last = weight * power[k - 1];
      if (!(sum[k - 1] < 1e250) || !(coefficient < 1e250) || n >= SpecialFunctions.MAX_SERIES_TERMS) {
        for (int i = 0; i < k; i++) {
          out[i] = aliveExpectation(history, horizons[i], scratch);
        }
        return;
      }
      double next = (bigA + n + 1) / (n + 2) * zMax;
      if (next < 1 && last * next / (1 - next) <= 1e-17 * sum[k - 1]) {
        break;
      }
    }
    for (int i = 0; i < k; i++) {
      out[i] = c * Math.exp(-bigA * Math.log1p(horizons[i] / ageScale)) * sum[i];
    }
  }

  /**
   * The expected number of repeat transactions of a new customer, acquired at time 0, in the first
   * {@code horizon} time units (equation 9 of the paper). Summed as {@link #aliveSeries}: exact at
   * and near a = 1 and without cancellation for short horizons; over horizons of many thousand times
   * α, where that series would need too many terms, as an integral over p ({@link
   * #newCustomerExpectation}).
   *
   * @param horizon the period, in the model's time unit, at least 0
   * @return the expected count
   * @throws ValidationException if the horizon is negative or not finite
   */
  @Override
  public double expectedTransactionsOfNewCustomer(double horizon) {
    checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    return Math.max(0, newCustomerExpectation(r, alpha, a, b, horizon));
  }

  /**
   * The series in z = t/(α + t) needs about (r + 40)/(1 − z) terms; past this many the expectation
   * of a new customer is taken as an integral over p instead ({@link #newCustomerIntegral}).
   */
  private static final double SERIES_TERMS_LIMIT = 50_000;

  /**
   * c/(a − 1) · [1 − (α/(α + t))^r 2F1(r, b; c; t/(α + t))], c = a + b − 1: a new customer's
   * expected repeat transactions over t, by {@link #aliveSeries} where it converges in a few
   * thousand terms, by {@link #newCustomerIntegral} where t is tens of thousands of times α.
   */
  static double newCustomerExpectation(double r, double alpha, double a, double b, double horizon) {
    double u = horizon / alpha;
    if (u * (r + 40) <= SERIES_TERMS_LIMIT) {
      return aliveSeries(r, b, a - 1, horizon / (alpha + horizon), -Math.log1p(u), new double[2]);
    }
    return newCustomerIntegral(r, a, b, u);
  }

  /**
   * ∫₀¹ (1/p) [1 − (1 + u p)^(−r)] Beta(p; a, b) dp: given λ and p a customer makes (1/p)(1 −
   * e^(−λ p t)) repeat transactions by t on average, and over λ ~ Gamma(r, α) the bracket is 1 − (1
   * + p t/α)^(−r), so this is {@link #newCustomerExpectation} at u = t/α (Euler's integral of the
   * hypergeometric function after the Pfaff transformation, with no singularity at a = 1). Summed by
   * tanh-sinh quadrature in log space, p = 1/(1 + e^(−π sinh τ)), over τ far enough that p^a and (1
   * − p)^b are below e^(−45), the step halved until two estimates agree to 1e-13.
   *
   * @throws ConvergenceException if twelve halvings do not bring two estimates that close
   */
  static double newCustomerIntegral(double r, double a, double b, double u) {
    double logNorm = -SpecialFunctions.lnBeta(a, b);
    double logU = Math.log(u);
    double logR = Math.log(r);
    double reach = 22.5 / Math.min(1, Math.min(a, b));
    double tMax = asinh(reach * 2 / Math.PI);
    double sum = 0;
    double previous = Double.NaN;
    double h = 1;
    for (int level = 0; level <= 14; level++) {
      // level 0 takes every multiple of h = 1; each later level halves h and adds the odd multiples
      int step = level == 0 ? 1 : 2;
      for (long k = level == 0 ? 0 : 1; k * h <= tMax; k += step) {
        sum += integrand(k * h, r, a, b, logR, logU, logNorm);
        if (k != 0) {
          sum += integrand(-k * h, r, a, b, logR, logU, logNorm);
        }
      }
      double estimate = sum * h;
      if (Math.abs(estimate - previous) <= 1e-13 * estimate) {
        return estimate;
      }
      previous = estimate;
      h /= 2;
    }
    throw new ConvergenceException(
        "new-customer integral r=" + r + ", a=" + a + ", b=" + b + ", t/alpha=" + u + " did not converge", 0, Double.NaN);
  }

  /** The integrand of {@link #newCustomerIntegral} at τ, times dp/dτ = π cosh τ · p (1 − p). */
  private static double integrand(double tau, double r, double a, double b, double logR, double logU, double logNorm) {
    double sigma = Math.PI / 2 * Math.sinh(tau);
    double logP;
    double logQ;
    if (sigma >= 0) {
      double e = Math.log1p(Math.exp(-2 * sigma));
      logP = -e;
      logQ = -2 * sigma - e;
    } else {
      double e = Math.log1p(Math.exp(2 * sigma));
      logP = 2 * sigma - e;
      logQ = -e;
    }
    double logUp = logU + logP;
    // 1 − (1 + y)^(−r) is r y to within a relative r y when y is below e^−40
    double logBracket = logUp < -40 ? logR + logUp : Math.log(-Math.expm1(-r * Math.log1p(Math.exp(logUp))));
    return Math.exp((a - 1) * logP + b * logQ + logBracket + Math.log(Math.PI * Math.cosh(tau)) + logNorm);
  }

  private static double asinh(double x) {
    return Math.log(x + Math.sqrt(x * x + 1));
  }
}
