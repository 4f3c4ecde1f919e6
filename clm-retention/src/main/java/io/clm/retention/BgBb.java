package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.Map;
import java.util.Objects;

/**
 * The BG/BB ("beta-geometric / beta-Bernoulli") model for discrete transaction opportunities
 * (Fader, Hardie and Shen, "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
 * Marketing Science 29(6), 2010). While alive, a customer transacts at each opportunity with
 * probability p ~ Beta(α, β); before each opportunity an alive customer dies with probability θ ~
 * Beta(γ, δ). It suits events that can only happen at fixed moments: yearly donations, renewals
 * at statement dates, annual product reviews.
 *
 * @param alpha first shape of the transaction-probability distribution, positive
 * @param beta second shape of the transaction-probability distribution, positive
 * @param gamma first shape of the dropout-probability distribution, positive
 * @param delta second shape of the dropout-probability distribution, positive
 */
@Experimental
public record BgBb(double alpha, double beta, double gamma, double delta) {

  private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

  /**
   * Validates the parameters.
   *
   * @throws ValidationException if a parameter is not a positive finite number
   * @param alpha first shape of the transaction-probability distribution, positive
   * @param beta second shape of the transaction-probability distribution, positive
   * @param gamma first shape of the dropout-probability distribution, positive
   * @param delta second shape of the dropout-probability distribution, positive
   */
  public BgBb {
    BgNbd.positive(alpha, "alpha");
    BgNbd.positive(beta, "beta");
    BgNbd.positive(gamma, "gamma");
    BgNbd.positive(delta, "delta");
  }

  /**
   * Fits the model by maximum likelihood from α = β = γ = δ = 1.
   *
   * @param customersByHistory how many customers have each history
   * @return the fitted model with standard errors
   * @throws ValidationException if there are no customers or a count is not positive
   * @throws ConvergenceException if the search does not converge or ends on a boundary
   */
  public static FittedModel<BgBb> fit(Map<OpportunityHistory, Integer> customersByHistory) {
    return fit(customersByHistory, new BgBb(1, 1, 1, 1));
  }

  /**
   * Fits the model by maximum likelihood (equation 5 of the paper; BFGS over log-parameters with a
   * numerical gradient) from a caller-chosen start point.
   *
   * @param customersByHistory how many customers have each history
   * @param start the parameters to start from
   * @return the fitted model with standard errors
   * @throws ValidationException if there are no customers or a count is not positive
   * @throws ConvergenceException if the search does not converge or ends on a boundary; the
   *     message names the model and the last parameters
   */
  public static FittedModel<BgBb> fit(Map<OpportunityHistory, Integer> customersByHistory, BgBb start) {
    Objects.requireNonNull(customersByHistory, "customersByHistory");
    Objects.requireNonNull(start, "start");
    int n = customersByHistory.size();
    OpportunityHistory[] histories = new OpportunityHistory[n];
    double[] weights = new double[n];
    int i = 0;
    int customers = 0;
    for (Map.Entry<OpportunityHistory, Integer> e : customersByHistory.entrySet()) {
      histories[i] = Objects.requireNonNull(e.getKey(), "history");
      Integer count = Objects.requireNonNull(e.getValue(), "count");
      if (count < 1) {
        throw new ValidationException("count " + count + " of history " + e.getKey() + " is not positive");
      }
      weights[i] = count;
      customers += count;
      i++;
    }
    if (n == 0) {
      throw new ValidationException("population is empty");
    }
    return MaximumLikelihood.fitNumerically(
        "bg/bb",
        NAMES,
        new double[] {start.alpha, start.beta, start.gamma, start.delta},
        t -> {
          BgBb m = new BgBb(t[0], t[1], t[2], t[3]);
          double ll = 0;
          for (int k = 0; k < histories.length; k++) {
            ll += weights[k] * m.logLikelihood(histories[k]);
          }
          return ll;
        },
        customers,
        n,
        p -> new BgBb(p[0], p[1], p[2], p[3]));
  }

