package io.clm.retention;

import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * A model fitted by maximum likelihood, with what the fit reports about itself.
 *
 * @param model the model with the maximum-likelihood parameters
 * @param logLikelihood the log-likelihood of the data at those parameters (natural log, finite)
 * @param evaluations how many likelihood evaluations the search made
 * @param observations how many customers the data had
 * @param groups how many distinct inputs they had: customers with identical inputs are evaluated
 *     once and weighted
 * @param <M> the model type
 */
@Experimental
public record FittedModel<M>(M model, double logLikelihood, int evaluations, int observations, int groups) {

  /**
   * Validates.
   *
   * @param model the model with the maximum-likelihood parameters
   * @param logLikelihood the log-likelihood of the data at those parameters (natural log, finite)
   * @param evaluations how many likelihood evaluations the search made
   * @param observations how many customers the data had
   * @param groups how many distinct inputs they had: customers with identical inputs are evaluated
   *     once and weighted
   * @throws NullPointerException if the model is null
   * @throws IllegalArgumentException if the log-likelihood is not finite or a count is negative
   */
  public FittedModel {
    Objects.requireNonNull(model, "model");
    if (!Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException("logLikelihood " + logLikelihood + " is not finite");
    }
    if (evaluations < 0 || observations < 0 || groups < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
