package io.clm.retention;

import java.util.function.Function;

/**
 * The maximum-likelihood fit every model shares: a search over the logarithms of the model's
 * positive parameters ({@link QuasiNewton#fit}), then the fitted model with the information
 * matrix of that search. A model supplies only its log-likelihood in its natural parameters,
 * with or without the gradient.
 */
final class MaximumLikelihood {

  /** A log-likelihood in the natural parameters that also writes its gradient in them. */
  interface WithGradient {
    double at(double[] parameters, double[] gradient);
  }

  /** A log-likelihood in the natural parameters that also writes its gradient and Hessian in them. */
  interface WithHessian {
    /** The Hessian is wanted only when {@code hessian} is not null. */
    double at(double[] parameters, double[] gradient, double[][] hessian);
  }

  /** A log-likelihood in the natural parameters; its gradient is taken by central differences. */
  interface WithoutGradient {
    double at(double[] parameters);
  }

  private MaximumLikelihood() {}

  /**
   * Fits with the analytic gradient, carried over to the log-parameters by the chain rule.
   *
   * @param start the natural parameters to start from, all positive
   * @param observations how many customers (or cohort members) the data holds
   * @param groups how many distinct records the likelihood sums over
   * @param model the constructor of the model from its natural parameters
   */
  static <M> FittedModel<M> fit(
      String name,
      String[] names,
      double[] start,
      WithGradient logLikelihood,
      int observations,
      int groups,
      Function<double[], M> model) {
    double[] theta = new double[start.length];
    double[] natural = new double[start.length];
    QuasiNewton.Objective objective =
        (u, g) -> {
          natural(u, theta);
          double ll = logLikelihood.at(theta, natural);
          for (int i = 0; i < theta.length; i++) {
            g[i] = -natural[i] * theta[i];
          }
          return -ll;
        };
    return search(name, names, start, objective, observations, groups, model);
  }

  /**
   * Fits by Newton's method with the analytic gradient and Hessian, carried over to the
   * log-parameters u = log θ by the chain rule: {@code ∂²/∂uᵢ∂uⱼ = θᵢθⱼ ∂²/∂θᵢ∂θⱼ + [i = j] θᵢ
   * ∂/∂θᵢ}. The information matrix is the analytic Hessian at the maximum. Parameters as {@link
   * #fit}.
   */
  static <M> FittedModel<M> fitWithHessian(
      String name,
      String[] names,
      double[] start,
      WithHessian logLikelihood,
      int observations,
      int groups,
      Function<double[], M> model) {
    int n = start.length;
    double[] theta = new double[n];
    double[] natural = new double[n];
    double[][] naturalHessian = new double[n][n];
    QuasiNewton.SecondOrder objective =
        (u, g, h) -> {
          natural(u, theta);
          double ll = logLikelihood.at(theta, natural, h == null ? null : naturalHessian);
          for (int i = 0; i < n; i++) {
            g[i] = -natural[i] * theta[i];
          }
          if (h != null) {
            for (int i = 0; i < n; i++) {
              for (int j = 0; j < n; j++) {
                h[i][j] = -theta[i] * theta[j] * naturalHessian[i][j];
              }
              h[i][i] += g[i];
            }
          }
          return -ll;
        };
    return search(name, names, start, objective, observations, groups, model);
  }

  /** Fits with the gradient taken by central differences; the parameters as {@link #fit}. */
  static <M> FittedModel<M> fitNumerically(
      String name,
      String[] names,
      double[] start,
      WithoutGradient logLikelihood,
      int observations,
      int groups,
      Function<double[], M> model) {
    double[] theta = new double[start.length];
    QuasiNewton.Objective objective =
        QuasiNewton.numericalGradient(u -> -logLikelihood.at(natural(u, theta)));
    return search(name, names, start, objective, observations, groups, model);
  }

  private static <M> FittedModel<M> search(
      String name,
      String[] names,
      double[] start,
      QuasiNewton.Objective objective,
      int observations,
      int groups,
      Function<double[], M> model) {
    double[] logStart = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      logStart[i] = Math.log(start[i]);
    }
    QuasiNewton.Result result = QuasiNewton.fit(name, names, objective, logStart);
    double[] u = result.point();
    return new FittedModel<>(
        model.apply(natural(u, new double[u.length])),
        -result.value(),
        result.evaluations(),
        observations,
        groups,
        names,
        u,
        result.covariance(),
        model);
  }

  private static double[] natural(double[] u, double[] into) {
    for (int i = 0; i < u.length; i++) {
      into[i] = Math.exp(u[i]);
    }
    return into;
  }
}
