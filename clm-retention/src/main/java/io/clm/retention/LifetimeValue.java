package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Customer lifetime value from a purchase model and a spend model (Fader, Hardie and Lee, "RFM and
 * CLV", 2005): the expected spend per transaction times the discounted number of transactions
 * expected over a {@link ValueHorizon},
 *
 * <pre>
 * CLV = E[spend | x, m̄] · Σ_{i=1..n} (E[Y(i·L) | x, t_x, T] − E[Y((i−1)·L) | x, t_x, T]) / (1 + d)^i
 * </pre>
 *
 * where L is the period length in the model's time unit and d the discount rate per period. Spend
 * and purchasing are independent in the Gamma-Gamma model, so the product is the expectation of the
 * value. Immutable and thread-safe.
 *
 * @param transactions the purchase model
 * @param spend the spend model
 */
@Experimental
public record LifetimeValue(BgNbd transactions, GammaGamma spend) {

  /**
   * Validates.
   *
   * @param transactions the purchase model
   * @param spend the spend model
   * @throws NullPointerException if a model is null
   */
  public LifetimeValue {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(spend, "spend");
  }

  /**
   * The lifetime value of one customer.
   *
   * @param history the customer's calibration history
   * @param meanSpend the mean value of the customer's repeat transactions, major units (0 without)
   * @param horizon the horizon and discounting
   * @return the value in major units, at least 0
   * @throws ValidationException if the mean spend is negative or the spend expectation does not
   *     exist for these parameters
   */
  public double of(PurchaseHistory history, double meanSpend, ValueHorizon horizon) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(horizon, "horizon");
    double[] scratch = new double[2];
    return spend.expectedSpend(history.frequency(), meanSpend)
        * transactions.probabilityAlive(history)
        * discountedAliveTransactions(history, horizon, discountFactors(horizon), scratch)[0];
  }

  /**
   * Scores a population: P(alive), expected transactions, expected spend and lifetime value per
   * customer. Customers with identical histories share the purchase-model work.
   *
   * @param customers the customers' summaries
   * @param horizon the horizon and discounting
   * @return one result per customer, in input order
   * @throws ValidationException if the population is empty, or as {@link #of}
   */
  public List<CustomerValue> score(Collection<CustomerSummary> customers, ValueHorizon horizon) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(horizon, "horizon");
    if (customers.isEmpty()) {
      throw new ValidationException("population is empty");
    }
    double[] factors = discountFactors(horizon);
    double[] scratch = new double[2];
    Map<PurchaseHistory, double[]> cache = new HashMap<>(Math.min(customers.size(), 1 << 20) * 2);
    List<CustomerValue> out = new ArrayList<>(customers.size());
    for (CustomerSummary c : customers) {
      PurchaseHistory h = c.history();
      double[] forecast =
          cache.computeIfAbsent(
              h,
              k -> {
                double alive = transactions.probabilityAlive(k);
                double[] d = discountedAliveTransactions(k, horizon, factors, scratch);
                return new double[] {alive, alive * d[1], alive * d[0]};
              });
      double expectedSpend = spend.expectedSpend(h.frequency(), c.meanSpend());
      out.add(new CustomerValue(c.customer(), forecast[0], Math.max(0, forecast[1]), expectedSpend, expectedSpend * forecast[2]));
    }
    return out;
  }

  private static double[] discountFactors(ValueHorizon horizon) {
    double[] factors = new double[horizon.periods() + 1];
    for (int i = 1; i <= horizon.periods(); i++) {
      factors[i] = Math.pow(1 + horizon.discountRate(), -i);
    }
    return factors;
  }

  /**
   * Σ discounted increments of the alive-conditional expectation (increments below 0, rounding,
   * count as 0), and the undiscounted expectation over the whole horizon.
   */
  private double[] discountedAliveTransactions(PurchaseHistory h, ValueHorizon horizon, double[] factors, double[] scratch) {
    int n = horizon.periods();
    double[] horizons = new double[n];
    for (int i = 0; i < n; i++) {
      horizons[i] = (i + 1) * horizon.periodLength();
    }
    double[] expectations = new double[n];
    transactions.aliveExpectations(h, horizons, expectations, scratch);
    double previous = 0;
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      double current = expectations[i - 1];
      sum += Math.max(0, current - previous) * factors[i];
      previous = Math.max(previous, current);
    }
    return new double[] {sum, expectations[n - 1]};
  }
}
