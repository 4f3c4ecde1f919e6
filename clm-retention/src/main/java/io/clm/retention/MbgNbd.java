package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ConvergenceException;
import java.util.Collection;
import java.util.Objects;

/**
 * The MBG/NBD ("modified beta-geometric / NBD") model (Batislam, Denizel and Filiztekin, "Empirical
 * validation and comparison of models for customer base analysis", International Journal of
 * Research in Marketing 24(3), 2007). As {@link BgNbd}, but a customer may also become inactive
 * right after the first purchase, with the same probability p as after every repeat purchase. So a
 * customer without repeat purchases is not assumed alive, which removes the BG/NBD's quirk that
 * P(alive) is 1 for every one-time buyer however long ago they bought.
 *
 * <p>While active, purchases are Poisson with rate λ ~ Gamma(r, α); at time 0 and after each
 * purchase the customer drops out with probability p ~ Beta(a, b). Rates are per model time unit.
 *
 * @param r shape of the purchase-rate distribution, positive
 * @param alpha scale of the purchase-rate distribution, in time units, positive
 * @param a first shape of the dropout-probability distribution, positive
 * @param b second shape of the dropout-probability distribution, positive
 */
@Experimental
public record MbgNbd(double r, double alpha, double a, double b) implements TransactionModel {

  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  /**
   * Validates the parameters.
   *
   * @throws ValidationException if a parameter is not a positive finite number
   * @param r shape of the purchase-rate distribution, positive
   * @param alpha scale of the purchase-rate distribution, in time units, positive
   * @param a first shape of the dropout-probability distribution, positive
   * @param b second shape of the dropout-probability distribution, positive
   */
  public MbgNbd {
    BgNbd.positive(r, "r");
    BgNbd.positive(alpha, "alpha");
    BgNbd.positive(a, "a");
    BgNbd.positive(b, "b");
  }

  /**
   * Fits the model by maximum likelihood from r = a = b = 1 and α a tenth of the mean age.
   *
   * @param histories one history per customer, all in the same time unit
   * @return the fitted model with standard errors
   * @throws ValidationException if the population is empty or has no repeat buyers
   * @throws ConvergenceException if the search does not converge or ends on a boundary
   */
  public static FittedModel<MbgNbd> fit(Collection<PurchaseHistory> histories) {
    GroupedHistories data = new GroupedHistories(histories);
    return fit(data, new MbgNbd(1, BgNbd.defaultAlpha(data), 1, 1));
  }

  /**
   * Fits the model by maximum likelihood (Newton's method over log-parameters with the analytic
   * gradient and Hessian, as {@link BgNbd#fit(Collection, BgNbd)}) from a caller-chosen start point.
   *
   * @param histories one history per customer, all in the same time unit
   * @param start the parameters to start from
   * @return the fitted model with standard errors
   * @throws ValidationException if the population is empty or has no repeat buyers
   * @throws ConvergenceException if the search does not converge or ends on a boundary; the
   *     message names the model and the last parameters
   */
  public static FittedModel<MbgNbd> fit(Collection<PurchaseHistory> histories, MbgNbd start) {
    Objects.requireNonNull(start, "start");
    return fit(new GroupedHistories(histories), start);
  }

  private static FittedModel<MbgNbd> fit(GroupedHistories data, MbgNbd start) {
    data.requireRepeatBuyers("mbg/nbd");
    BetaGeometricLikelihood likelihood = new BetaGeometricLikelihood(data, 1);
    return MaximumLikelihood.fitWithHessian(
        "mbg/nbd",
        NAMES,
        new double[] {start.r, start.alpha, start.a, start.b},
        (t, g, h) -> likelihood.at(t[0], t[1], t[2], t[3], g, h),
        data.observations,
        data.groups(),
        p -> new MbgNbd(p[0], p[1], p[2], p[3]));
  }

  @Override
  public String modelName() {
    return "mbg/nbd";
  }

  @Override
  public double logLikelihood(Collection<PurchaseHistory> histories) {
    return new BetaGeometricLikelihood(new GroupedHistories(histories), 1).at(r, alpha, a, b);
  }

  /**
   * {@code 1 / (1 + a / (b + x) · ((α + T) / (α + t_x))^(r + x))}; below 1 also for customers
   * without repeat purchases.
   *
   * @param history the customer's history
   * @return a probability in [0, 1]
   */
  @Override
  public double probabilityAlive(PurchaseHistory history) {
    int x = history.frequency();
    double logOdds = Math.log(a) - Math.log(b + x) + (r + x) * Math.log1p((history.age() - history.recency()) / (alpha + history.recency()));
    return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  }

  /**
   * {@code (a + b + x) / (a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) 2F1(r + x, b + x + 1; a + b
   * + x; t / (α + T + t))] · P(alive)}, summed without cancellation as for the BG/NBD.
   */
  @Override
  public double expectedTransactions(PurchaseHistory history, double horizon) {
    BgNbd.checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    int x = history.frequency();
    double ageScale = alpha + history.age();
    double alive =
        BgNbd.aliveSeries(r + x, b + x + 1, a - 1, horizon / (ageScale + horizon), -Math.log1p(horizon / ageScale), new double[2]);
    return Math.max(0, alive * probabilityAlive(history));
  }

  /**
   * {@code b / (a − 1) · [1 − (α/(α + t))^r 2F1(r, b + 1; a + b; t/(α + t))]}, that is b/(a + b) times
   * the BG/NBD's expectation with b + 1 ({@link BgNbd#newCustomerExpectation}).
   */
  @Override
  public double expectedTransactionsOfNewCustomer(double horizon) {
    BgNbd.checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    return Math.max(0, b / (a + b) * BgNbd.newCustomerExpectation(r, alpha, a, b + 1, horizon));
  }
}
