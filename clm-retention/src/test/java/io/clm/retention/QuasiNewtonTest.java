package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.retention.ConvergenceException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The minimiser on a quadratic whose minimum, value and information matrix are known by hand:
 * f(u) = u₀² + u₀u₁ + u₁² − 3u₀ has its minimum −3 at (2, −1); its Hessian [[2, 1], [1, 2]] has the
 * inverse [[2/3, −1/3], [−1/3, 2/3]], the covariance of the estimates. Each kind of objective (value
 * only, analytic gradient, analytic Hessian) reaches the same answer, and the evaluations it reports
 * are the ones it made, including those for the information matrix.
 */
class QuasiNewtonTest {

  private static final String[] NAMES = {"r", "alpha"};

  private static double value(double[] u) {
    return u[0] * u[0] + u[0] * u[1] + u[1] * u[1] - 3 * u[0];
  }

  private static void gradient(double[] u, double[] g) {
    g[0] = 2 * u[0] + u[1] - 3;
    g[1] = u[0] + 2 * u[1];
  }

  private static void assertTheKnownMinimum(QuasiNewton.Result r, double tolerance) {
    assertThat(r.point()[0]).isCloseTo(2, within(1e-6));
    assertThat(r.point()[1]).isCloseTo(-1, within(1e-6));
    assertThat(r.value()).isCloseTo(-3, within(1e-12));
    assertThat(r.covariance()[0][0]).isCloseTo(2 / 3.0, within(tolerance));
    assertThat(r.covariance()[1][1]).isCloseTo(2 / 3.0, within(tolerance));
    assertThat(r.covariance()[0][1]).isCloseTo(-1 / 3.0, within(tolerance));
    assertThat(r.covariance()[1][0]).isCloseTo(-1 / 3.0, within(tolerance));
  }

  @Test
  void aValueOnlyObjectiveGetsItsInformationFromValuesAndCountsThem() {
    AtomicInteger values = new AtomicInteger();
    QuasiNewton.Objective f =
        QuasiNewton.numericalGradient(
            u -> {
              values.incrementAndGet();
              return value(u);
            });
    QuasiNewton.Result r = QuasiNewton.standard().minimise("test", NAMES, f, new double[] {0, 0});
    assertTheKnownMinimum(r, 1e-5);
    // Each evaluation of the search takes the value and two more per parameter for the gradient:
    // 5 values. The information matrix takes 2n² = 8 values, one each, with no gradient.
    assertThat(values.get()).isEqualTo(5 * (r.evaluations() - 8) + 8);
  }

  @Test
  void aSearchThatFailsFallsBackToTheSimplexWhichAsksAValueOnlyObjectiveForValuesOnly() {
    // The value cannot be taken beside the start along u₀, so the first search finds no finite
    // gradient there and the simplex takes over from the same start.
    AtomicInteger values = new AtomicInteger();
    QuasiNewton.Objective f =
        QuasiNewton.numericalGradient(
            u -> {
              values.incrementAndGet();
              return Math.abs(u[0]) == 1e-6 && u[1] == 0 ? Double.NaN : value(u);
            });
    assertThatThrownBy(() -> QuasiNewton.standard().minimise("test", NAMES, f, new double[] {0, 0}))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageContaining("found no finite log-likelihood at the start point");
    values.set(0);

    QuasiNewton.Result r = QuasiNewton.fit("test", NAMES, f, new double[] {0, 0});

    assertTheKnownMinimum(r, 1e-5);
    // The simplex's evaluations, most of the fit's, are one value each; were they taken with the
    // numerical gradient, each would be 5 values and the fit would take about 5 values an evaluation.
    assertThat(values.get()).isLessThan(2 * r.evaluations());
  }

