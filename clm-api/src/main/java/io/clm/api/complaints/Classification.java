package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import io.clm.api.event.Severity;
import java.util.Objects;

/**
 * The outcome of automatic classification, with the rule that decided it.
 *
 * @param severity urgent or normal
 * @param ruleId the id of the rule that fired, or {@code default} when none did
 */
@Experimental
public record Classification(Severity severity, String ruleId) {

  /** The rule id recorded when no rule fired. */
  public static final String DEFAULT_RULE = "default";

  /**
   * Validates the classification.
   *
   * @param severity urgent or normal
   * @param ruleId the id of the rule that fired, or {@code default} when none did
   * @throws NullPointerException if a component is null
   */
  public Classification {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(ruleId, "ruleId");
  }
}
