package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * A fitted parameter with its standard error and confidence interval (see {@link FittedModel}).
 *
 * @param name the parameter's name
 * @param value the maximum-likelihood estimate, positive
 * @param standardError its standard error from the observed information matrix, at least 0
 * @param lower the lower confidence bound, positive
 * @param upper the upper confidence bound
 * @param level the confidence level, strictly between 0 and 1
 */
@Experimental
public record ParameterEstimate(String name, double value, double standardError, double lower, double upper, double level) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the name is null
   * @throws ValidationException if a number is not finite, the standard error is negative, or the
   *     bounds do not enclose the value
   * @param name the parameter's name
   * @param value the maximum-likelihood estimate, positive
   * @param standardError its standard error from the observed information matrix, at least 0
   * @param lower the lower confidence bound, positive
   * @param upper the upper confidence bound
   * @param level the confidence level, strictly between 0 and 1
   */
  public ParameterEstimate {
    Objects.requireNonNull(name, "name");
    if (!Double.isFinite(value) || !(standardError >= 0) || Double.isInfinite(standardError)) {
      throw new ValidationException("estimate of " + name + ": value " + value + " or standard error " + standardError + " is not valid");
    }
    if (!(lower <= value && value <= upper)) {
      throw new ValidationException("estimate of " + name + ": interval [" + lower + ", " + upper + "] does not enclose " + value);
    }
    if (!(level > 0 && level < 1)) {
      throw new ValidationException("level " + level + " is not strictly between 0 and 1");
    }
  }
}
