package io.clm.retention;

import io.clm.api.retention.ConvergenceException;
import java.util.function.ToDoubleFunction;

/**
 * Maximum-likelihood search over log-parameters with the BFGS quasi-Newton method (Nocedal and
 * Wright, Numerical Optimization, algorithm 6.1): a backtracking line search with the Armijo
 * condition, the first inverse-Hessian guess scaled by {@code sᵀy / yᵀy}, updates skipped when the
 * curvature condition fails. The objective supplies its own gradient: analytic for the models that
 * have one, central differences otherwise ({@link #numericalGradient}). An objective that also
 * supplies its Hessian ({@link SecondOrder}) gets Newton steps instead, with the Hessian shifted by
 * a multiple of the identity where it is not positive definite (algorithm 3.3 of the same book),
 * and the same line search.
 *
 * <p>After convergence the observed information matrix (the Hessian of the negative log-likelihood
 * in log-parameters) is the objective's own Hessian where it has one, otherwise central differences
 * of the gradient or of the value; it is inverted; a fit whose
 * parameters ended on a boundary of the space (a log-parameter beyond ±{@value #BOUNDARY}), whose
 * information matrix is not positive definite, or that leaves a parameter undetermined (a
 * log-parameter's variance above {@value #MAX_LOG_VARIANCE}) has no interior maximum and raises
 * {@link ConvergenceException}.
 */
final class QuasiNewton {

  /** |log θ| beyond this (θ outside about [3e-7, 3.3e6]) counts as the boundary of the space. */
  static final double BOUNDARY = 15;

  /**
   * A log-parameter whose variance exceeds this (standard error 10: a 95 % interval spanning more
   * than 17 orders of magnitude) is not determined by the data; the search has followed a ridge
   * towards the boundary rather than found a maximum.
   */
  static final double MAX_LOG_VARIANCE = 100;

  /** The negative log-likelihood over log-parameters, with its gradient. */
  @FunctionalInterface
  interface Objective {
    /**
     * Evaluates.
     *
     * @param u log-parameters
     * @param gradient receives the gradient with respect to u (may be left unset when the value is
     *     not finite)
     * @return the negative log-likelihood, possibly not finite
     */
    double at(double[] u, double[] gradient);
  }

  /** An objective that also supplies its Hessian with respect to u. */
  @FunctionalInterface
  interface SecondOrder extends Objective {
    /**
     * Evaluates.
     *
     * @param u log-parameters
     * @param gradient receives the gradient with respect to u
     * @param hessian receives the Hessian with respect to u, or null if it is not wanted
     * @return the negative log-likelihood, possibly not finite
     */
    double at(double[] u, double[] gradient, double[][] hessian);

    @Override
    default double at(double[] u, double[] gradient) {
      return at(u, gradient, null);
    }
  }

  /** The value alone. */
  @FunctionalInterface
  interface Value {
    double at(double[] u);
  }

  /**
   * The result of a search.
   *
   * @param point the log-parameters at the minimum
   * @param value the negative log-likelihood there
   * @param covariance the inverse observed information in log-parameters
   * @param evaluations objective evaluations, including those for the information matrix
   */
  record Result(double[] point, double value, double[][] covariance, int evaluations) {}

  private final int maxIterations;
  private final double gradientTolerance;

  QuasiNewton(int maxIterations, double gradientTolerance) {
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
  }

  /** The defaults used by every model: 1,000 iterations, gradient below 1e-8 relative. */
  static QuasiNewton standard() {
    return new QuasiNewton(1000, 1e-8);
  }

  /**
   * An objective whose gradient is taken by central differences of the value (step 1e-6 in each
   * log-parameter).
   */
  static Objective numericalGradient(Value value) {
    return new NumericalObjective(value);
  }

  /** An objective whose gradient is central differences of its value; its Hessian is taken from values. */
  private record NumericalObjective(Value value) implements Objective {
    @Override
    public double at(double[] u, double[] g) {
      double f = value.at(u);
      if (!Double.isFinite(f)) {
        return f;
      }
      double[] v = u.clone();
      for (int i = 0; i < u.length; i++) {
        double h = 1e-6;
        v[i] = u[i] + h;
        double up = value.at(v);
        v[i] = u[i] - h;
        double down = value.at(v);
        v[i] = u[i];
        g[i] = (up - down) / (2 * h);
      }
      return f;
    }
  }

  /**
   * Minimises from {@code start}.
   *
   * @param model the model's name, for diagnostics
   * @param names the parameters' names, for diagnostics
   * @param f the objective
   * @param start log-parameters to start from
   * @return the minimum, with the covariance of the log-parameters
   * @throws ConvergenceException if the start is not finite, the search does not converge, ends on
   *     a boundary, or the information matrix there is not positive definite
   */
  Result minimise(String model, String[] names, Objective f, double[] start) {
    return minimise(model, names, f, start, 0);
  }

