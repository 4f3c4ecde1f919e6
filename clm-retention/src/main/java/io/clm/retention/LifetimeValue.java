package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Any {@link TransactionModel} serves as the purchase model; with the BG/NBD the twelve
 * horizons of a monthly year share one pass of the series.
 *
 * @param transactions the purchase model
 * @param spend the spend model
 */
@Experimental
public record LifetimeValue(TransactionModel transactions, GammaGamma spend) {

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
        * discountedTransactions(history, horizon, discountFactors(horizon), scratch)[0];
  }

  /**
   * A confidence interval for one customer's lifetime value from the two fits, by the delta method:
   * the purchase and spend models are fitted separately, so their parameter uncertainties are taken
   * as independent and their variances add. The interval is on the log scale (it stays positive).
   *
   * @param transactions the fitted purchase model
   * @param spend the fitted spend model
   * @param history the customer's calibration history
   * @param meanSpend the mean value of the customer's repeat transactions (0 without)
   * @param horizon the horizon and discounting
   * @param level the confidence level, strictly between 0 and 1
   * @param <T> the purchase model type
   * @return the value, its standard error and the interval
   * @throws ValidationException if the level is invalid or the value is not finite
   */
  public static <T extends TransactionModel> Interval interval(
      FittedModel<T> transactions, FittedModel<GammaGamma> spend, PurchaseHistory history, double meanSpend, ValueHorizon horizon, double level) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(spend, "spend");
    Interval fromTransactions = transactions.interval(m -> new LifetimeValue(m, spend.model()).of(history, meanSpend, horizon), level);
    Interval fromSpend = spend.interval(g -> new LifetimeValue(transactions.model(), g).of(history, meanSpend, horizon), level);
    double value = fromTransactions.estimate();
    double se = Math.hypot(fromTransactions.standardError(), fromSpend.standardError());
    double z = SpecialFunctions.normalQuantile(0.5 + level / 2);
    if (value > 0) {
      double factor = Math.exp(z * se / value);
      return new Interval(value, se, value / factor, value * factor, level);
    }
    return new Interval(value, se, value - z * se, value + z * se, level);
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
                double[] d = discountedTransactions(k, horizon, factors, scratch);
                return new double[] {alive, d[1], d[0]};
              });
      double expectedSpend = spend.expectedSpend(h.frequency(), c.meanSpend());
      out.add(new CustomerValue(c.customer(), forecast[0], Math.max(0, forecast[1]), expectedSpend, expectedSpend * forecast[2]));
    }
    return out;
  }

  /**
   * Scores a portfolio held as columns: the fast path for millions of customers, results in
   * primitive arrays. With the BG/NBD, the alive-conditional expectations (the hypergeometric
   * series over every period of the horizon) depend on (x, T) only, so they are computed once per
   * distinct (x, T), found with a small open-addressing table; P(alive), one logarithm and one
   * exponential, is computed per customer. Other purchase models are evaluated per customer. Row i
   * of every column describes customer i.
   *
   * @param frequency x per customer
   * @param recency t<sub>x</sub> per customer, in the model's time unit
   * @param age T per customer, in the model's time unit
   * @param meanSpend mean value of the repeat transactions per customer (0 without), major units
   * @param horizon the horizon and discounting
   * @return the scores, in input order
   * @throws ValidationException if the columns differ in length, are empty, a row is not a valid
   *     history (the message names the row), or the spend expectation does not exist
   */
  public PortfolioScores scoreColumns(int[] frequency, double[] recency, double[] age, double[] meanSpend, ValueHorizon horizon) {
    Objects.requireNonNull(horizon, "horizon");
    int n = PortfolioScores.check(frequency, recency, age, meanSpend);
    double[] factors = discountFactors(horizon);
    double[] scratch = new double[2];
    double[] alive = new double[n];
    double[] expected = new double[n];
    double[] spends = new double[n];
    double[] values = new double[n];
    double p = spend.p();
    double q = spend.q();
    double gamma = spend.gamma();
    double populationMean = p * gamma / (q - 1);
    int evaluations;
    if (transactions instanceof BgNbd bg) {
      AliveTable table = new AliveTable(bg, horizon, factors);
      double logA = Math.log(bg.a());
      for (int i = 0; i < n; i++) {
        int x = frequency[i];
        int e = table.entry(x, age[i], scratch);
        double probability;
        if (x == 0) {
          probability = 1;
        } else {
          double logOdds = logA - table.logB[e] + (bg.r() + x) * (table.logAgeScale[e] - Math.log(bg.alpha() + recency[i]));
          probability = logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
        }
        alive[i] = probability;
        expected[i] = probability * table.expected[e];
        values[i] = probability * table.discounted[e];
      }
      evaluations = table.size;
    } else {
      for (int i = 0; i < n; i++) {
        PurchaseHistory h = new PurchaseHistory(frequency[i], recency[i], age[i]);
        alive[i] = transactions.probabilityAlive(h);
        double[] d = discountedTransactions(h, horizon, factors, scratch);
        expected[i] = d[1];
        values[i] = d[0];
      }
      evaluations = n;
    }
    for (int i = 0; i < n; i++) {
      int x = frequency[i];
      double denominator = p * x + q - 1;
      if (!(denominator > 0)) {
        spend.expectedSpend(x, meanSpend[i]); // throws: the expectation does not exist
      }
      double s = x == 0 ? populationMean : p * (gamma + x * meanSpend[i]) / denominator;
      spends[i] = s;
      values[i] *= s;
    }
    return new PortfolioScores(alive, expected, spends, values, evaluations);
  }

  /**
   * The BG/NBD's alive-conditional discounted and total expectations per distinct (x, T), with ln(b
   * + x − 1) and ln(α + T) for P(alive); open addressing, doubling at half load.
   */
  private static final class AliveTable {
    private final BgNbd bg;
    private final ValueHorizon horizon;
    private final double[] factors;
    private int[] slots;
    private int[] keyX;
    private double[] keyAge;
    double[] discounted;
    double[] expected;
    double[] logB;
    double[] logAgeScale;
    int size;

    AliveTable(BgNbd bg, ValueHorizon horizon, double[] factors) {
      this.bg = bg;
      this.horizon = horizon;
      this.factors = factors;
      slots = new int[1024];
      Arrays.fill(slots, -1);
      keyX = new int[512];
      keyAge = new double[512];
      discounted = new double[512];
      expected = new double[512];
      logB = new double[512];
      logAgeScale = new double[512];
    }

    int entry(int x, double age, double[] scratch) {
      int mask = slots.length - 1;
      int slot = hash(x, age) & mask;
      while (true) {
        int e = slots[slot];
        if (e < 0) {
          return add(slot, x, age, scratch);
        }
        if (keyX[e] == x && keyAge[e] == age) {
          return e;
        }
        slot = (slot + 1) & mask;
      }
    }

    private static int hash(int x, double age) {
      long h = (Double.doubleToLongBits(age) ^ (x * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL;
      return (int) (h ^ (h >>> 29));
    }

    private int add(int slot, int x, double age, double[] scratch) {
      int e = size++;
      if (e == keyX.length) {
        int grown = 2 * e;
        keyX = Arrays.copyOf(keyX, grown);
        keyAge = Arrays.copyOf(keyAge, grown);
        discounted = Arrays.copyOf(discounted, grown);
        expected = Arrays.copyOf(expected, grown);
        logB = Arrays.copyOf(logB, grown);
        logAgeScale = Arrays.copyOf(logAgeScale, grown);
      }
      keyX[e] = x;
      keyAge[e] = age;
      PurchaseHistory h = new PurchaseHistory(x, x == 0 ? 0 : age > 0 ? age : Double.MIN_VALUE, age);
      double[] d = aliveConditional(bg, h, horizon, factors, scratch);
      discounted[e] = d[0];
      expected[e] = d[1];
      logB[e] = x > 0 ? Math.log(bg.b() + x - 1) : 0;
      logAgeScale[e] = Math.log(bg.alpha() + age);
      slots[slot] = e;
      if (2 * size > slots.length) {
        rehash();
      }
      return e;
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      Arrays.fill(slots, -1);
      int mask = slots.length - 1;
      for (int e = 0; e < size; e++) {
        int slot = hash(keyX[e], keyAge[e]) & mask;
        while (slots[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = e;
      }
    }
  }

  private static double[] discountFactors(ValueHorizon horizon) {
    double[] factors = new double[horizon.periods() + 1];
    for (int i = 1; i <= horizon.periods(); i++) {
      factors[i] = Math.pow(1 + horizon.discountRate(), -i);
    }
    return factors;
  }

  /**
   * Σ discounted increments of the expected transactions (increments below 0, rounding, count as
   * 0), and the undiscounted expectation over the whole horizon.
   */
  private double[] discountedTransactions(PurchaseHistory h, ValueHorizon horizon, double[] factors, double[] scratch) {
    int n = horizon.periods();
    double[] expectations = new double[n];
    if (transactions instanceof BgNbd bg) {
      double alive = bg.probabilityAlive(h);
      double[] d = aliveConditional(bg, h, horizon, factors, scratch);
      return new double[] {alive * d[0], alive * d[1]};
    } else {
      for (int i = 0; i < n; i++) {
        expectations[i] = transactions.expectedTransactions(h, (i + 1) * horizon.periodLength());
      }
    }
    double previous = 0;
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      double current = expectations[i - 1];
      sum += Math.max(0, current - previous) * factors[i];
      previous = Math.max(previous, current);
    }
    return new double[] {sum, Math.max(0, expectations[n - 1])};
  }

  /** {@link #discountedTransactions} of the BG/NBD given the customer is alive: P(alive) factored out. */
  private static double[] aliveConditional(BgNbd bg, PurchaseHistory h, ValueHorizon horizon, double[] factors, double[] scratch) {
    int n = horizon.periods();
    double[] horizons = new double[n];
    for (int i = 0; i < n; i++) {
      horizons[i] = (i + 1) * horizon.periodLength();
    }
    double[] expectations = new double[n];
    bg.aliveExpectations(h, horizons, expectations, scratch);
    double previous = 0;
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      double current = expectations[i - 1];
      sum += Math.max(0, current - previous) * factors[i];
      previous = Math.max(previous, current);
    }
    return new double[] {sum, Math.max(0, expectations[n - 1])};
  }
}
