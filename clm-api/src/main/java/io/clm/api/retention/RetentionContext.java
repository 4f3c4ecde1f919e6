package io.clm.api.retention;

import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Purpose;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a {@link RetentionStrategy} sees about one customer: who, in which stage of which
 * kind, in which segments, how likely to leave, how valuable, and what the customer consented to.
 *
 * @param customer the customer as the engine knows it (its metrics carry consent)
 * @param family the kind of the customer's current stage, so that strategies work with every
 *     lifecycle model
 * @param segments the ids of the segments the customer is in, sorted
 * @param risk the early-warning risk score
 * @param value what the customer is worth to the bank (for example a lifetime value), at least 0
 * @param asOf the instant the context describes, at which time-dependent metrics are read
 */
@Experimental
public record RetentionContext(
    Customer customer, StageFamily family, Set<String> segments, Risk risk, Money value, Instant asOf) {

  /**
   * Validates and copies.
   *
   * @param customer the customer as the engine knows it (its metrics carry consent)
   * @param family the kind of the customer's current stage, so that strategies work with every
   *     lifecycle model
   * @param segments the ids of the segments the customer is in, sorted
   * @param risk the early-warning risk score
   * @param value what the customer is worth to the bank (for example a lifetime value), at least 0
   * @param asOf the instant the context describes, at which time-dependent metrics are read
   * @throws NullPointerException if a component is null or a segment id is null (the message names
   *     the masked customer)
   * @throws io.clm.api.ValidationException if the value is negative
   */
  public RetentionContext {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(segments, "segments");
    for (String segment : segments) {
      if (segment == null) {
        throw new NullPointerException("segments of customer " + customer.id().masked() + " contain null");
      }
    }
    segments = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(segments));
    Objects.requireNonNull(risk, "risk");
    Checks.nonNegative(value, "value");
    Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * Whether the customer consents to marketing now; without it no marketing action is proposed.
   *
   * @return the customer's current marketing consent
   */
  public boolean marketingConsent() {
    return customer.metrics().consents(Purpose.MARKETING);
  }

  /**
   * A measure of the customer at {@link #asOf()}.
   *
   * @param metric the measure
   * @return its value, NaN when undefined
   */
  public double metric(Metric metric) {
    return customer.metric(metric, asOf);
  }

  /** Returns the masked customer, the family and the risk score: no personal data. */
  @Override
  public String toString() {
    return "RetentionContext[" + customer.id().masked() + ", " + family + ", risk=" + risk.score() + "]";
  }
}
