package io.clm.retention;

import io.clm.api.retention.ConvergenceException;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Minimises a function of a few unbounded variables with the Nelder–Mead simplex method (standard
 * coefficients: reflection 1, expansion 2, contraction 0.5, shrink 0.5), restarted from the best
 * point until a fresh simplex no longer improves it. Non-finite function values count as +∞, so the
 * search steps back from regions where a likelihood overflows.
 */
final class NelderMead {

  /** The result of a search. */
  record Result(double[] point, double value, int evaluations) {}

  /** A simplex whose diameter is below this fraction of the point tolerance counts as converged. */
  private static final double COLLAPSED = 1e-3;

  private final int maxEvaluations;
  private final double valueTolerance;
  private final double pointTolerance;

  NelderMead(int maxEvaluations, double valueTolerance, double pointTolerance) {
    this.maxEvaluations = maxEvaluations;
    this.valueTolerance = valueTolerance;
    this.pointTolerance = pointTolerance;
  }

  /**
   * Minimises {@code f} from {@code start}.
   *
   * @param model the model's name, for diagnostics
   * @param names the variables' names, for diagnostics
   * @param f the function; it receives log-parameters
   * @param start the starting point
   * @param initialStep the edge of the starting simplex
   * @return the minimum found
   * @throws ConvergenceException if the budget runs out first, or no finite value was found
   */
  Result minimise(
      String model, String[] names, ToDoubleFunction<double[]> f, double[] start, double initialStep) {
    return minimise(model, names, f, start, initialStep, 0);
  }

  /**
   * Minimises {@code f} from {@code start} after searches that failed; the evaluations reported,
   * in the result and in an exception, include theirs, and the budget is for this search alone.
   *
   * @param spent the evaluations the earlier searches made
   */
  Result minimise(
      String model, String[] names, ToDoubleFunction<double[]> f, double[] start, double initialStep, int spent) {
    int n = start.length;
    int[] evaluations = {spent};
    int budget = spent + maxEvaluations;
    ToDoubleFunction<double[]> g =
        p -> {
          evaluations[0]++;
          double v = f.applyAsDouble(p);
          return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
        };
    double[] best = start.clone();
    double bestValue = g.applyAsDouble(best);
    double step = initialStep;
    double spread = Double.NaN;
    for (int restart = 0; restart < 20; restart++) {
      double[][] simplex = new double[n + 1][];
      double[] values = new double[n + 1];
      simplex[0] = best.clone();
      values[0] = bestValue;
      for (int i = 0; i < n; i++) {
        simplex[i + 1] = best.clone();
        simplex[i + 1][i] += step;
        values[i + 1] = g.applyAsDouble(simplex[i + 1]);
      }
      boolean converged = false;
      while (evaluations[0] < budget) {
        sort(simplex, values);
        spread = diameter(simplex);
        // a simplex collapsed far below the point tolerance has nothing left to find, even where
        // the function's rounding noise keeps its values further apart than the value tolerance
        if (spread <= pointTolerance
            && (Math.abs(values[n] - values[0]) <= valueTolerance * (1 + Math.abs(values[0])) || spread <= COLLAPSED * pointTolerance)) {
          converged = true;
          break;
        }
        double[] centroid = new double[n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            centroid[j] += simplex[i][j] / n;
          }
        }
        double[] reflected = towards(centroid, simplex[n], -1);
        double fr = g.applyAsDouble(reflected);
        if (fr < values[0]) {
          double[] expanded = towards(centroid, simplex[n], -2);
          double fe = g.applyAsDouble(expanded);
          if (fe < fr) {
            simplex[n] = expanded;
            values[n] = fe;
          } else {
            simplex[n] = reflected;
            values[n] = fr;
          }
        } else if (fr < values[n - 1]) {
          simplex[n] = reflected;
          values[n] = fr;
        } else {
          boolean outside = fr < values[n];
          double[] contracted = towards(centroid, outside ? reflected : simplex[n], 0.5);
          double fc = g.applyAsDouble(contracted);
          if (fc < Math.min(fr, values[n])) {
            simplex[n] = contracted;
            values[n] = fc;
          } else {
            for (int i = 1; i <= n; i++) {
              simplex[i] = towards(simplex[0], simplex[i], 0.5);
              values[i] = g.applyAsDouble(simplex[i]);
            }
          }
        }
      }
      sort(simplex, values);
      if (!converged) {
        throw failure(model, names, simplex[0], values[0], evaluations[0], spread, "did not converge");
      }
      boolean improved = values[0] < bestValue - valueTolerance * (1 + Math.abs(bestValue));
      best = simplex[0];
      bestValue = values[0];
      if (!improved && restart > 0) {
        break;
      }
      step = Math.max(10 * pointTolerance, Math.min(initialStep, 10 * spread + 1e-3));
    }
    if (!Double.isFinite(bestValue)) {
      throw failure(model, names, best, bestValue, evaluations[0], spread, "found no finite likelihood");
    }
    return new Result(best, bestValue, evaluations[0]);
  }

  private static ConvergenceException failure(
      String model, String[] names, double[] point, double value, int evaluations, double spread, String what) {
    StringBuilder message =
        new StringBuilder(model)
            .append(" fit ")
            .append(what)
            .append(" after ")
            .append(evaluations)
            .append(" evaluations: log-likelihood ")
            .append(-value)
            .append(", simplex spread ")
            .append(spread);
    for (int i = 0; i < names.length; i++) {
      message.append(", ").append(names[i]).append('=').append(Math.exp(point[i]));
    }
    return new ConvergenceException(message.toString(), evaluations, -value);
  }

  /** centroid + factor * (point - centroid). */
  private static double[] towards(double[] centroid, double[] point, double factor) {
    double[] out = new double[centroid.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = centroid[j] + factor * (point[j] - centroid[j]);
    }
    return out;
  }

  private static double diameter(double[][] simplex) {
    double max = 0;
    for (int i = 1; i < simplex.length; i++) {
      for (int j = 0; j < simplex[i].length; j++) {
        max = Math.max(max, Math.abs(simplex[i][j] - simplex[0][j]));
      }
    }
    return max;
  }

  private static void sort(double[][] simplex, double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    double[][] s = new double[simplex.length][];
    double[] v = new double[values.length];
    for (int i = 0; i < order.length; i++) {
      s[i] = simplex[order[i]];
      v[i] = values[order[i]];
    }
    System.arraycopy(s, 0, simplex, 0, s.length);
    System.arraycopy(v, 0, values, 0, v.length);
  }
}
