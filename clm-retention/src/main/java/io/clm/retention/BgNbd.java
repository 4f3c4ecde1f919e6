package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
public record BgNbd(double r, double alpha, double a, double b) {

  private static final String[] NAMES = {"r", "alpha", "a", "b"};

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
   * Fits the model to a population by maximum likelihood (equation 6 of the paper). The search
   * runs over the logarithms of the four parameters, so they stay positive, with a Nelder–Mead
   * simplex; customers with identical histories are evaluated once.
   *
   * @param histories one history per customer, all in the same time unit
   * @return the fitted model and its log-likelihood
   * @throws ValidationException if the population is empty or has no repeat buyers (the likelihood
   *     then has no maximum)
   * @throws ConvergenceException if the search does not converge; the message carries the
   *     diagnostics
   */
  public static FittedModel<BgNbd> fit(Collection<PurchaseHistory> histories) {
    Likelihood likelihood = new Likelihood(histories);
    likelihood.requireRepeatBuyers();
    NelderMead search = new NelderMead(20_000, 1e-10, 1e-6);
    NelderMead.Result result =
        search.minimise("bg/nbd", NAMES, p -> -likelihood.at(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3])), new double[4], 1.0);
    double[] p = result.point();
    BgNbd model;
    try {
      model = new BgNbd(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]));
    } catch (ValidationException e) {
      throw new ConvergenceException(
          "bg/nbd fit drifted to degenerate parameters: " + e.getMessage(), result.evaluations(), -result.value());
    }
    return new FittedModel<>(model, -result.value(), result.evaluations(), likelihood.observations, likelihood.x.length);
  }

  /**
   * The log-likelihood of a population under this model.
   *
   * @param histories one history per customer
   * @return the sum of the customers' log-likelihoods
   * @throws ValidationException if the population is empty
   */
  public double logLikelihood(Collection<PurchaseHistory> histories) {
    return new Likelihood(histories).at(r, alpha, a, b);
  }

  /**
   * The probability that a customer with this history is still active at the end of calibration:
   * {@code 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))}.
   *
   * @param history the customer's history
   * @return a probability in [0, 1]; exactly 1 for a customer with no repeat purchase
   */
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
  public double expectedTransactions(PurchaseHistory history, double horizon) {
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new ValidationException("horizon " + horizon + " is negative or not finite");
    }
    if (horizon == 0) {
      return 0;
    }
    return Math.max(0, aliveExpectation(history, horizon, new double[2]) * probabilityAlive(history));
  }

  /**
   * The expected transactions in {@code horizon} given that the customer is alive: equation 10
   * without its P(alive) factor. At a = 1, the average of the two sides at a ± 1e-6.
   */
  double aliveExpectation(PurchaseHistory history, double horizon, double[] scratch) {
    if (horizon == 0) {
      return 0;
    }
    if (Math.abs(a - 1) < 1e-6) {
      return 0.5
          * (aliveExpectation(1 - 1e-6, history, horizon, scratch)
              + aliveExpectation(1 + 1e-6, history, horizon, scratch));
    }
    return aliveExpectation(a, history, horizon, scratch);
  }

  /**
   * {@link #aliveExpectation} at several horizons at once: the hypergeometric coefficients do not
   * depend on the horizon, so one pass of the series serves every horizon. Falls back to one series
   * per horizon where the shared pass is not safe (a near 1, a non-positive third parameter, terms
   * that would need rescaling).
   *
   * @param history the history
   * @param horizons increasing positive horizons
   * @param out receives the expectations, same length
   */
  void aliveExpectations(PurchaseHistory history, double[] horizons, double[] out, double[] scratch) {
    int k = horizons.length;
    int x = history.frequency();
    double aa = r + x;
    double bb = b + x;
    double cc = a + b + x - 1;
    double ageScale = alpha + history.age();
    if (Math.abs(a - 1) < 1e-6 || cc <= 0 || k == 0) {
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
      sum[i] = 1;
    }
    double zMax = z[k - 1];
    double coefficient = 1;
    for (int n = 0; ; n++) {
      coefficient *= (aa + n) * (bb + n) / ((cc + n) * (n + 1));
      for (int i = 0; i < k; i++) {
        power[i] *= z[i];
        sum[i] += coefficient * power[i];
      }
      double last = coefficient * power[k - 1];
      if (!(sum[k - 1] < 1e250) || n >= SpecialFunctions.MAX_SERIES_TERMS) {
        for (int i = 0; i < k; i++) {
          out[i] = aliveExpectation(history, horizons[i], scratch);
        }
        return;
      }
      double ratio = (aa + n + 1) * (bb + n + 1) / ((cc + n + 1) * (n + 2)) * zMax;
      if (last <= 1e-17 * sum[k - 1] && ratio < 1) {
        break;
      }
    }
    double logAgeScale = Math.log(ageScale);
    for (int i = 0; i < k; i++) {
      double logOneMinusZ = logAgeScale - Math.log(ageScale + horizons[i]);
      out[i] = cc / (a - 1) * (1 - Math.exp(aa * logOneMinusZ) * sum[i]);
    }
  }

  /** The expectation given the customer is alive, for a given value of a. */
  private double aliveExpectation(double aa, PurchaseHistory history, double horizon, double[] scratch) {
    int x = history.frequency();
    double ageScale = alpha + history.age();
    double z = horizon / (ageScale + horizon);
    double logOneMinusZ = Math.log(ageScale) - Math.log(ageScale + horizon);
    SpecialFunctions.hyp2f1(r + x, b + x, aa + b + x - 1, z, scratch);
    double product = scratch[0] * Math.exp((r + x) * logOneMinusZ + scratch[1]);
    return (aa + b + x - 1) / (aa - 1) * (1 - product);
  }

  /**
   * The expected number of repeat transactions of a new customer, acquired at time 0, in the first
   * {@code horizon} time units (equation 9 of the paper).
   *
   * @param horizon the period, in the model's time unit, at least 0
   * @return the expected count
   * @throws ValidationException if the horizon is negative or not finite
   */
  public double expectedTransactionsOfNewCustomer(double horizon) {
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new ValidationException("horizon " + horizon + " is negative or not finite");
    }
    if (horizon == 0) {
      return 0;
    }
    double[] scratch = new double[2];
    double z = horizon / (alpha + horizon);
    SpecialFunctions.hyp2f1(r, b, a + b - 1, z, scratch);
    double product = scratch[0] * Math.exp(r * (Math.log(alpha) - Math.log(alpha + horizon)) + scratch[1]);
    return Math.max(0, (a + b - 1) / (a - 1) * (1 - product));
  }

  /** The log-likelihood of a population, with customers grouped by identical history. */
  static final class Likelihood {
    final int observations;
    final int[] x;
    final double[] weight;
    /** Distinct ages and recencies, and each group's index into them. */
    final double[] ages;
    final double[] recencies;
    final int[] ageIndex;
    final int[] recencyIndex;
    final int[] distinctX;
    final double[] distinctXWeight;
    /** Scratch space for the logs of alpha + age and alpha + recency; confined to one fit. */
    private final double[] logAge;
    private final double[] logRecency;

    Likelihood(Collection<PurchaseHistory> histories) {
      Objects.requireNonNull(histories, "histories");
      if (histories.isEmpty()) {
        throw new ValidationException("population is empty");
      }
      Map<PurchaseHistory, Integer> groups = new HashMap<>();
      Map<Integer, Integer> byX = new TreeMap<>();
      for (PurchaseHistory h : histories) {
        Objects.requireNonNull(h, "history");
        groups.merge(h, 1, Integer::sum);
        byX.merge(h.frequency(), 1, Integer::sum);
      }
      observations = histories.size();
      int n = groups.size();
      x = new int[n];
      weight = new double[n];
      ageIndex = new int[n];
      recencyIndex = new int[n];
      Map<Double, Integer> ageIds = new HashMap<>();
      Map<Double, Integer> recencyIds = new HashMap<>();
      int i = 0;
      for (Map.Entry<PurchaseHistory, Integer> e : groups.entrySet()) {
        x[i] = e.getKey().frequency();
        weight[i] = e.getValue();
        ageIndex[i] = ageIds.computeIfAbsent(e.getKey().age(), k -> ageIds.size());
        recencyIndex[i] = recencyIds.computeIfAbsent(e.getKey().recency(), k -> recencyIds.size());
        i++;
      }
      ages = new double[ageIds.size()];
      ageIds.forEach((v, id) -> ages[id] = v);
      recencies = new double[recencyIds.size()];
      recencyIds.forEach((v, id) -> recencies[id] = v);
      logAge = new double[ages.length];
      logRecency = new double[recencies.length];
      distinctX = new int[byX.size()];
      distinctXWeight = new double[byX.size()];
      i = 0;
      for (Map.Entry<Integer, Integer> e : byX.entrySet()) {
        distinctX[i] = e.getKey();
        distinctXWeight[i] = e.getValue();
        i++;
      }
    }

    void requireRepeatBuyers() {
      if (distinctX[distinctX.length - 1] == 0) {
        throw new ValidationException("population of " + observations + " customers has no repeat buyers");
      }
    }

    double at(double r, double alpha, double a, double b) {
      double ll = observations * (r * Math.log(alpha) - SpecialFunctions.lnGamma(r));
      double lnGammaAB = SpecialFunctions.lnGamma(a + b);
      double lnGammaB = SpecialFunctions.lnGamma(b);
      for (int k = 0; k < distinctX.length; k++) {
        int xk = distinctX[k];
        double term =
            SpecialFunctions.lnGamma(r + xk)
                + lnGammaAB
                + SpecialFunctions.lnGamma(b + xk)
                - lnGammaB
                - SpecialFunctions.lnGamma(a + b + xk);
        ll += distinctXWeight[k] * term;
      }
      for (int j = 0; j < ages.length; j++) {
        logAge[j] = Math.log(alpha + ages[j]);
      }
      for (int j = 0; j < recencies.length; j++) {
        logRecency[j] = Math.log(alpha + recencies[j]);
      }
      double logA = Math.log(a);
      for (int i = 0; i < x.length; i++) {
        int xi = x[i];
        double a3 = -(r + xi) * logAge[ageIndex[i]];
        double term;
        if (xi > 0) {
          double a4 = logA - Math.log(b + xi - 1) - (r + xi) * logRecency[recencyIndex[i]];
          term = SpecialFunctions.logAddExp(a3, a4);
        } else {
          term = a3;
        }
        ll += weight[i] * term;
      }
      return ll;
    }
  }
}
