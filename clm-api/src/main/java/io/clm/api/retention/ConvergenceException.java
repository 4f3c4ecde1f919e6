package io.clm.api.retention;

import io.clm.api.ClmException;
import io.clm.api.annotation.Experimental;

/**
 * A statistical model could not be fitted: the maximum-likelihood search did not converge within
 * its budget, or the likelihood was not finite at the best point found. clm raises this instead of
 * returning parameters that are NaN or meaningless.
 *
 * <p>The message names the model and carries the diagnostics (evaluations used, the best
 * log-likelihood, the spread of the search simplex and the best parameters); the same values are
 * available from the accessors.
 */
@Experimental
public class ConvergenceException extends ClmException {
  private static final long serialVersionUID = 1L;

  /** How many likelihood evaluations the search made. */
  private final int evaluations;

  /** The best log-likelihood the search found. */
  private final double logLikelihood;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the diagnostics
   * @param evaluations how many likelihood evaluations were made
   * @param logLikelihood the best log-likelihood found, possibly not finite
   */
  public ConvergenceException(String message, int evaluations, double logLikelihood) {
    super(message);
    this.evaluations = evaluations;
    this.logLikelihood = logLikelihood;
  }

  /**
   * How many likelihood evaluations the search made before giving up.
   *
   * @return the count
   */
  public int evaluations() {
    return evaluations;
  }

  /**
   * The best log-likelihood the search found.
   *
   * @return the value, possibly not finite
   */
  public double logLikelihood() {
    return logLikelihood;
  }
}
