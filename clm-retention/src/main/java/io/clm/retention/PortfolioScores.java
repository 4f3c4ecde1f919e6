package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Arrays;
import java.util.Objects;

/**
 * Scores of a whole portfolio held as columns, the fast path of {@link LifetimeValue}: P(alive),
 * expected transactions over the horizon, expected spend per transaction and lifetime value, one
 * entry per customer in input order. Made by {@link LifetimeValue#scoreColumns}; immutable (the
 * accessors copy or read single entries).
 */
@Experimental
public final class PortfolioScores {

  private final double[] probabilityAlive;
  private final double[] expectedTransactions;
  private final double[] expectedSpend;
  private final double[] lifetimeValue;
  private final int distinctHistories;

  PortfolioScores(double[] probabilityAlive, double[] expectedTransactions, double[] expectedSpend, double[] lifetimeValue, int distinctHistories) {
    this.probabilityAlive = probabilityAlive;
    this.expectedTransactions = expectedTransactions;
    this.expectedSpend = expectedSpend;
    this.lifetimeValue = lifetimeValue;
    this.distinctHistories = distinctHistories;
  }

  /**
   * The number of customers scored.
   *
   * @return the count
   */
  public int size() {
    return lifetimeValue.length;
  }

  /**
   * How many times the purchase model's expectations over the horizon were evaluated: once per
   * distinct (x, T) with the BG/NBD, once per customer otherwise.
   *
   * @return the count
   */
  public int evaluations() {
    return distinctHistories;
  }

  /**
   * P(alive) of one customer.
   *
   * @param row the customer's index in the input
   * @return a probability
   * @throws IndexOutOfBoundsException if the row is outside the portfolio
   */
  public double probabilityAlive(int row) {
    return probabilityAlive[row];
  }

  /**
   * The transactions one customer is expected to make over the horizon, undiscounted.
   *
   * @param row the customer's index in the input
   * @return the expected count
   * @throws IndexOutOfBoundsException if the row is outside the portfolio
   */
  public double expectedTransactions(int row) {
    return expectedTransactions[row];
  }

  /**
   * One customer's expected spend per transaction, major units.
   *
   * @param row the customer's index in the input
   * @return the expected spend
   * @throws IndexOutOfBoundsException if the row is outside the portfolio
   */
  public double expectedSpend(int row) {
    return expectedSpend[row];
  }

  /**
   * One customer's discounted lifetime value over the horizon, major units.
   *
   * @param row the customer's index in the input
   * @return the value
   * @throws IndexOutOfBoundsException if the row is outside the portfolio
   */
  public double lifetimeValue(int row) {
    return lifetimeValue[row];
  }

  /**
   * All lifetime values, a copy.
   *
   * @return one value per customer
   */
  public double[] lifetimeValues() {
    return lifetimeValue.clone();
  }

  /**
   * All P(alive) values, a copy.
   *
   * @return one probability per customer
   */
  public double[] probabilitiesAlive() {
    return probabilityAlive.clone();
  }

  /** Checks that the columns have one length and valid entries; returns the length. */
  static int check(int[] frequency, double[] recency, double[] age, double[] meanSpend) {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(meanSpend, "meanSpend");
    int n = frequency.length;
    if (recency.length != n || age.length != n || meanSpend.length != n) {
      throw new ValidationException(
          "columns differ in length: frequency " + n + ", recency " + recency.length + ", age " + age.length + ", meanSpend " + meanSpend.length);
    }
    if (n == 0) {
      throw new ValidationException("population is empty");
    }
    for (int i = 0; i < n; i++) {
      int x = frequency[i];
      double tx = recency[i];
      double t = age[i];
      double m = meanSpend[i];
      boolean valid =
          x >= 0
              && tx >= 0
              && t >= tx
              && Double.isFinite(t)
              && (x > 0 ? tx > 0 : tx == 0)
              && m >= 0
              && Double.isFinite(m);
      if (!valid) {
        throw new ValidationException(
            "row " + i + ": history (frequency " + x + ", recency " + tx + ", age " + t + ") with meanSpend " + m + " is not valid");
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "PortfolioScores[" + size() + " customers, " + distinctHistories + " evaluations, total value " + Arrays.stream(lifetimeValue).sum() + "]";
  }
}
