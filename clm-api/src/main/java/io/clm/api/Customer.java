package io.clm.api;

import io.clm.api.annotation.Stable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A customer as the lifecycle engine knows it at one moment: an immutable copy.
 *
 * @param id the customer
 * @param stage the id of the current stage
 * @param cycle how many times the customer left a terminal stage and started a new cycle (win-back,
 *     a new line of business); 0 in the first cycle
 * @param metrics the customer's facts; {@link MetricsSnapshot#stageEnteredAt()} says when the
 *     current stage was entered
 * @param completedStageMillis for each stage the customer has left at least once, the total time
 *     spent in it before the current stay, in milliseconds, by stage id
 */
@Stable
public record Customer(
    CustomerId id, String stage, int cycle, MetricsSnapshot metrics, Map<String, Long> completedStageMillis) {

  /**
   * Validates and copies.
   *
   * @param id the customer
   * @param stage the id of the current stage
   * @param cycle how many times the customer left a terminal stage and started a new cycle (win-back,
   *     a new line of business); 0 in the first cycle
   * @param metrics the customer's facts; {@link MetricsSnapshot#stageEnteredAt()} says when the
   *     current stage was entered
   * @param completedStageMillis for each stage the customer has left at least once, the total time
   *     spent in it before the current stay, in milliseconds, by stage id
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the cycle or a duration is negative
   */
  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(metrics, "metrics");
    if (cycle < 0) {
      throw new ValidationException("cycle " + cycle + " is negative for customer " + id.masked());
    }
    completedStageMillis = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(completedStageMillis));
    for (Map.Entry<String, Long> e : completedStageMillis.entrySet()) {
      if (e.getValue() < 0) {
        throw new ValidationException(
            "time in stage '" + e.getKey() + "' is negative for customer " + id.masked());
      }
    }
  }

  /**
   * When the customer entered the current stage.
   *
   * @return the instant
   */
  public Instant stageEnteredAt() {
    return Instant.ofEpochMilli(metrics.stageEnteredAt());
  }

  /**
   * Cumulative time spent in a stage up to {@code asOf}, including the current stay if the customer
   * is in it now.
   *
   * @param stageId the stage
   * @param asOf the instant to measure to
   * @return the duration, zero for a stage never entered
   */
  public Duration timeInStage(String stageId, Instant asOf) {
    long millis = completedStageMillis.getOrDefault(stageId, 0L);
    if (stage.equals(stageId)) {
      millis += Math.max(0, asOf.toEpochMilli() - metrics.stageEnteredAt());
    }
    return Duration.ofMillis(millis);
  }

  /**
   * A measure at an instant: shorthand for {@code metric.valueOf(metrics(), asOf)}.
   *
   * @param metric the measure
   * @param asOf the instant
   * @return the value, NaN when undefined
   */
  public double metric(Metric metric, Instant asOf) {
    return metric.valueOf(metrics, asOf.toEpochMilli());
  }

  /** Returns the masked id and the stage only: no personal data. */
  @Override
  public String toString() {
    return "Customer[" + id.masked() + ", stage=" + stage + ", cycle=" + cycle + "]";
  }
}
