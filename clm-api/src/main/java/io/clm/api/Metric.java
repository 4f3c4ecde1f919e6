package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import java.math.BigDecimal;

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
  TRANSACTION_COUNT(Range.COUNT, Change.EVENTS),
  /** Number of debit transactions. */
  DEBIT_COUNT(Range.COUNT, Change.EVENTS),
  /** Number of credit transactions. */
  CREDIT_COUNT(Range.COUNT, Change.EVENTS),
  /** Total transaction amount, debits plus credits: monetary value. */
  TRANSACTION_VOLUME(Range.MONEY, Change.EVENTS),
  /** Total debit amount. */
  DEBIT_VOLUME(Range.MONEY, Change.EVENTS),
  /** Total credit amount. */
  CREDIT_VOLUME(Range.MONEY, Change.EVENTS),
  /** Mean transaction amount; NaN without transactions. */
  AVERAGE_TRANSACTION(Range.MONEY, Change.EVENTS),
  /** Share of transactions made in digital channels, 0 to 1; NaN without transactions. */
  DIGITAL_SHARE(Range.SHARE, Change.EVENTS),
  /** Days since the latest transaction: recency. NaN without transactions. Grows with time. */
  DAYS_SINCE_LAST_TRANSACTION(Range.DAYS, Change.ELAPSED_DAYS),
  /** Days since the first transaction: tenure as a customer. NaN without transactions. Grows with time. */
  TENURE_DAYS(Range.DAYS, Change.ELAPSED_DAYS),
  /** Days since clm first saw the customer. Grows with time. */
  DAYS_SINCE_FIRST_SEEN(Range.DAYS, Change.ELAPSED_DAYS),
  /** Days in the current stage. Grows with time. */
  DAYS_IN_STAGE(Range.DAYS, Change.ELAPSED_DAYS),
  /** Transactions since the customer entered the current stage. */
  TRANSACTIONS_IN_STAGE(Range.COUNT, Change.EVENTS),
  /** Volume in the last complete trend window. Changes at window boundaries. */
  RECENT_VOLUME(Range.MONEY, Change.WINDOWS),
  /** Volume in the complete window before the last. Changes at window boundaries. */
  PREVIOUS_VOLUME(Range.MONEY, Change.WINDOWS),
  /**
   * Relative change of volume from the previous complete window to the last:
   * {@code (recent - previous) / previous}; -0.5 means volume halved. NaN when the previous window
   * had no volume. Changes at window boundaries.
   */
  VOLUME_TREND(Range.TREND, Change.WINDOWS),
  /** Products held now, all types. */
  PRODUCTS_HELD(Range.COUNT, Change.EVENTS),
  /** Distinct product types held now. */
  PRODUCT_TYPES_HELD(Range.COUNT, Change.EVENTS),
  /** Products closed, all types. */
  PRODUCTS_CLOSED(Range.COUNT, Change.EVENTS),
  /** Non-financial interactions. */
  INTERACTION_COUNT(Range.COUNT, Change.EVENTS),
  /** Mean survey score, 0 to 10; NaN without surveys. */
  AVERAGE_SATISFACTION(Range.SCORE, Change.EVENTS),
  /** The latest survey score, 0 to 10; NaN without surveys. */
  LAST_SATISFACTION(Range.SCORE, Change.EVENTS),
  /**
   * The latest survey score minus the mean of the earlier ones; negative when satisfaction falls.
   * NaN with fewer than two surveys.
   */
  SATISFACTION_CHANGE(Range.SCORE_CHANGE, Change.EVENTS),
  /** Complaints ever opened. */
  TOTAL_COMPLAINTS(Range.COUNT, Change.EVENTS),
  /** Complaints open now. */
  OPEN_COMPLAINTS(Range.COUNT, Change.EVENTS),
  /** Urgent complaints open now. */
  OPEN_URGENT_COMPLAINTS(Range.COUNT, Change.EVENTS),
  /** Resolutions the customer accepted. */
  ACCEPTED_RESOLUTIONS(Range.COUNT, Change.EVENTS),
  /**
   * The bank's share of the customer's total business, 0 to 1: transaction volume divided by the
   * supplied {@link Attribute#TOTAL_BUSINESS}, capped at 1. NaN when no positive total is supplied.
   */
  SHARE_OF_WALLET(Range.SHARE, Change.EVENTS),
  /**
   * Supplied revenue minus supplied cost to serve; positive once break-even is passed. NaN unless
   * both are supplied. The difference is worked out in decimal, so revenue 1,500.10 and cost 500.10
   * give exactly 1,000.
   */
  PROFIT(Range.ANY, Change.EVENTS),
  /** Supplied {@link Attribute#REVENUE}. */
  REVENUE(Range.MONEY, Change.EVENTS),
  /** Supplied {@link Attribute#COST_TO_SERVE}. */
  COST_TO_SERVE(Range.MONEY, Change.EVENTS),
  /** Supplied {@link Attribute#CREDIT_SCORE}. */
  CREDIT_SCORE(Range.RATING, Change.EVENTS),
  /** Supplied {@link Attribute#SCALE}. */
  SCALE(Range.MONEY, Change.EVENTS),
  /** Supplied {@link Attribute#COMPETITOR_ATTENTION}. */
  COMPETITOR_ATTENTION(Range.SHARE, Change.EVENTS),
  /** Supplied {@link Attribute#PRICE_SENSITIVITY}. */
  PRICE_SENSITIVITY(Range.SHARE, Change.EVENTS),
  /** Supplied {@link Attribute#DECISION_TIME_DAYS}. */
  DECISION_TIME_DAYS(Range.NON_NEGATIVE, Change.EVENTS),
  /** Supplied {@link Attribute#INCIDENT_TOLERANCE}. */
  INCIDENT_TOLERANCE(Range.SHARE, Change.EVENTS),
  /** 1 if the relationship was closed after the latest transaction with all debts settled, else 0. */
  RELATIONSHIP_CLOSED(Range.FLAG, Change.EVENTS);

  /** Milliseconds in a day. */
  public static final long DAY_MILLIS = 86_400_000L;

  /** The values a measure can take (besides NaN for "no data"). */
  public enum Range {
    /** A count: a whole number, 0 or more. */
    COUNT(0, Double.POSITIVE_INFINITY),
    /** An amount in major units of the engine's currency, 0 or more. */
    MONEY(0, Double.POSITIVE_INFINITY),
    /** A share, or a supplied degree such as competitor attention, 0 to 1. */
    SHARE(0, 1),
    /** Fractional days of 24 hours; negative only for facts later than the evaluation instant. */
    DAYS(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** A relative change, -1 (all gone) or more. */
    TREND(-1, Double.POSITIVE_INFINITY),
    /** A survey score, 0 to 10. */
    SCORE(0, 10),
    /** The change of a survey score, -10 to 10. */
    SCORE_CHANGE(-10, 10),
    /** 0 or 1. */
    FLAG(0, 1),
    /** A rating from 0 to 1000: a supplied credit score. */
    RATING(0, 1000),
    /** A supplied value of 0 or more, such as a decision time in days. */
    NON_NEGATIVE(0, Double.POSITIVE_INFINITY),
    /** Any finite value: profit, a difference of supplied amounts. */
    ANY(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final double min;
    private final double max;

    Range(double min, double max) {
      this.min = min;
      this.max = max;
    }

    /**
     * The least value.
     *
     * @return the bound, possibly negative infinity
     */
    public double min() {
      return min;
    }

    /**
     * The greatest value.
     *
     * @return the bound, possibly positive infinity
     */
    public double max() {
      return max;
    }
  }

  /** What makes a measure change: only events, or also the passing of time (what {@code advanceTo} watches). */
  public enum Change {
    /** Only an event of the customer changes it. */
    EVENTS,
    /** It grows with elapsed time from an anchor instant. */
    ELAPSED_DAYS,
    /** It changes when the clock crosses a trend-window boundary. */
    WINDOWS
  }

  private final Range range;
  private final Change change;

  Metric(Range range, Change change) {
    this.range = range;
    this.change = change;
  }

  /**
   * The values this measure can take.
   *
   * @return the range
   */
  public Range range() {
    return range;
  }

  /**
   * What makes this measure change.
   *
   * @return {@link Change#EVENTS} unless time alone moves it
   */
  public Change change() {
    return change;
  }

  /**
   * Whether the measure can be undefined (NaN) for lack of data: a mean without transactions, a
   * supplied attribute never supplied. Every other measure always has a value.
   *
   * @return true if the measure can be NaN
   */
  public boolean mayBeUndefined() {
    return switch (this) {
      case AVERAGE_TRANSACTION, DIGITAL_SHARE, DAYS_SINCE_LAST_TRANSACTION, TENURE_DAYS, VOLUME_TREND,
          AVERAGE_SATISFACTION, LAST_SATISFACTION, SATISFACTION_CHANGE, SHARE_OF_WALLET, PROFIT, REVENUE,
          COST_TO_SERVE, CREDIT_SCORE, SCALE, COMPETITOR_ATTENTION, PRICE_SENSITIVITY, DECISION_TIME_DAYS,
          INCIDENT_TOLERANCE -> true;
      case TRANSACTION_COUNT, DEBIT_COUNT, CREDIT_COUNT, TRANSACTION_VOLUME, DEBIT_VOLUME, CREDIT_VOLUME,
          DAYS_SINCE_FIRST_SEEN, DAYS_IN_STAGE, TRANSACTIONS_IN_STAGE, RECENT_VOLUME, PREVIOUS_VOLUME,
          PRODUCTS_HELD, PRODUCT_TYPES_HELD, PRODUCTS_CLOSED, INTERACTION_COUNT, TOTAL_COMPLAINTS,
          OPEN_COMPLAINTS, OPEN_URGENT_COMPLAINTS, ACCEPTED_RESOLUTIONS, RELATIONSHIP_CLOSED -> false;
    };
  }

  /**
   * Computes the measure.
   *
   * @param m the customer's facts
   * @param now the instant to evaluate at, epoch milliseconds
   * @return the value, or NaN when undefined
   */
  public double valueOf(CustomerMetrics m, long now) {
    return switch (this) {
      case TRANSACTION_COUNT -> m.transactionCount(Direction.DEBIT) + (double) m.transactionCount(Direction.CREDIT);
      case DEBIT_COUNT -> m.transactionCount(Direction.DEBIT);
      case CREDIT_COUNT -> m.transactionCount(Direction.CREDIT);
      // exact: the engine refuses a transaction that would take the total past Long.MAX_VALUE
      case TRANSACTION_VOLUME -> major(m, m.transactionMinor(Direction.DEBIT) + m.transactionMinor(Direction.CREDIT));
      case DEBIT_VOLUME -> major(m, m.transactionMinor(Direction.DEBIT));
      case CREDIT_VOLUME -> major(m, m.transactionMinor(Direction.CREDIT));
      case AVERAGE_TRANSACTION -> ratio(TRANSACTION_VOLUME.valueOf(m, now), TRANSACTION_COUNT.valueOf(m, now));
      case DIGITAL_SHARE -> ratio(m.digitalTransactionCount(), TRANSACTION_COUNT.valueOf(m, now));
      case DAYS_SINCE_LAST_TRANSACTION, TENURE_DAYS, DAYS_SINCE_FIRST_SEEN, DAYS_IN_STAGE -> {
        long anchor = anchor(m);
        yield anchor == CustomerMetrics.NONE ? Double.NaN : (now - anchor) / (double) DAY_MILLIS;
      }
      case TRANSACTIONS_IN_STAGE -> m.transactionsInStage();
      case RECENT_VOLUME -> major(m, m.windowVolumeMinor(window(m, now) - 1));
      case PREVIOUS_VOLUME -> major(m, m.windowVolumeMinor(window(m, now) - 2));
      case VOLUME_TREND -> {
        long window = window(m, now);
        long previous = m.windowVolumeMinor(window - 2);
        yield previous == 0
            ? Double.NaN
            : (m.windowVolumeMinor(window - 1) - previous) / (double) previous;
      }
      case PRODUCTS_HELD -> {
        int held = 0;
        for (ProductType product : ProductTypes.ALL) {
          held += m.productsHeld(product);
        }
        yield held;
      }
      case PRODUCT_TYPES_HELD -> {
        int types = 0;
        for (ProductType product : ProductTypes.ALL) {
          types += m.productsHeld(product) > 0 ? 1 : 0;
        }
        yield types;
      }
      case PRODUCTS_CLOSED -> {
        int closed = 0;
        for (ProductType product : ProductTypes.ALL) {
          closed += m.productsClosed(product);
        }
        yield closed;
      }
      case INTERACTION_COUNT -> m.interactionCount();
      case AVERAGE_SATISFACTION -> ratio(m.satisfactionSum(), m.surveyCount());
      case LAST_SATISFACTION -> m.surveyCount() == 0 ? Double.NaN : m.lastSatisfaction();
      case SATISFACTION_CHANGE -> {
        if (m.surveyCount() < 2) {
          yield Double.NaN;
        }
        double earlierMean =
            (m.satisfactionSum() - m.lastSatisfaction()) / (double) (m.surveyCount() - 1);
        yield m.lastSatisfaction() - earlierMean;
      }
      case TOTAL_COMPLAINTS -> m.complaintsOpened();
      case OPEN_COMPLAINTS -> m.openComplaints();
      case OPEN_URGENT_COMPLAINTS -> m.openUrgentComplaints();
      case ACCEPTED_RESOLUTIONS -> m.acceptedResolutions();
      case SHARE_OF_WALLET -> {
        double total = m.attribute(Attribute.TOTAL_BUSINESS);
        yield total > 0 ? Math.min(1.0, TRANSACTION_VOLUME.valueOf(m, now) / total) : Double.NaN;
      }
      case PROFIT -> decimalDifference(m.attribute(Attribute.REVENUE), m.attribute(Attribute.COST_TO_SERVE));
      case REVENUE -> m.attribute(Attribute.REVENUE);
      case COST_TO_SERVE -> m.attribute(Attribute.COST_TO_SERVE);
      case CREDIT_SCORE -> m.attribute(Attribute.CREDIT_SCORE);
      case SCALE -> m.attribute(Attribute.SCALE);
      case COMPETITOR_ATTENTION -> m.attribute(Attribute.COMPETITOR_ATTENTION);
      case PRICE_SENSITIVITY -> m.attribute(Attribute.PRICE_SENSITIVITY);
      case DECISION_TIME_DAYS -> m.attribute(Attribute.DECISION_TIME_DAYS);
      case INCIDENT_TOLERANCE -> m.attribute(Attribute.INCIDENT_TOLERANCE);
      case RELATIONSHIP_CLOSED -> {
        long closedAt = m.relationshipClosedAt();
        yield closedAt != CustomerMetrics.NONE && closedAt >= m.lastTransaction() && m.debtsSettled() ? 1 : 0;
      }
    };
  }

  /**
   * Whether the measure changes as time passes without any event.
   *
   * @return true for the "days since" measures and the trend-window measures
   */
  public boolean isTimeDependent() {
    return change != Change.EVENTS;
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
    if (change == Change.ELAPSED_DAYS) {
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
    if (change == Change.WINDOWS) {
      long window = window(m, now);
      boolean anyTracked =
          m.windowVolumeMinor(window) != 0
              || m.windowVolumeMinor(window - 1) != 0
              || m.windowVolumeMinor(window - 2) != 0;
      return anyTracked ? (window + 1) * m.trendWindowMillis() : Long.MAX_VALUE;
    }
    return Long.MAX_VALUE;
  }

  private long anchor(CustomerMetrics m) {
    return switch (this) {
      case DAYS_SINCE_LAST_TRANSACTION -> m.lastTransaction();
      case TENURE_DAYS -> m.firstTransaction();
      case DAYS_SINCE_FIRST_SEEN -> m.firstSeen();
      case DAYS_IN_STAGE -> m.stageEnteredAt();
      default -> throw new AssertionError(this + " is not an elapsed-days measure");
    };
  }

  private static long window(CustomerMetrics m, long now) {
    return Math.floorDiv(now, m.trendWindowMillis());
  }

  private static double major(CustomerMetrics m, long minor) {
    int digits = m.currency().getDefaultFractionDigits();
    return minor / (digits < POWERS_OF_TEN.length ? POWERS_OF_TEN[digits] : Math.pow(10, digits));
  }

  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** Doubles up to this magnitude are whole numbers exactly and so is their difference. */
  private static final double EXACT_WHOLE = 0x1p52;

  /**
   * {@code a - b} worked out on the decimals the doubles stand for (their shortest decimal forms),
   * so that 1500.10 - 500.10 is 1000 and not 999.9999999999999; NaN if either is NaN.
   */
  private static double decimalDifference(double a, double b) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return a - b;
    }
    if (a == Math.rint(a) && b == Math.rint(b) && Math.abs(a) <= EXACT_WHOLE && Math.abs(b) <= EXACT_WHOLE) {
      return a - b;
    }
    return BigDecimal.valueOf(a).subtract(BigDecimal.valueOf(b)).doubleValue();
  }

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