  @Test
  void anAnalyticGradientGetsItsInformationFromGradientDifferencesAndCountsThem() {
    AtomicInteger calls = new AtomicInteger();
    QuasiNewton.Objective f =
        (u, g) -> {
          calls.incrementAndGet();
          gradient(u, g);
          return value(u);
        };
    QuasiNewton.Result r = QuasiNewton.standard().minimise("test", NAMES, f, new double[] {0, 0});
    assertTheKnownMinimum(r, 1e-9);
    assertThat(calls.get()).isEqualTo(r.evaluations());
  }

  @Test
  void anAnalyticHessianIsTheInformationAndNewtonNeedsOneStep() {
    AtomicInteger calls = new AtomicInteger();
    QuasiNewton.SecondOrder f =
        (u, g, h) -> {
          calls.incrementAndGet();
          gradient(u, g);
          if (h != null) {
            h[0][0] = 2;
            h[0][1] = 1;
            h[1][0] = 1;
            h[1][1] = 2;
          }
          return value(u);
        };
    QuasiNewton.Result r = QuasiNewton.standard().minimise("test", NAMES, f, new double[] {0, 0});
    assertTheKnownMinimum(r, 1e-12);
    // The start, one Newton step (a full step of at most 2 in each log-parameter reaches (2, -1)).
    assertThat(r.evaluations()).isEqualTo(2).isEqualTo(calls.get());
  }

  @Test
  void aStartFarFromTheMinimumIsApproachedInStepsOfAtMostTwo() {
    // From (-10, 10) the minimum is 12 and 11 away: with steps of at most 2 in any log-parameter,
    // Newton's method takes 6 steps (12 in u₀ at 2 a step, the direction always towards the
    // minimum), and still ends there: the start and 6 steps are 7 evaluations.
    AtomicInteger calls = new AtomicInteger();
    QuasiNewton.SecondOrder f =
        (u, g, h) -> {
          calls.incrementAndGet();
          gradient(u, g);
          if (h != null) {
            h[0][0] = 2;
            h[0][1] = 1;
            h[1][0] = 1;
            h[1][1] = 2;
          }
          return value(u);
        };
    QuasiNewton.Result r = QuasiNewton.standard().minimise("test", NAMES, f, new double[] {-10, 10});
    assertTheKnownMinimum(r, 1e-12);
    assertThat(r.evaluations()).isEqualTo(calls.get()).isEqualTo(7);
  }

  @Test
  void aMinimumBeyondTheBoundaryIsReportedWithItsLogLikelihood() {
    // f(u) = (u₀ − 20)² + 7: the minimum at u₀ = 20 lies beyond the boundary of 15; the
    // log-likelihood there is −7.
    QuasiNewton.Objective f =
        (u, g) -> {
          g[0] = 2 * (u[0] - 20);
          return (u[0] - 20) * (u[0] - 20) + 7;
        };
    assertThatThrownBy(() -> QuasiNewton.standard().minimise("test", new String[] {"r"}, f, new double[] {0}))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageStartingWith("test fit ended on the boundary at r (no interior maximum) after ")
        .hasMessageMatching(".* evaluations: log-likelihood -7\\.0\\d*, r=.*")
        .satisfies(e -> assertThat(((ConvergenceException) e).logLikelihood()).isCloseTo(-7.0, within(1e-9)));
  }

  @Test
  void aSearchThatRunsOutOfIterationsReportsTheBestLogLikelihoodSoFar() {
    // One iteration from 0 towards (u₀ − 20)² + 7 moves at most 2: f(2) = 18² + 7 = 331.
    QuasiNewton.Objective f =
        (u, g) -> {
          g[0] = 2 * (u[0] - 20);
          return (u[0] - 20) * (u[0] - 20) + 7;
        };
    assertThatThrownBy(() -> new QuasiNewton(1, 1e-8).minimise("test", new String[] {"r"}, f, new double[] {0}))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageStartingWith("test fit did not converge after 1 iterations after 2 evaluations: log-likelihood -331.0, r=")
        .satisfies(e -> assertThat(((ConvergenceException) e).logLikelihood()).isEqualTo(-331.0));
  }
}
