package io.clm.retention;

import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.annotation.Experimental;
import java.time.Instant;

/**
 * The early-warning signs the built-in {@link RiskScorer} reads (seeds 000 and 003: falling
 * transaction volume marks decline; seed 002: unresolved or repeated complaints). Each turns one or
 * two {@link Metric}s into a signal from 0 (absent) to 1 (fully present); a measure without data
 * (NaN) gives 0.
 */
@Experimental
public enum RiskFactor {
  /**
   * Transaction volume fell from the previous trend window to the last: signal {@code
   * clamp(−VOLUME_TREND, 0, 1)}, so volume halving gives 0.5 and stopping gives 1.
   */
  FALLING_VOLUME("falling-volume", 0.25),
  /**
   * No transaction for a while: signal 0 up to 30 days since the last transaction, rising linearly
   * to 1 at 180 days ({@link Metric#DAYS_SINCE_LAST_TRANSACTION}).
   */
  INACTIVITY("inactivity", 0.25),
  /** Complaints open now: signal {@code min(1, (open + urgent open) / 2)}, so one urgent complaint counts fully. */
  OPEN_COMPLAINTS("open-complaints", 0.15),
  /** Complaints repeated over time: signal {@code clamp((total − 1) / 3, 0, 1)}, full at four complaints. */
  REPEATED_COMPLAINTS("repeated-complaints", 0.10),
  /** Products closed: signal {@code closed / (closed + held)}, the share of the customer's products given up. */
  CLOSED_PRODUCTS("closed-products", 0.10),
  /**
   * Satisfaction fell: signal {@code clamp(−SATISFACTION_CHANGE / 5, 0, 1)}, where the change is the
   * latest survey score minus the mean of the earlier ones on the 0–10 scale.
   */
  FALLING_SATISFACTION("falling-satisfaction", 0.15);

  private final String id;
  private final double defaultWeight;

  RiskFactor(String id, double defaultWeight) {
    this.id = id;
    this.defaultWeight = defaultWeight;
  }

  /**
   * The factor's id as it appears in {@link io.clm.api.retention.Risk.Contribution#factor()}.
   *
   * @return the id, for example {@code falling-volume}
   */
  public String id() {
    return id;
  }

  /**
   * The factor's default weight; the defaults add up to 1.
   *
   * @return the weight
   */
  public double defaultWeight() {
    return defaultWeight;
  }

  /**
   * How strongly the factor is present for a customer.
   *
   * @param customer the customer
   * @param asOf the instant to read time-dependent measures at
   * @return the signal, 0 to 1
   */
  public double signal(Customer customer, Instant asOf) {
    return switch (this) {
      case FALLING_VOLUME -> clamp(-customer.metric(Metric.VOLUME_TREND, asOf));
      case INACTIVITY -> clamp((customer.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, asOf) - 30) / 150);
      case OPEN_COMPLAINTS -> clamp(
          (customer.metric(Metric.OPEN_COMPLAINTS, asOf) + customer.metric(Metric.OPEN_URGENT_COMPLAINTS, asOf)) / 2);
      case REPEATED_COMPLAINTS -> clamp((customer.metric(Metric.TOTAL_COMPLAINTS, asOf) - 1) / 3);
      case CLOSED_PRODUCTS -> {
        double closed = customer.metric(Metric.PRODUCTS_CLOSED, asOf);
        double held = customer.metric(Metric.PRODUCTS_HELD, asOf);
        yield closed + held == 0 ? 0 : clamp(closed / (closed + held));
      }
      case FALLING_SATISFACTION -> clamp(-customer.metric(Metric.SATISFACTION_CHANGE, asOf) / 5);
    };
  }

  /** Clamps to [0, 1]; NaN (no data) gives 0. */
  private static double clamp(double value) {
    if (!(value > 0)) {
      return 0;
    }
    return Math.min(1, value);
  }
}
