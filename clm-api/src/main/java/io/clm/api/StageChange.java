package io.clm.api;

import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of a customer's append-only stage history.
 *
 * @param customer the customer
 * @param from the stage left
 * @param to the stage entered
 * @param at when the change took effect: the event's timestamp, or the instant passed to {@code
 *     advanceTo} for time-driven rules
 * @param cause why the change happened
 * @param evidence the metric values that decided it, by metric name (empty for manual moves and
 *     imports); sorted by name
 */
@Stable
public record StageChange(
    CustomerId customer, String from, String to, Instant at, Cause cause, Map<String, Double> evidence) {

  /**
   * Validates the change and copies the evidence.
   *
   * @param customer the customer
   * @param from the stage left
   * @param to the stage entered
   * @param at when the change took effect: the event's timestamp, or the instant passed to {@code
   *     advanceTo} for time-driven rules
   * @param cause why the change happened
   * @param evidence the metric values that decided it, by metric name (empty for manual moves and
   *     imports); sorted by name
   * @throws NullPointerException if a component is null
   * @throws IllegalTransitionException if {@code from} equals {@code to}
   */
  public StageChange {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(evidence, "evidence");
    if (from.equals(to)) {
      throw new IllegalTransitionException("stage change from " + TextRules.excerpt(from) + " to itself");
    }
    evidence = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
  }
}
