package io.clm.api;

import io.clm.api.annotation.Stable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declarative test over a customer's {@link Metric measures}, used by lifecycle rules. Build
 * conditions from a metric ({@code Metric.TRANSACTION_COUNT.atLeast(2)}) and combine them with
 * {@link #all} and {@link #any}. Because conditions are declarative, the engine knows which
 * measures decided a change (the evidence) and when a condition can next change by the passage of
 * time alone (so that {@code advanceTo} touches only customers that are due).
 */
@Stable
public sealed interface Condition permits Condition.Threshold, Condition.All, Condition.Any {

  /**
   * Evaluates the condition.
   *
   * @param m the customer's facts
   * @param now the instant, epoch milliseconds
   * @return whether it holds
   */
  boolean test(CustomerMetrics m, long now);

  /**
   * The earliest instant after {@code now} at which the condition can change by time alone.
   *
   * @param m the customer's facts
   * @param now the instant, epoch milliseconds
   * @return epoch milliseconds, or {@link Long#MAX_VALUE} if only an event can change it
   */
  long nextChange(CustomerMetrics m, long now);

  /**
   * Puts the value of every measure the condition reads into {@code evidence}, by metric name;
   * undefined (NaN) values are left out.
   *
   * @param m the customer's facts
   * @param now the instant, epoch milliseconds
   * @param evidence the map to fill
   */
  void collectEvidence(CustomerMetrics m, long now, Map<String, Double> evidence);

  /**
   * All of the conditions hold.
   *
   * @param conditions one or more conditions
   * @return the conjunction
   */
  static Condition all(Condition... conditions) {
    return new All(List.of(conditions));
  }

  /**
   * At least one of the conditions holds.
   *
   * @param conditions one or more conditions
   * @return the disjunction
   */
  static Condition any(Condition... conditions) {
    return new Any(List.of(conditions));
  }

  /** How a measure is compared with a threshold. */
  enum Comparison {
    /** {@code value >= threshold}. */
    AT_LEAST(">="),
    /** {@code value <= threshold}. */
    AT_MOST("<="),
    /** {@code value > threshold}. */
    ABOVE(">"),
    /** {@code value < threshold}. */
    BELOW("<");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(double value, double threshold) {
      return switch (this) {
        case AT_LEAST -> value >= threshold;
        case AT_MOST -> value <= threshold;
        case ABOVE -> value > threshold;
        case BELOW -> value < threshold;
      };
    }

    /**
     * The operator as written in documentation.
     *
     * @return for example {@code >=}
     */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * A measure compared with a threshold.
   *
   * @param metric the measure
   * @param comparison how it is compared
   * @param value the threshold, finite
   * @param holdsIfMissing whether the condition also holds when the measure is undefined (NaN), for
   *     example "profit above zero, or no profit data supplied"
   */
  record Threshold(Metric metric, Comparison comparison, double value, boolean holdsIfMissing)
      implements Condition {

    /**
     * Validates the threshold.
     *
     * @param metric the measure
     * @param comparison how it is compared
     * @param value the threshold, finite
     * @param holdsIfMissing whether the condition also holds when the measure is undefined (NaN), for
     *     example "profit above zero, or no profit data supplied"
     * @throws InvalidModelException if the value is NaN or infinite
     */
    public Threshold {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(comparison, "comparison");
      if (!Double.isFinite(value)) {
        throw new InvalidModelException("threshold for " + metric + " is not finite: " + value);
      }
    }

    /**
     * The same condition, also holding when the measure is undefined.
     *
     * @return the relaxed condition
     */
    public Threshold orMissing() {
      return new Threshold(metric, comparison, value, true);
    }

    @Override
    public boolean test(CustomerMetrics m, long now) {
      double actual = metric.valueOf(m, now);
      return Double.isNaN(actual) ? holdsIfMissing : comparison.holds(actual, value);
    }

    @Override
    public long nextChange(CustomerMetrics m, long now) {
      return metric.nextChange(m, now, value);
    }

    @Override
    public void collectEvidence(CustomerMetrics m, long now, Map<String, Double> evidence) {
      double actual = metric.valueOf(m, now);
      if (!Double.isNaN(actual)) {
        evidence.put(metric.name(), actual);
      }
    }

    /** Returns the condition as written in documentation, for example {@code TRANSACTION_COUNT >= 2.0}. */
    @Override
    public String toString() {
      return metric + " " + comparison.symbol() + " " + value + (holdsIfMissing ? " or missing" : "");
    }
  }

  /**
   * All conditions hold.
   *
   * @param conditions at least one condition
   */
  record All(List<Condition> conditions) implements Condition {
    /**
     * Validates and copies the conditions.
     *
     * @param conditions at least one condition
     */
    public All {
      conditions = nonEmptyCopy(conditions, "all");
    }

    @Override
    public boolean test(CustomerMetrics m, long now) {
      // Indexed loops: rules run after every event, and an iterator per call adds up.
      for (int i = 0; i < conditions.size(); i++) {
        if (!conditions.get(i).test(m, now)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public long nextChange(CustomerMetrics m, long now) {
      return earliest(conditions, m, now);
    }

    @Override
    public void collectEvidence(CustomerMetrics m, long now, Map<String, Double> evidence) {
      conditions.forEach(c -> c.collectEvidence(m, now, evidence));
    }

    /** Returns the conditions joined by {@code and}. */
    @Override
    public String toString() {
      return join(conditions, " and ");
    }
  }

  /**
   * At least one condition holds.
   *
   * @param conditions at least one condition
   */
  record Any(List<Condition> conditions) implements Condition {
    /**
     * Validates and copies the conditions.
     *
     * @param conditions at least one condition
     */
    public Any {
      conditions = nonEmptyCopy(conditions, "any");
    }

    @Override
    public boolean test(CustomerMetrics m, long now) {
      for (int i = 0; i < conditions.size(); i++) {
        if (conditions.get(i).test(m, now)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public long nextChange(CustomerMetrics m, long now) {
      return earliest(conditions, m, now);
    }

    @Override
    public void collectEvidence(CustomerMetrics m, long now, Map<String, Double> evidence) {
      conditions.forEach(c -> c.collectEvidence(m, now, evidence));
    }

    /** Returns the conditions joined by {@code or}. */
    @Override
    public String toString() {
      return join(conditions, " or ");
    }
  }

  private static List<Condition> nonEmptyCopy(List<Condition> conditions, String kind) {
    List<Condition> copy = List.copyOf(conditions);
    if (copy.isEmpty()) {
      throw new InvalidModelException(kind + "() needs at least one condition");
    }
    return copy;
  }

  private static long earliest(List<Condition> conditions, CustomerMetrics m, long now) {
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < conditions.size(); i++) {
      earliest = Math.min(earliest, conditions.get(i).nextChange(m, now));
    }
    return earliest;
  }

  private static String join(List<Condition> conditions, String separator) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < conditions.size(); i++) {
      text.append(i == 0 ? "" : separator).append(conditions.get(i));
    }
    return text.append(')').toString();
  }
}
