package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;

/**
 * The measures that lifecycle rules, segmentation and risk scoring read, each derived from a
 * customer's {@link CustomerMetrics} at an instant. A measure without data (the recency of a
 * customer who never transacted, share of wallet without a supplied total) is NaN, and every
 * comparison with NaN is false.
 *
 * <p>Money measures are in major units of the engine's currency. "Days" are fractional days of 24
 * hours.
 */
@Stable
public enum Metric {
  /** Number of transactions: frequency. */
  TRANSACTION_COUNT,
  /** Number of debit transactions. */
  DEBIT_COUNT,
  /** Number of credit transactions. */
  CREDIT_COUNT,
  /** Total transaction amount, debits plus credits: monetary value. */
  TRANSACTION_VOLUME,
  /** Total debit amount. */
  DEBIT_VOLUME,
  /** Total credit amount. */
  CREDIT_VOLUME,
  /** Mean transaction amount; NaN without transactions. */
  AVERAGE_TRANSACTION,
  /** Share of transactions made in digital channels, 0 to 1; NaN without transactions. */
  DIGITAL_SHARE,
  /** Days since the latest transaction: recency. NaN without transactions. Grows with time. */
  DAYS_SINCE_LAST_TRANSACTION,
  /** Days since the first transaction: tenure as a customer. NaN without transactions. Grows with time. */
  TENURE_DAYS,
  /** Days since clm first saw the customer. Grows with time. */
  DAYS_SINCE_FIRST_SEEN,
  /** Days in the current stage. Grows with time. */
  DAYS_IN_STAGE,
  /** Transactions since the customer entered the current stage. */
  TRANSACTIONS_IN_STAGE,
  /** Volume in the last complete trend window. Changes at window boundaries. */
  RECENT_VOLUME,
  /** Volume in the complete window before the last. Changes at window boundaries. */
  PREVIOUS_VOLUME,
  /**
   * Relative change of volume from the previous complete window to the last:
   * {@code (recent - previous) / previous}; -0.5 means volume halved. NaN when the previous window
   * had no volume. Changes at window boundaries.
   */
  VOLUME_TREND,
  /** Products held now, all types. */
  PRODUCTS_HELD,
  /** Distinct product types held now. */
  PRODUCT_TYPES_HELD,
  /** Products closed, all types. */
  PRODUCTS_CLOSED,
  /** Non-financial interactions. */
  INTERACTION_COUNT,
  /** Mean survey score, 0 to 10; NaN without surveys. */
  AVERAGE_SATISFACTION,
  /** The latest survey score, 0 to 10; NaN without surveys. */
  LAST_SATISFACTION,
  /**
   * The latest survey score minus the mean of the earlier ones; negative when satisfaction falls.
   * NaN with fewer than two surveys.
   */
  SATISFACTION_CHANGE,
  /** Complaints ever opened. */
  TOTAL_COMPLAINTS,
  /** Complaints open now. */
  OPEN_COMPLAINTS,
  /** Urgent complaints open now. */
  OPEN_URGENT_COMPLAINTS,
  /** Resolutions the customer accepted. */
  ACCEPTED_RESOLUTIONS,
  /**
   * The bank's share of the customer's total business, 0 to 1: transaction volume divided by the
   * supplied {@link Attribute#TOTAL_BUSINESS}, capped at 1. NaN when no positive total is supplied.
   */
  SHARE_OF_WALLET,
  /** Supplied revenue minus supplied cost to serve; positive once break-even is passed. NaN unless both are supplied. */
  PROFIT,
  /** Supplied {@link Attribute#REVENUE}. */
  REVENUE,
  /** Supplied {@link Attribute#COST_TO_SERVE}. */
  COST_TO_SERVE,
  /** Supplied {@link Attribute#CREDIT_SCORE}. */
  CREDIT_SCORE,
  /** Supplied {@link Attribute#SCALE}. */
  SCALE,
  /** Supplied {@link Attribute#COMPETITOR_ATTENTION}. */
  COMPETITOR_ATTENTION,
  /** Supplied {@link Attribute#PRICE_SENSITIVITY}. */
  PRICE_SENSITIVITY,
  /** Supplied {@link Attribute#DECISION_TIME_DAYS}. */
  DECISION_TIME_DAYS,
  /** Supplied {@link Attribute#INCIDENT_TOLERANCE}. */
  INCIDENT_TOLERANCE,
  /** 1 if the relationship was closed after the latest transaction with all debts settled, else 0. */
  RELATIONSHIP_CLOSED;

