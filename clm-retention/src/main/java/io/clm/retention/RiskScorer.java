package io.clm.retention;

import io.clm.api.Customer;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The explainable early-warning score: {@code score = Σ weight(f) × signal(f)} over the {@link
 * RiskFactor}s, with weights that add up to 1 so that the score runs from 0 to 1. The result lists
 * every factor's contribution, so a relationship manager sees why a customer is flagged. The sum is
 * rounded to 12 decimal places, so a score that is exactly a threshold on paper (0.08 + 0.15 + 0.10
 * + 0.05 + 0.12 = 0.5) is not pushed below it by the rounding of the floating-point additions.
 *
 * <p>Default weights: falling volume 0.25, inactivity 0.25, open complaints 0.15, repeated
 * complaints 0.10, closed products 0.10, falling satisfaction 0.15. Immutable and thread-safe.
 */
@Experimental
public final class RiskScorer {

  private static final RiskScorer DEFAULT = new RiskScorer(defaults());

  /** The score is rounded to 12 decimal places: {@code round(score × PLACES) / PLACES}. */
  private static final double PLACES = 1e12;

  private final Map<RiskFactor, Double> weights;

  private RiskScorer(Map<RiskFactor, Double> weights) {
    this.weights = weights;
  }

  /**
   * The scorer with the default weights.
   *
   * @return the scorer
   */
  public static RiskScorer withDefaultWeights() {
    return DEFAULT;
  }

  /**
   * A scorer with custom weights.
   *
   * @param weights a weight for every factor, each 0 to 1, adding up to 1 (within 1e-9)
   * @return the scorer
   * @throws ValidationException if a factor is missing, a weight is outside 0..1, or the weights do
   *     not add up to 1
   */
  public static RiskScorer withWeights(Map<RiskFactor, Double> weights) {
    Objects.requireNonNull(weights, "weights");
    Map<RiskFactor, Double> copy = new EnumMap<>(RiskFactor.class);
    double sum = 0;
    for (RiskFactor f : RiskFactor.values()) {
      Double w = weights.get(f);
      if (w == null) {
        throw new ValidationException("weight of " + f.id() + " is missing");
      }
      if (!(w >= 0 && w <= 1)) {
        throw new ValidationException("weight of " + f.id() + " " + w + " is outside 0..1");
      }
      copy.put(f, w);
      sum += w;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new ValidationException("weights add up to " + sum + ", not 1");
    }
    return new RiskScorer(copy);
  }

  private static Map<RiskFactor, Double> defaults() {
    Map<RiskFactor, Double> w = new EnumMap<>(RiskFactor.class);
    for (RiskFactor f : RiskFactor.values()) {
      w.put(f, f.defaultWeight());
    }
    return w;
  }

  /**
   * Scores a customer.
   *
   * @param customer the customer
   * @param asOf the instant to read time-dependent measures at
   * @return the score, rounded to 12 decimal places, with each factor's contribution, in factor
   *     order
   */
  public Risk score(Customer customer, Instant asOf) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(asOf, "asOf");
    List<Risk.Contribution> contributions = new ArrayList<>();
    double score = 0;
    for (RiskFactor f : RiskFactor.values()) {
      double weight = weights.get(f);
      double signal = f.signal(customer, asOf);
      double contribution = weight * signal;
      contributions.add(new Risk.Contribution(f.id(), weight, signal, contribution));
      score += contribution;
    }
    return new Risk(Math.min(1, Math.round(score * PLACES) / PLACES), contributions);
  }
}
