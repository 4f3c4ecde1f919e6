package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.Objects;

/**
 * The shifted-beta-geometric (sBG) model of contractual churn (Fader and Hardie, "How to Project
 * Customer Retention", Journal of Interactive Marketing 21(1), 2007). In a contractual setting the
 * bank sees each closure: at the end of every period an active customer renews, or churns with
 * probability θ, constant for the customer; across customers θ ~ Beta(α, β). Heterogeneity makes
 * the cohort's retention rate rise with tenure ({@code (β + t − 1)/(α + β + t − 1)}), as the
 * customers most likely to leave leave first: the reason a fitted sBG projects retention far
 * better than a line or a curve through the observed rates.
 *
 * <p>It suits bank products with an observed end: current accounts, cards, subscriptions,
 * renewing deposits and policies. Periods are the renewal periods (years, months).
 *
 * @param alpha first shape of the churn-probability distribution, positive
 * @param beta second shape of the churn-probability distribution, positive
 */
@Experimental
public record ShiftedBetaGeometric(double alpha, double beta) {

  private static final String[] NAMES = {"alpha", "beta"};

  /**
   * Validates the parameters.
   *
   * @throws ValidationException if a parameter is not a positive finite number
   * @param alpha first shape of the churn-probability distribution, positive
   * @param beta second shape of the churn-probability distribution, positive
   */
  public ShiftedBetaGeometric {
    BgNbd.positive(alpha, "alpha");
    BgNbd.positive(beta, "beta");
  }

  /**
   * Fits the model to a cohort's survivor counts by maximum likelihood (equation 5 of the paper)
   * from α = β = 1.
   *
   * @param survivors the cohort size at time 0, then the customers still active at the end of
   *     each period: non-increasing, at least two values, the first positive
   * @return the fitted model with standard errors
   * @throws ValidationException if the counts are not a valid survivor series
   * @throws ConvergenceException if the search does not converge or ends on a boundary
   */
  public static FittedModel<ShiftedBetaGeometric> fit(int[] survivors) {
    return fit(survivors, new ShiftedBetaGeometric(1, 1));
  }

  /**
   * Fits from a caller-chosen start point (BFGS over log-parameters, numerical gradient).
   *
   * @param survivors as {@link #fit(int[])}
   * @param start the parameters to start from
   * @return the fitted model with standard errors
   * @throws ValidationException if the counts are not a valid survivor series
   * @throws ConvergenceException if the search does not converge or ends on a boundary; the
   *     message names the model and the last parameters
   */
  public static FittedModel<ShiftedBetaGeometric> fit(int[] survivors, ShiftedBetaGeometric start) {
    Objects.requireNonNull(survivors, "survivors");
    Objects.requireNonNull(start, "start");
    int[] counts = survivors.clone();
    if (counts.length < 2) {
      throw new ValidationException("survivors has " + counts.length + " values: needs the cohort size and at least one period");
    }
    if (counts[0] < 1) {
      throw new ValidationException("survivors[0] " + counts[0] + " is not positive");
    }
    for (int t = 1; t < counts.length; t++) {
      if (counts[t] < 0 || counts[t] > counts[t - 1]) {
        throw new ValidationException("survivors[" + t + "] " + counts[t] + " is outside 0.." + counts[t - 1]);
      }
    }
    return MaximumLikelihood.fitNumerically(
        "sbg",
        NAMES,
        new double[] {start.alpha, start.beta},
        t -> new ShiftedBetaGeometric(t[0], t[1]).logLikelihood(counts),
        counts[0],
        counts.length - 1,
        p -> new ShiftedBetaGeometric(p[0], p[1]));
  }

  /**
   * The log-likelihood of a cohort's survivor counts: {@code Σ_t (n_{t−1} − n_t) ln P(T = t) + n_last
   * ln S(last)}.
   *
   * @param survivors the cohort size, then the survivors after each period
   * @return the log-likelihood
   */
  public double logLikelihood(int[] survivors) {
    double ll = 0;
    double churn = alpha / (alpha + beta);
    for (int t = 1; t < survivors.length; t++) {
      if (t > 1) {
        churn *= (beta + t - 2) / (alpha + beta + t - 1);
      }
      int lost = survivors[t - 1] - survivors[t];
      if (lost > 0) {
        ll += lost * Math.log(churn);
      }
    }
    int last = survivors[survivors.length - 1];
    if (last > 0) {
      ll += last * Math.log(survivalAt(survivors.length - 1));
    }
    return ll;
  }

  /**
   * The probability that a customer churns at the end of period t: {@code B(α + 1, β + t − 1) /
   * B(α, β)}.
   *
   * @param period t, at least 1
   * @return the probability
   * @throws ValidationException if the period is below 1
   */
  public double churnProbability(int period) {
    requirePeriod(period, 1);
    return Math.exp(SpecialFunctions.lnBeta(alpha + 1, beta + period - 1) - SpecialFunctions.lnBeta(alpha, beta));
  }

  /**
   * The share of the cohort still active after t periods: {@code S(t) = B(α, β + t) / B(α, β)}
   * (computed in log space, so it keeps its relative precision far into the tail).
   *
   * @param period t, at least 0
   * @return the survival probability
   * @throws ValidationException if the period is negative
   */
  public double survival(int period) {
    requirePeriod(period, 0);
    return survivalAt(period);
  }

  private double survivalAt(int period) {
    return Math.exp(SpecialFunctions.lnBeta(alpha, beta + period) - SpecialFunctions.lnBeta(alpha, beta));
  }

  /**
   * The retention rate in period t, the share of those active at t − 1 still active at t: {@code (β
   * + t − 1) / (α + β + t − 1)}, rising with t.
   *
   * @param period t, at least 1
   * @return the rate
   * @throws ValidationException if the period is below 1
   */
  public double retentionRate(int period) {
    requirePeriod(period, 1);
    return (beta + period - 1) / (alpha + beta + period - 1);
  }

  /**
   * The discounted expected residual lifetime of a customer who has made {@code renewals}
   * renewals, counted in future payments at the end of each period (Fader and Hardie, "Customer-Base
   * Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science
   * 29(1), 2010, equation 6):
   *
   * <pre>
   * DERL(d | α, β, n − 1 renewals) = (β + n − 1)/(α + β + n − 1) · 2F1(1, β + n; α + β + n; 1/(1 + d))
   * </pre>
   *
   * Multiply by the margin per period for the customer's residual value.
   *
   * @param discountRate d per period, positive (the undiscounted lifetime can be infinite)
   * @param renewals n − 1, the renewals made so far, at least 0
   * @return the expected number of discounted future payments
   * @throws ValidationException if the discount rate is not positive and finite or renewals is
   *     negative
   */
  public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
    if (!(discountRate > 0) || Double.isInfinite(discountRate)) {
      throw new ValidationException("discountRate " + discountRate + " is not a positive finite number");
    }
    requirePeriod(renewals, 0);
    int n = renewals + 1;
    double[] out = new double[2];
    SpecialFunctions.hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate), out);
    return (beta + n - 1) / (alpha + beta + n - 1) * out[0] * Math.exp(out[1]);
  }

  private static void requirePeriod(int period, int min) {
    if (period < min) {
      throw new ValidationException("period " + period + " is below " + min);
    }
  }
}
