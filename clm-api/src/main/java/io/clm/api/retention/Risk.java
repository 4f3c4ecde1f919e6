package io.clm.api.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * An explainable churn-risk score: the score and what each factor contributed to it.
 *
 * @param score the risk, 0 (no sign of leaving) to 1; the sum of the contributions
 * @param contributions each factor's share of the score, in the scorer's fixed factor order
 */
@Experimental
public record Risk(double score, List<Contribution> contributions) {

  /** No risk at all: score 0, no contributions. */
  public static final Risk NONE = new Risk(0, List.of());

  /**
   * Validates and copies.
   *
   * @param score the risk, 0 (no sign of leaving) to 1; the sum of the contributions
   * @param contributions each factor's share of the score, in the scorer's fixed factor order
   * @throws ValidationException if the score is outside 0..1 or differs from the sum of the
   *     contributions by more than 1e-9
   */
  public Risk {
    Checks.unit(score, "score");
    contributions = List.copyOf(contributions);
    double sum = 0;
    for (Contribution c : contributions) {
      sum += c.contribution();
    }
    if (Math.abs(sum - score) > 1e-9) {
      throw new ValidationException("score " + score + " is not the sum of the contributions " + sum);
    }
  }

  /**
   * One factor's part in a risk score: {@code contribution = weight × signal}.
   *
   * @param factor the factor's id ({@code inactivity}, {@code falling-volume}, ...), not blank
   * @param weight the factor's weight, 0 to 1
   * @param signal how strongly the factor is present, 0 (not at all) to 1 (fully)
   * @param contribution weight × signal
   */
  public record Contribution(String factor, double weight, double signal, double contribution) {
    /**
     * Validates.
     *
     * @param factor the factor's id ({@code inactivity}, {@code falling-volume}, ...), not blank
     * @param weight the factor's weight, 0 to 1
     * @param signal how strongly the factor is present, 0 (not at all) to 1 (fully)
     * @param contribution weight × signal
     * @throws ValidationException if the factor is blank, a number is outside 0..1, or the
     *     contribution is not weight × signal
     */
    public Contribution {
      Checks.notBlank(factor, "factor");
      Checks.unit(weight, "weight");
      Checks.unit(signal, "signal");
      Checks.unit(contribution, "contribution");
      if (Math.abs(contribution - weight * signal) > 1e-12) {
        throw new ValidationException("contribution " + contribution + " is not weight x signal for " + factor);
      }
    }
  }

  /**
   * The contribution of one factor.
   *
   * @param factor the factor's id
   * @return its contribution, 0 if the factor is not listed
   */
  public double contributionOf(String factor) {
    Objects.requireNonNull(factor, "factor");
    for (Contribution c : contributions) {
      if (c.factor().equals(factor)) {
        return c.contribution();
      }
    }
    return 0;
  }
}