  /**
   * One customer's log-likelihood (equation 5 of the paper):
   *
   * <pre>
   * L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
   *   + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
   * </pre>
   *
   * summed in log space.
   *
   * @param history the customer's history
   * @return ln L
   */
  public double logLikelihood(OpportunityHistory history) {
    int x = history.frequency();
    int tx = history.recency();
    int n = history.opportunities();
    double lnBab = SpecialFunctions.lnBeta(alpha, beta);
    double lnBgd = SpecialFunctions.lnBeta(gamma, delta);
    double ll = SpecialFunctions.lnBeta(alpha + x, beta + n - x) - lnBab + SpecialFunctions.lnBeta(gamma, delta + n) - lnBgd;
    for (int i = 0; i <= n - tx - 1; i++) {
      double term =
          SpecialFunctions.lnBeta(alpha + x, beta + tx - x + i) - lnBab + SpecialFunctions.lnBeta(gamma + 1, delta + tx + i) - lnBgd;
      ll = SpecialFunctions.logAddExp(ll, term);
    }
    return ll;
  }

  /**
   * The probability that the customer is alive at the next opportunity, n + 1 (equation 11 of the
   * paper).
   *
   * @param history the customer's history
   * @return a probability in [0, 1]
   */
  public double probabilityAlive(OpportunityHistory history) {
    int x = history.frequency();
    int n = history.opportunities();
    double log =
        SpecialFunctions.lnBeta(alpha + x, beta + n - x)
            - SpecialFunctions.lnBeta(alpha, beta)
            + SpecialFunctions.lnBeta(gamma, delta + n + 1)
            - SpecialFunctions.lnBeta(gamma, delta)
            - logLikelihood(history);
    return Math.min(1, Math.exp(log));
  }

  /**
   * The expected number of transactions in the next {@code opportunities} opportunities (n + 1 …
   * n + n*) of a customer with this history (equation 13 of the paper). The factor {@code δ/(γ − 1)
   * · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]} is summed as the telescoping series {@code δ
   * Σ_{k=n}^{n+n*−1} Γ(1+δ+k)/Γ(γ+δ+k)/(γ+δ+k)}, which has no singularity at γ = 1.
   *
   * @param history the customer's history
   * @param opportunities n*, at least 0
   * @return the expected count
   * @throws ValidationException if {@code opportunities} is negative
   */
  public double expectedTransactions(OpportunityHistory history, int opportunities) {
    if (opportunities < 0) {
      throw new ValidationException("opportunities " + opportunities + " is negative");
    }
    int x = history.frequency();
    int n = history.opportunities();
    double logFront =
        SpecialFunctions.lnBeta(alpha + x + 1, beta + n - x)
            - SpecialFunctions.lnBeta(alpha, beta)
            + Math.log(delta)
            + SpecialFunctions.lnGamma(gamma + delta)
            - SpecialFunctions.lnGamma(1 + delta)
            - logLikelihood(history);
    return aliveSum(logFront, n, opportunities);
  }

  /**
   * The expected number of transactions of a new customer in the first {@code opportunities}
   * opportunities (equation 8 of the paper), summed as in {@link #expectedTransactions}.
   *
   * @param opportunities n, at least 0
   * @return the expected count
   * @throws ValidationException if {@code opportunities} is negative
   */
  public double expectedTransactionsOfNewCustomer(int opportunities) {
    if (opportunities < 0) {
      throw new ValidationException("opportunities " + opportunities + " is negative");
    }
    double logFront = Math.log(alpha / (alpha + beta)) + Math.log(delta) + SpecialFunctions.lnGamma(gamma + delta) - SpecialFunctions.lnGamma(1 + delta);
    return aliveSum(logFront, 0, opportunities);
  }

  /**
   * e^front · Σ_{k=from}^{from+count−1} Γ(1+δ+k)/Γ(γ+δ+k)/(γ+δ+k), each term taken with the front
   * factor in log space: for a large γ the factor alone overflows and the terms alone underflow.
   */
  private double aliveSum(double logFront, int from, int count) {
    double sum = 0;
    for (int k = from; k < from + count; k++) {
      sum += Math.exp(logFront + SpecialFunctions.lnGamma(1 + delta + k) - SpecialFunctions.lnGamma(gamma + delta + k) - Math.log(gamma + delta + k));
    }
    return sum;
  }
}
