package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Gamma-Gamma model of spend per transaction (Fader and Hardie, "The Gamma-Gamma Model of
 * Monetary Value", 2013; Fader, Hardie and Lee, "RFM and CLV: Using Iso-Value Curves for Customer
 * Base Analysis", Journal of Marketing Research 42(4), 2005). A customer's transaction values are
 * Gamma(p, ν) around a customer-specific mean; across customers ν ~ Gamma(q, γ). The model assumes
 * that spend is independent of the purchase process, so it combines with {@link BgNbd} into a
 * lifetime value.
 *
 * <p>It is fitted on repeat buyers only: x is the number of repeat transactions and the mean spend
 * is the average value of those transactions (the first purchase excluded). Money is in major units
 * of one currency.
 *
 * @param p shape of the transaction-value distribution, positive
 * @param q shape of the distribution of ν across customers, positive
 * @param gamma scale of the distribution of ν across customers, positive
 */
@Experimental
public record GammaGamma(double p, double q, double gamma) {

  private static final String[] NAMES = {"p", "q", "gamma"};

  /**
   * Validates the parameters.
   *
   * @param p shape of the transaction-value distribution, positive
   * @param q shape of the distribution of ν across customers, positive
   * @param gamma scale of the distribution of ν across customers, positive
   * @throws ValidationException if a parameter is not a positive finite number
   */
  public GammaGamma {
    BgNbd.positive(p, "p");
    BgNbd.positive(q, "q");
    BgNbd.positive(gamma, "gamma");
  }

  /**
   * A repeat buyer's spend, the input of the model.
   *
   * @param frequency x, the number of repeat transactions, at least 1
   * @param meanSpend the mean value of those transactions, positive, in major units
   */
  public record Spend(int frequency, double meanSpend) {
    /**
     * Validates.
     *
     * @param frequency x, the number of repeat transactions, at least 1
     * @param meanSpend the mean value of those transactions, positive, in major units
     * @throws ValidationException if frequency is below 1 or the mean spend is not positive and
     *     finite
     */
    public Spend {
      if (frequency < 1) {
        throw new ValidationException("frequency " + frequency + " is below 1: only repeat buyers have a mean spend");
      }
      if (!(meanSpend > 0) || Double.isInfinite(meanSpend)) {
        throw new ValidationException("meanSpend " + meanSpend + " is not a positive finite number");
      }
    }
  }

  /**
   * Fits the model to the repeat buyers of a population by maximum likelihood from p = q = 1 and γ
   * the mean of the customers' mean spends. See {@link #fit(Collection, GammaGamma)}.
   *
   * @param spends one entry per repeat buyer
   * @return the fitted model, its log-likelihood and the parameters' standard errors
   * @throws ValidationException if there are no repeat buyers
   * @throws ConvergenceException if the search does not converge or ends on a boundary
   */
  public static FittedModel<GammaGamma> fit(Collection<Spend> spends) {
    Objects.requireNonNull(spends, "spends");
    double meanOfMeans = 0;
    for (Spend s : spends) {
      meanOfMeans += Objects.requireNonNull(s, "spend").meanSpend();
    }
    // Only a start, not the population mean: p γ / (q − 1) does not exist at q = 1. With ν at its
    // population mean q / γ, a customer's mean spend p / ν is p γ / q, which is γ at p = q = 1, so
    // γ starts at the data's spend level. γ is in money units (the likelihood adds it to x m̄), p
    // and q have none: spends in cents rather than euros get the same start, γ scaled with them.
    return fit(spends, new GammaGamma(1, 1, spends.isEmpty() ? 1 : meanOfMeans / spends.size()));
  }

  /**
   * Fits the model by maximum likelihood from a caller-chosen start point: BFGS over the logarithms
   * of p, q and γ with the analytic gradient (Nelder–Mead if BFGS stalls), equal spends evaluated
   * once; standard errors from the observed information matrix.
   *
   * @param spends one entry per repeat buyer
   * @param start the parameters to start from
   * @return the fitted model, its log-likelihood and the parameters' standard errors
   * @throws ValidationException if there are no repeat buyers
   * @throws ConvergenceException if the search does not converge or ends on a boundary; the
   *     message names the model and the last parameters
   */
  public static FittedModel<GammaGamma> fit(Collection<Spend> spends, GammaGamma start) {
    Objects.requireNonNull(spends, "spends");
    Objects.requireNonNull(start, "start");
    if (spends.isEmpty()) {
      throw new ValidationException("population has no repeat buyers");
    }
    Map<Spend, Integer> groups = new HashMap<>();
    for (Spend s : spends) {
      groups.merge(Objects.requireNonNull(s, "spend"), 1, Integer::sum);
    }
    List<Spend> distinct = new ArrayList<>(groups.keySet());
    int n = distinct.size();
    double[] x = new double[n];
    double[] m = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = distinct.get(i).frequency();
      m[i] = distinct.get(i).meanSpend();
      w[i] = groups.get(distinct.get(i));
    }
    return MaximumLikelihood.fit(
        "gamma-gamma",
        NAMES,
        new double[] {start.p, start.q, start.gamma},
        (t, g) -> logLikelihood(t[0], t[1], t[2], x, m, w, g),
        spends.size(),
        n,
        t -> new GammaGamma(t[0], t[1], t[2]));
  }

  /** The log-likelihood and its gradient with respect to p, q and γ. */
  static double logLikelihood(double p, double q, double gamma, double[] x, double[] m, double[] w, double[] gradient) {
    double ll = 0;
    double gp = 0;
    double gq = 0;
    double gg = 0;
    double lnGammaQ = SpecialFunctions.lnGamma(q);
    double psiQ = SpecialFunctions.digamma(q);
    double logGamma = Math.log(gamma);
    for (int i = 0; i < x.length; i++) {
      double px = p * x[i];
      double logM = Math.log(m[i]);
      double logX = Math.log(x[i]);
      double scale = gamma + m[i] * x[i];
      double logScale = Math.log(scale);
      ll +=
          w[i]
              * (SpecialFunctions.lnGamma(px + q)
                  - SpecialFunctions.lnGamma(px)
                  - lnGammaQ
                  + q * logGamma
                  + (px - 1) * logM
                  + px * logX
                  - (px + q) * logScale);
      double psiPXQ = SpecialFunctions.digamma(px + q);
      gp += w[i] * x[i] * (psiPXQ - SpecialFunctions.digamma(px) + logM + logX - logScale);
      gq += w[i] * (psiPXQ - psiQ + logGamma - logScale);
      gg += w[i] * (q / gamma - (px + q) / scale);
    }
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gg;
    return ll;
  }

  /**
   * The log-likelihood of repeat buyers' spends under this model.
   *
   * @param spends one entry per repeat buyer
   * @return the log-likelihood
   * @throws ValidationException if there are no spends
   */
  public double logLikelihood(Collection<Spend> spends) {
    Objects.requireNonNull(spends, "spends");
    if (spends.isEmpty()) {
      throw new ValidationException("population has no repeat buyers");
    }
    int n = spends.size();
    double[] x = new double[n];
    double[] m = new double[n];
    double[] w = new double[n];
    int i = 0;
    for (Spend s : spends) {
      x[i] = s.frequency();
      m[i] = s.meanSpend();
      w[i] = 1;
      i++;
    }
    return logLikelihood(p, q, gamma, x, m, w, new double[3]);
  }

  /**
   * The expected value of a customer's transactions given the observed repeat transactions:
   * {@code p (γ + x m) / (p x + q − 1)}, a weighted average of the population mean {@code p γ / (q −
   * 1)} and the customer's own mean. A customer with no repeat transaction gets the population mean.
   *
   * @param frequency x, the number of repeat transactions, at least 0
   * @param meanSpend their mean value in major units (ignored when x = 0), at least 0
   * @return the expected spend per transaction, in major units
   * @throws ValidationException if frequency or mean spend is negative or not finite, or if the
   *     expectation does not exist (q ≤ 1 for a customer with no repeat transaction, p x + q ≤ 1
   *     otherwise)
   */
  public double expectedSpend(int frequency, double meanSpend) {
    if (frequency < 0) {
      throw new ValidationException("frequency " + frequency + " is negative");
    }
    if (!(meanSpend >= 0) || Double.isInfinite(meanSpend)) {
      throw new ValidationException("meanSpend " + meanSpend + " is negative or not finite");
    }
    double denominator = p * frequency + q - 1;
    if (!(denominator > 0)) {
      throw new ValidationException("expected spend does not exist: p x + q - 1 = " + denominator + " is not positive");
    }
    return frequency == 0 ? p * gamma / (q - 1) : p * (gamma + frequency * meanSpend) / denominator;
  }
}