  /** Milliseconds in a day. */
  public static final long DAY_MILLIS = 86_400_000L;

  /**
   * Computes the measure.
   *
   * @param m the customer's facts
   * @param now the instant to evaluate at, epoch milliseconds
   * @return the value, or NaN when undefined
   */
  public double valueOf(CustomerMetrics m, long now) {
    switch (this) {
      case TRANSACTION_COUNT:
        return m.transactionCount(Direction.DEBIT) + (double) m.transactionCount(Direction.CREDIT);
      case DEBIT_COUNT:
        return m.transactionCount(Direction.DEBIT);
      case CREDIT_COUNT:
        return m.transactionCount(Direction.CREDIT);
      case TRANSACTION_VOLUME:
        return major(m, m.transactionMinor(Direction.DEBIT) + m.transactionMinor(Direction.CREDIT));
      case DEBIT_VOLUME:
        return major(m, m.transactionMinor(Direction.DEBIT));
      case CREDIT_VOLUME:
        return major(m, m.transactionMinor(Direction.CREDIT));
      case AVERAGE_TRANSACTION:
        return ratio(TRANSACTION_VOLUME.valueOf(m, now), TRANSACTION_COUNT.valueOf(m, now));
      case DIGITAL_SHARE:
        return ratio(m.digitalTransactionCount(), TRANSACTION_COUNT.valueOf(m, now));
      case DAYS_SINCE_LAST_TRANSACTION:
      case TENURE_DAYS:
      case DAYS_SINCE_FIRST_SEEN:
      case DAYS_IN_STAGE:
        long anchor = anchor(m);
        return anchor == CustomerMetrics.NONE ? Double.NaN : (now - anchor) / (double) DAY_MILLIS;
      case TRANSACTIONS_IN_STAGE:
        return m.transactionsInStage();
      case RECENT_VOLUME:
        return major(m, m.windowVolumeMinor(window(m, now) - 1));
      case PREVIOUS_VOLUME:
        return major(m, m.windowVolumeMinor(window(m, now) - 2));
      case VOLUME_TREND:
        long window = window(m, now);
        long previous = m.windowVolumeMinor(window - 2);
        return previous == 0
            ? Double.NaN
            : (m.windowVolumeMinor(window - 1) - previous) / (double) previous;
      case PRODUCTS_HELD:
        int held = 0;
        for (ProductType product : ProductTypes.ALL) {
          held += m.productsHeld(product);
        }
        return held;
      case PRODUCT_TYPES_HELD:
        int types = 0;
        for (ProductType product : ProductTypes.ALL) {
          types += m.productsHeld(product) > 0 ? 1 : 0;
        }
        return types;
      case PRODUCTS_CLOSED:
        int closed = 0;
        for (ProductType product : ProductTypes.ALL) {
          closed += m.productsClosed(product);
        }
        return closed;
      case INTERACTION_COUNT:
        return m.interactionCount();
      case AVERAGE_SATISFACTION:
        return ratio(m.satisfactionSum(), m.surveyCount());
      case LAST_SATISFACTION:
        return m.surveyCount() == 0 ? Double.NaN : m.lastSatisfaction();
      case SATISFACTION_CHANGE:
        if (m.surveyCount() < 2) {
          return Double.NaN;
        }
        double earlierMean =
            (m.satisfactionSum() - m.lastSatisfaction()) / (double) (m.surveyCount() - 1);
        return m.lastSatisfaction() - earlierMean;
      case TOTAL_COMPLAINTS:
        return m.complaintsOpened();
      case OPEN_COMPLAINTS:
        return m.openComplaints();
      case OPEN_URGENT_COMPLAINTS:
        return m.openUrgentComplaints();
      case ACCEPTED_RESOLUTIONS:
        return m.acceptedResolutions();
      case SHARE_OF_WALLET:
        double total = m.attribute(Attribute.TOTAL_BUSINESS);
        if (!(total > 0)) {
          return Double.NaN;
        }
        return Math.min(1.0, TRANSACTION_VOLUME.valueOf(m, now) / total);
      case PROFIT:
        return m.attribute(Attribute.REVENUE) - m.attribute(Attribute.COST_TO_SERVE);
      case REVENUE:
        return m.attribute(Attribute.REVENUE);
      case COST_TO_SERVE:
        return m.attribute(Attribute.COST_TO_SERVE);
      case CREDIT_SCORE:
        return m.attribute(Attribute.CREDIT_SCORE);
      case SCALE:
        return m.attribute(Attribute.SCALE);
      case COMPETITOR_ATTENTION:
        return m.attribute(Attribute.COMPETITOR_ATTENTION);
      case PRICE_SENSITIVITY:
        return m.attribute(Attribute.PRICE_SENSITIVITY);
      case DECISION_TIME_DAYS:
        return m.attribute(Attribute.DECISION_TIME_DAYS);
      case INCIDENT_TOLERANCE:
        return m.attribute(Attribute.INCIDENT_TOLERANCE);
      case RELATIONSHIP_CLOSED:
        long closedAt = m.relationshipClosedAt();
        return closedAt != CustomerMetrics.NONE
                && closedAt >= m.lastTransaction()
                && m.debtsSettled()
            ? 1
            : 0;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Whether the measure changes as time passes without any event.
   *
   * @return true for the "days since" measures and the trend-window measures
   */
  public boolean isTimeDependent() {
    return isElapsedDays() || isWindowed();
  }

  /**
   * The earliest instant after {@code now} at which this measure, compared against {@code
   * threshold}, can change its answer without a new event; {@link Long#MAX_VALUE} if never. Used to
   * keep the engine's due-time index exact.
   *
   * @param m the customer's facts
   * @param now the current instant, epoch milliseconds
   * @param threshold the value compared against
   * @return epoch milliseconds after {@code now}, or {@link Long#MAX_VALUE}
   */
  public long nextChange(CustomerMetrics m, long now, double threshold) {
    if (isElapsedDays()) {
      long anchor = anchor(m);
      if (anchor == CustomerMetrics.NONE || Double.isNaN(threshold)) {
        return Long.MAX_VALUE;
      }
      // The value crosses the threshold at anchor + threshold days; also the instant just after,
      // for strict comparisons.
      long crossing = anchor + (long) Math.ceil(threshold * DAY_MILLIS);
      if (crossing > now) {
        return crossing;
      }
      return crossing == now ? now + 1 : Long.MAX_VALUE;
    }
    if (isWindowed()) {
      long window = window(m, now);
      boolean anyTracked =
          m.windowVolumeMinor(window) != 0
              || m.windowVolumeMinor(window - 1) != 0
              || m.windowVolumeMinor(window - 2) != 0;
      return anyTracked ? (window + 1) * m.trendWindowMillis() : Long.MAX_VALUE;
    }
    return Long.MAX_VALUE;
  }

  private boolean isElapsedDays() {
    return this == DAYS_SINCE_LAST_TRANSACTION
        || this == TENURE_DAYS
        || this == DAYS_SINCE_FIRST_SEEN
        || this == DAYS_IN_STAGE;
  }

  private boolean isWindowed() {
    return this == RECENT_VOLUME || this == PREVIOUS_VOLUME || this == VOLUME_TREND;
  }

  private long anchor(CustomerMetrics m) {
    switch (this) {
      case DAYS_SINCE_LAST_TRANSACTION:
        return m.lastTransaction();
      case TENURE_DAYS:
        return m.firstTransaction();
      case DAYS_SINCE_FIRST_SEEN:
        return m.firstSeen();
      case DAYS_IN_STAGE:
        return m.stageEnteredAt();
      default:
        throw new AssertionError(this);
    }
  }

  private static long window(CustomerMetrics m, long now) {
    return Math.floorDiv(now, m.trendWindowMillis());
  }

  private static double major(CustomerMetrics m, long minor) {
    int digits = m.currency().getDefaultFractionDigits();
    return minor / (digits < POWERS_OF_TEN.length ? POWERS_OF_TEN[digits] : Math.pow(10, digits));
  }

  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }

  /**
   * The condition "this measure is at least {@code value}".
   *
   * @param value the threshold, finite
   * @return the condition
   */
  public Condition.Threshold atLeast(double value) {
    return new Condition.Threshold(this, Condition.Comparison.AT_LEAST, value, false);
  }

  /**
   * The condition "this measure is at most {@code value}".
   *
   * @param value the threshold, finite
   * @return the condition
   */
  public Condition.Threshold atMost(double value) {
    return new Condition.Threshold(this, Condition.Comparison.AT_MOST, value, false);
  }

  /**
   * The condition "this measure is above {@code value}".
   *
   * @param value the threshold, finite
   * @return the condition
   */
  public Condition.Threshold above(double value) {
    return new Condition.Threshold(this, Condition.Comparison.ABOVE, value, false);
  }

  /**
   * The condition "this measure is below {@code value}".
   *
   * @param value the threshold, finite
   * @return the condition
   */
  public Condition.Threshold below(double value) {
    return new Condition.Threshold(this, Condition.Comparison.BELOW, value, false);
  }
}