  /**
   * Minimises from {@code start} after searches that failed; the evaluations reported, in the
   * result and in an exception, include theirs.
   *
   * @param spent the evaluations the earlier searches made
   */
  Result minimise(String model, String[] names, Objective f, double[] start, int spent) {
    int n = start.length;
    int evaluations = spent;
    SecondOrder second = f instanceof SecondOrder withHessian ? withHessian : null;
    double[][] hx = second == null ? null : new double[n][n];
    double[][] hNew = second == null ? null : new double[n][n];
    double[][] work = new double[n][n];
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = second == null ? f.at(x, g) : second.at(x, g, hx);
    evaluations++;
    if (!Double.isFinite(fx) || !finite(g)) {
      throw failure(model, names, x, fx, evaluations, "found no finite log-likelihood at the start point");
    }
    double[][] h = identity(n);
    boolean scaled = false;
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double[] d = new double[n];
    double[] s = new double[n];
    double[] y = new double[n];
    boolean converged = false;
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      if (maxAbs(g) <= gradientTolerance * (1 + Math.abs(fx))) {
        converged = true;
        break;
      }
      if (second == null) {
        multiply(h, g, d);
      } else {
        Cholesky.shiftedNewton(hx, g, d, work);
      }
      double slope = 0;
      for (int i = 0; i < n; i++) {
        d[i] = -d[i];
        slope += g[i] * d[i];
      }
      if (!(slope < 0)) {
        h = identity(n);
        scaled = false;
        slope = 0;
        for (int i = 0; i < n; i++) {
          d[i] = -g[i];
          slope += g[i] * d[i];
        }
      }
      // A step of at most 2 in any log-parameter (a factor e² ≈ 7.4) keeps the search in range.
      double step = Math.min(1, 2 / maxAbs(d));
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int trial = 0; trial < 60; trial++) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = second == null ? f.at(xNew, gNew) : second.at(xNew, gNew, hNew);
        evaluations++;
        if (Double.isFinite(fNew) && finite(gNew) && fNew <= fx + 1e-4 * step * slope) {
          accepted = true;
          break;
        }
        if (Double.isFinite(fNew) && fNew > fx) {
          // Minimum of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of the step.
          double t = -slope * step * step / (2 * (fNew - fx - slope * step));
          step = Math.max(0.1 * step, Math.min(0.5 * step, t));
        } else {
          step *= 0.5;
        }
      }
      if (!accepted) {
        // No decrease along the direction: at the precision floor if the gradient is nearly zero.
        if (maxAbs(g) <= 1e3 * gradientTolerance * (1 + Math.abs(fx))) {
          converged = true;
          break;
        }
        throw failure(model, names, x, fx, evaluations, "found no decrease along the search direction");
      }
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < n; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
        sy += s[i] * y[i];
        yy += y[i] * y[i];
      }
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      if (second != null) {
        double[][] swap = hx;
        hx = hNew;
        hNew = swap;
      }
      double previous = fx;
      fx = fNew;
      if (sy > 1e-12 * Math.sqrt(yy) * norm(s)) {
        if (!scaled) {
          h = identity(n);
          for (int i = 0; i < n; i++) {
            h[i][i] = sy / yy;
          }
          scaled = true;
        }
        update(h, s, y, sy);
      }
      if (Math.abs(previous - fx) <= 1e-15 * (1 + Math.abs(fx)) && maxAbs(s) <= 1e-12) {
        converged = maxAbs(g) <= 1e3 * gradientTolerance * (1 + Math.abs(fx));
        break;
      }
    }
    if (!converged) {
      throw failure(model, names, x, fx, evaluations, "did not converge after " + maxIterations + " iterations");
    }
    for (int i = 0; i < n; i++) {
      if (Math.abs(x[i]) > BOUNDARY) {
        throw failure(model, names, x, fx, evaluations, "ended on the boundary at " + names[i] + " (no interior maximum)");
      }
    }
    double[][] information;
    if (second != null) {
      information = hx;
    } else if (f instanceof NumericalObjective numerical) {
      // values only: the objective's own gradient would cost 2n more values each time
      information = hessian(numerical.value(), x, fx);
      evaluations += 2 * n * n;
    } else {
      information = hessianFromGradient(f, x);
      evaluations += 2 * n;
    }
    double[][] covariance = Cholesky.inverse(information);
    if (covariance == null) {
      throw failure(model, names, x, fx, evaluations, "ended where the information matrix is not positive definite (no interior maximum)");
    }
    for (int i = 0; i < n; i++) {
      if (!(covariance[i][i] <= MAX_LOG_VARIANCE)) {
        throw failure(
            model,
            names,
            x,
            fx,
            evaluations,
            "ended on a ridge where the information matrix leaves " + names[i] + " undetermined, standard error of its logarithm "
                + Math.sqrt(covariance[i][i]) + " (no interior maximum)");
      }
    }
    return new Result(x, fx, covariance, evaluations);
  }

  /**
   * Fits with BFGS (Newton's method for a {@link SecondOrder} objective, at most 100 iterations,
   * then BFGS) from {@code start}; if that search fails for a reason other than a boundary or an
   * information matrix that is not positive definite, a Nelder–Mead simplex search from the same
   * start finds the neighbourhood of the maximum and BFGS is run again from there. The
   * evaluations reported count every search made, the failed ones too.
   *
   * @throws ConvergenceException as {@link #minimise}, from the last attempt
   */
  static Result fit(String model, String[] names, Objective objective, double[] start) {
    Objective f = objective;
    int spent = 0;
    if (f instanceof SecondOrder) {
      // Newton's method converges in a few steps near a maximum, but crawls where the likelihood
      // flattens towards a boundary: after 100 iterations BFGS takes over from the start.
      try {
        return new QuasiNewton(100, standard().gradientTolerance).minimise(model, names, f, start);
      } catch (ConvergenceException e) {
        if (e.getMessage().contains("boundary") || e.getMessage().contains("information matrix")) {
          throw e;
        }
        spent = e.evaluations();
        f = objective::at;
      }
    }
    Objective firstOrder = f;
    try {
      return standard().minimise(model, names, firstOrder, start, spent);
    } catch (ConvergenceException e) {
      if (e.getMessage().contains("boundary") || e.getMessage().contains("information matrix")) {
        throw e;
      }
      // The simplex needs values only: a numerical gradient would cost it 2n more values each time.
      double[] scratch = new double[start.length];
      ToDoubleFunction<double[]> value = firstOrder instanceof NumericalObjective numerical
          ? numerical.value()::at
          : u -> firstOrder.at(u, scratch);
      NelderMead.Result simplex =
          new NelderMead(20_000, 1e-12, 1e-7).minimise(model, names, value, start, 1.0, e.evaluations());
      return standard().minimise(model, names, firstOrder, simplex.point(), simplex.evaluations());
    }
  }

  /** Central differences of an analytic gradient, step 1e-5 in each log-parameter, symmetrised. */
  static double[][] hessianFromGradient(Objective f, double[] x) {
    int n = x.length;
    double h = 1e-5;
    double[][] out = new double[n][n];
    double[] up = new double[n];
    double[] down = new double[n];
    double[] v = x.clone();
    for (int i = 0; i < n; i++) {
      v[i] = x[i] + h;
      f.at(v, up);
      v[i] = x[i] - h;
      f.at(v, down);
      v[i] = x[i];
      for (int j = 0; j < n; j++) {
        out[i][j] = (up[j] - down[j]) / (2 * h);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = 0.5 * (out[i][j] + out[j][i]);
        out[i][j] = mean;
        out[j][i] = mean;
      }
    }
    return out;
  }

  /** Central-difference Hessian of the objective's value, step 1e-4 in each log-parameter. */
  static double[][] hessian(Value f, double[] x, double fx) {
    int n = x.length;
    double hStep = 1e-4;
    double[][] out = new double[n][n];
    double[] v = x.clone();
    for (int i = 0; i < n; i++) {
      v[i] = x[i] + hStep;
      double up = f.at(v);
      v[i] = x[i] - hStep;
      double down = f.at(v);
      v[i] = x[i];
      out[i][i] = (up - 2 * fx + down) / (hStep * hStep);
      for (int j = 0; j < i; j++) {
        v[i] = x[i] + hStep;
        v[j] = x[j] + hStep;
        double pp = f.at(v);
        v[j] = x[j] - hStep;
        double pm = f.at(v);
        v[i] = x[i] - hStep;
        double mm = f.at(v);
        v[j] = x[j] + hStep;
        double mp = f.at(v);
        v[i] = x[i];
        v[j] = x[j];
        out[i][j] = (pp - pm - mp + mm) / (4 * hStep * hStep);
        out[j][i] = out[i][j];
      }
    }
    return out;
  }

  /** BFGS update of the inverse Hessian approximation: H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. */
  private static void update(double[][] h, double[] s, double[] y, double sy) {
    int n = s.length;
    double rho = 1 / sy;
    double[] hy = new double[n];
    multiply(h, y, hy);
    double yhy = 0;
    for (int i = 0; i < n; i++) {
      yhy += y[i] * hy[i];
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
  }

  private static void multiply(double[][] m, double[] v, double[] out) {
    for (int i = 0; i < v.length; i++) {
      double sum = 0;
      for (int j = 0; j < v.length; j++) {
        sum += m[i][j] * v[j];
      }
      out[i] = sum;
    }
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double maxAbs(double[] v) {
    double max = 0;
    for (double e : v) {
      max = Math.max(max, Math.abs(e));
    }
    return max;
  }

  private static double norm(double[] v) {
    double sum = 0;
    for (double e : v) {
      sum += e * e;
    }
    return Math.sqrt(sum);
  }

  private static boolean finite(double[] v) {
    for (double e : v) {
      if (!Double.isFinite(e)) {
        return false;
      }
    }
    return true;
  }

  static ConvergenceException failure(String model, String[] names, double[] u, double value, int evaluations, String what) {
    StringBuilder message =
        new StringBuilder(model)
            .append(" fit ")
            .append(what)
            .append(" after ")
            .append(evaluations)
            .append(" evaluations: log-likelihood ")
            .append(-value);
    for (int i = 0; i < names.length; i++) {
      message.append(", ").append(names[i]).append('=').append(Math.exp(u[i]));
    }
    return new ConvergenceException(message.toString(), evaluations, -value);
  }
}
