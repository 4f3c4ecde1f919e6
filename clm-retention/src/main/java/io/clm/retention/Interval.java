package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;

/**
 * A quantity computed from a fitted model with its delta-method standard error and confidence
 * interval (see {@link FittedModel#interval}).
 *
 * @param estimate the quantity at the fitted parameters
 * @param standardError its standard error, at least 0
 * @param lower the lower confidence bound
 * @param upper the upper confidence bound
 * @param level the confidence level, strictly between 0 and 1
 */
@Experimental
public record Interval(double estimate, double standardError, double lower, double upper, double level) {

  /**
   * Validates.
   *
   * @throws ValidationException if a number is not finite, the standard error is negative, or the
   *     bounds do not enclose the estimate
   * @param estimate the quantity at the fitted parameters
   * @param standardError its standard error, at least 0
   * @param lower the lower confidence bound
   * @param upper the upper confidence bound
   * @param level the confidence level, strictly between 0 and 1
   */
  public Interval {
    if (!Double.isFinite(estimate) || !(standardError >= 0) || Double.isInfinite(standardError)) {
      throw new ValidationException("estimate " + estimate + " or standard error " + standardError + " is not valid");
    }
    if (!(lower <= estimate && estimate <= upper)) {
      throw new ValidationException("interval [" + lower + ", " + upper + "] does not enclose " + estimate);
    }
    if (!(level > 0 && level < 1)) {
      throw new ValidationException("level " + level + " is not strictly between 0 and 1");
    }
  }
}
