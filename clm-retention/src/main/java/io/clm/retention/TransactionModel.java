package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Collection;

/**
 * A buy-till-you-die model of repeat purchasing in continuous time for customers who can leave
 * silently: {@link BgNbd}, {@link MbgNbd} and {@link ParetoNbd}. They read the same {@link
 * PurchaseHistory} (x, t<sub>x</sub>, T) and answer the same questions, so a bank can fit them all
 * on its own data and compare them ({@link LifetimeValue} takes any of them).
 *
 * <p>Rates and horizons are in the model time unit of the histories the model was fitted on.
 */
@Experimental
public sealed interface TransactionModel permits BgNbd, MbgNbd, ParetoNbd {

  /**
   * The model's short name, as in the diagnostics: "bg/nbd", "mbg/nbd", "pareto/nbd".
   *
   * @return the name
   */
  String modelName();

  /**
   * The probability that a customer with this history is still active at the end of calibration.
   *
   * @param history the customer's history
   * @return a probability in [0, 1]
   */
  double probabilityAlive(PurchaseHistory history);

  /**
   * The expected number of transactions in the next {@code horizon} time units for a customer with
   * this history (the conditional expectation).
   *
   * @param history the customer's history
   * @param horizon the length of the future period, at least 0
   * @return the expected count, at least 0
   * @throws ValidationException if the horizon is negative or not finite
   */
  double expectedTransactions(PurchaseHistory history, double horizon);

  /**
   * The expected number of repeat transactions of a customer acquired at time 0 in the first
   * {@code horizon} time units (the unconditional expectation, used for tracking charts).
   *
   * @param horizon the period, at least 0
   * @return the expected count, at least 0
   * @throws ValidationException if the horizon is negative or not finite
   */
  double expectedTransactionsOfNewCustomer(double horizon);

  /**
   * The log-likelihood of a population under this model.
   *
   * @param histories one history per customer
   * @return the sum of the customers' log-likelihoods
   * @throws ValidationException if the population is empty
   */
  double logLikelihood(Collection<PurchaseHistory> histories);

}
