package io.clm.retention;

import io.clm.api.annotation.Experimental;
import io.clm.api.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A model fitted by maximum likelihood, with what the fit reports about itself and the uncertainty
 * of its parameters.
 *
 * <p>Standard errors come from the observed information matrix: the Hessian of the negative
 * log-likelihood at the maximum, taken over the logarithms of the parameters (where the likelihood
 * is closer to quadratic and every value is admissible) and inverted. A parameter θ = e<sup>u</sup>
 * has standard error θ · se(u) (the delta method) and the confidence interval θ · e<sup>±z
 * se(u)</sup>, which stays positive. {@link #interval} carries the same covariance to any quantity
 * computed from the model, such as a customer's expected transactions or lifetime value.
 *
 * <p>Instances are immutable and thread-safe; they are made by the models' {@code fit} methods.
 *
 * @param <M> the model type
 */
@Experimental
public final class FittedModel<M> {

  private final M model;
  private final double logLikelihood;
  private final int evaluations;
  private final int observations;
  private final int groups;
  private final List<String> names;
  private final double[] logParameters;
  private final double[][] logCovariance;
  private final Function<double[], M> fromParameters;

  FittedModel(
      M model,
      double logLikelihood,
      int evaluations,
      int observations,
      int groups,
      String[] names,
      double[] logParameters,
      double[][] logCovariance,
      Function<double[], M> fromParameters) {
    this.model = Objects.requireNonNull(model, "model");
    if (!Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException("logLikelihood " + logLikelihood + " is not finite");
    }
    this.logLikelihood = logLikelihood;
    this.evaluations = evaluations;
    this.observations = observations;
    this.groups = groups;
    this.names = List.of(names);
    this.logParameters = logParameters.clone();
    this.logCovariance = new double[names.length][];
    for (int i = 0; i < names.length; i++) {
      this.logCovariance[i] = logCovariance[i].clone();
    }
    this.fromParameters = fromParameters;
  }

  /**
   * The model with the maximum-likelihood parameters.
   *
   * @return the model
   */
  public M model() {
    return model;
  }

  /**
   * The log-likelihood of the data at the maximum (natural log, finite).
   *
   * @return the log-likelihood
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * How many likelihood evaluations the fit made, including those for the information matrix and
   * those of the searches that failed before the last one (Newton's method handing over to BFGS,
   * BFGS to the simplex search).
   *
   * @return the count
   */
  public int evaluations() {
    return evaluations;
  }

  /**
   * How many customers (or cohort members) the data had.
   *
   * @return the count
   */
  public int observations() {
    return observations;
  }

  /**
   * How many distinct inputs the data had: identical inputs are evaluated once and weighted.
   *
   * @return the count
   */
  public int groups() {
    return groups;
  }

  /**
   * Akaike's information criterion, {@code 2k − 2 LL}: lower is better when comparing models on the
   * same data.
   *
   * @return the criterion
   */
  public double aic() {
    return 2 * names.size() - 2 * logLikelihood;
  }

  /**
   * The parameters with standard errors and 95 % confidence intervals, in the model's order.
   *
   * @return one estimate per parameter
   */
  public List<ParameterEstimate> parameters() {
    return parameters(0.95);
  }

  /**
   * The parameters with standard errors and confidence intervals at the given level.
   *
   * @param level the confidence level, strictly between 0 and 1 (0.95 for 95 %)
   * @return one estimate per parameter
   * @throws ValidationException if the level is not strictly between 0 and 1
   */
  public List<ParameterEstimate> parameters(double level) {
    double z = z(level);
    List<ParameterEstimate> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      double value = Math.exp(logParameters[i]);
      double se = Math.sqrt(logCovariance[i][i]);
      out.add(new ParameterEstimate(names.get(i), value, value * se, value * Math.exp(-z * se), value * Math.exp(z * se), level));
    }
    return List.copyOf(out);
  }

  /**
   * One parameter's estimate with its 95 % interval.
   *
   * @param name the parameter's name as the model's record component spells it ("r", "alpha", ...)
   * @return the estimate
   * @throws ValidationException if the model has no parameter of that name
   */
  public ParameterEstimate parameter(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new ValidationException("parameter '" + name + "' is not one of " + names);
    }
    return parameters().get(i);
  }

  /**
   * The covariance matrix of the parameters on their natural scale, {@code θᵢ θⱼ Cov(log θᵢ, log θⱼ)}.
   *
   * @return a fresh matrix in the order of {@link #parameters()}
   */
  public double[][] covariance() {
    int n = names.size();
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = Math.exp(logParameters[i] + logParameters[j]) * logCovariance[i][j];
      }
    }
    return out;
  }

  /**
   * A confidence interval for any quantity computed from the model (a customer's expected
   * transactions, P(alive), lifetime value), by the delta method: the quantity's gradient with
   * respect to the log-parameters (central differences) carries their covariance. A positive
   * quantity gets its interval on the log scale, {@code q · e^{±z se / q}}, so it stays positive;
   * otherwise {@code q ± z se}.
   *
   * <pre>{@code
   * FittedModel<BgNbd> fit = BgNbd.fit(histories);
   * Interval next52 = fit.interval(m -> m.expectedTransactions(history, 52), 0.95);
   * }</pre>
   *
   * @param quantity the quantity as a function of the model
   * @param level the confidence level, strictly between 0 and 1
   * @return the estimate, its standard error and the interval
   * @throws ValidationException if the level is not strictly between 0 and 1, or the quantity is
   *     not finite near the estimate
   */
  public Interval interval(ToDoubleFunction<M> quantity, double level) {
    Objects.requireNonNull(quantity, "quantity");
    double z = z(level);
    double q = quantity.applyAsDouble(model);
    int n = names.size();
    double[] gradient = new double[n];
    double[] u = logParameters.clone();
    double h = 1e-5;
    for (int i = 0; i < n; i++) {
      u[i] = logParameters[i] + h;
      double up = quantity.applyAsDouble(at(u));
      u[i] = logParameters[i] - h;
      double down = quantity.applyAsDouble(at(u));
      u[i] = logParameters[i];
      gradient[i] = (up - down) / (2 * h);
    }
    double variance = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        variance += gradient[i] * logCovariance[i][j] * gradient[j];
      }
    }
    double se = Math.sqrt(Math.max(0, variance));
    if (!Double.isFinite(q) || !Double.isFinite(se)) {
      throw new ValidationException("quantity " + q + " or its standard error " + se + " is not finite");
    }
    if (q > 0) {
      double factor = Math.exp(z * se / q);
      return new Interval(q, se, q / factor, q * factor, level);
    }
    return new Interval(q, se, q - z * se, q + z * se, level);
  }

  private M at(double[] u) {
    double[] theta = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      theta[i] = Math.exp(u[i]);
    }
    return fromParameters.apply(theta);
  }

  private static double z(double level) {
    if (!(level > 0 && level < 1)) {
      throw new ValidationException("level " + level + " is not strictly between 0 and 1");
    }
    return SpecialFunctions.normalQuantile(0.5 + level / 2);
  }

  @Override
  public String toString() {
    return "FittedModel[" + model + ", logLikelihood=" + logLikelihood + ", parameters=" + parameters() + ", logCovariance=" + Arrays.deepToString(logCovariance) + "]";
  }
}
