package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.retention.ConvergenceException;
import org.junit.jupiter.api.Test;

/**
 * The simplex search the fits fall back to, on functions whose minimum is known: a quadratic, the
 * Rosenbrock valley (which takes reflections, expansions, contractions and shrinks), a function
 * undefined beyond a wall next to its minimum, and a flat function that never converges.
 */
class NelderMeadTest {

  private static final String[] NAMES = {"u", "v"};

  @Test
  void findsTheMinimumOfAQuadratic() {
    // 3 + (u − 1)² + 4 (v + 2)²: minimum 3 at (1, −2).
    NelderMead.Result result =
        new NelderMead(5_000, 1e-14, 1e-9)
            .minimise("test", NAMES, p -> 3 + (p[0] - 1) * (p[0] - 1) + 4 * (p[1] + 2) * (p[1] + 2), new double[] {4, 3}, 1.0);
    assertThat(result.point()[0]).isCloseTo(1, within(1e-6));
    assertThat(result.point()[1]).isCloseTo(-2, within(1e-6));
    assertThat(result.value()).isCloseTo(3, within(1e-12));
    assertThat(result.evaluations()).isPositive().isLessThanOrEqualTo(5_000);
  }

  @Test
  void followsTheRosenbrockValleyToItsEnd() {
    // 100 (v − u²)² + (1 − u)²: minimum 0 at (1, 1), from the classical start (−1.2, 1).
    NelderMead.Result result =
        new NelderMead(20_000, 1e-15, 1e-9)
            .minimise(
                "test",
                NAMES,
                p -> 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0]),
                new double[] {-1.2, 1},
                1.0);
    assertThat(result.point()[0]).isCloseTo(1, within(1e-5));
    assertThat(result.point()[1]).isCloseTo(1, within(1e-5));
    assertThat(result.value()).isCloseTo(0, within(1e-10));
  }

  @Test
  void stepsBackFromWhereTheFunctionIsNotDefined() {
    // (u − 2)² + (v − 1)², undefined (NaN) and infinite beyond u = 2.5 and v = 1.5.
    NelderMead.Result result =
        new NelderMead(5_000, 1e-14, 1e-9)
            .minimise(
                "test",
                NAMES,
                p -> p[0] > 2.5 ? Double.NaN : p[1] > 1.5 ? Double.POSITIVE_INFINITY : (p[0] - 2) * (p[0] - 2) + (p[1] - 1) * (p[1] - 1),
                new double[] {0, 0},
                2.0);
    assertThat(result.point()[0]).isCloseTo(2, within(1e-6));
    assertThat(result.point()[1]).isCloseTo(1, within(1e-6));
    assertThat(result.value()).isCloseTo(0, within(1e-12));
  }

  @Test
  void aSearchThatRunsOutOfEvaluationsReportsTheBestPointAndItsLogLikelihood() {
    // A flat function: every simplex is as good as the last, so only the spread shrinks, by half
    // per shrink, and a tolerance of 1e-300 is out of reach within 50 evaluations.
    assertThatThrownBy(() -> new NelderMead(50, 1e-12, 1e-300).minimise("flat", NAMES, p -> 5, new double[] {0, 0}, 1.0))
        .isInstanceOf(ConvergenceException.class)
        .hasMessageStartingWith("flat fit did not converge after ")
        .hasMessageContaining(" evaluations: log-likelihood -5.0, simplex spread ")
        .hasMessageEndingWith(", u=1.0, v=1.0")
        .satisfies(
            e -> {
              ConvergenceException c = (ConvergenceException) e;
              assertThat(c.logLikelihood()).isEqualTo(-5.0);
              assertThat(c.evaluations()).isBetween(50, 53);
            });
  }

  @Test
  void aSearchStoppedEarlyReportsTheBestValueItEvaluated() {
    // Whatever the simplex did last, the point it reports is the best one the function was asked
    // about: the least of the values returned, and where it was returned; for every budget up to
    // 100 evaluations, so that some searches stop right after an expansion or a shrink.
    for (int budget = 5; budget <= 100; budget++) {
      double[] least = {Double.POSITIVE_INFINITY, 0, 0};
      NelderMead search = new NelderMead(budget, 1e-15, 1e-12);
      assertThatThrownBy(
              () ->
                  search.minimise(
                      "valley",
                      NAMES,
                      p -> {
                        double v = 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0]);
                        if (v < least[0]) {
                          least[0] = v;
                          least[1] = p[0];
                          least[2] = p[1];
                        }
                        return v;
                      },
                      new double[] {-1.2, 1},
                      1.0))
          .as("budget %d", budget)
          .isInstanceOf(ConvergenceException.class)
          .satisfies(
              e -> {
                assertThat(((ConvergenceException) e).logLikelihood()).isEqualTo(-least[0]);
                assertThat(e.getMessage()).endsWith(", u=" + Math.exp(least[1]) + ", v=" + Math.exp(least[2]));
              });
    }
  }

  @Test
  void aFunctionNoisierThanTheValueToleranceStillEndsWhenTheSimplexHasCollapsed() {
    // Rounding noise of 1e-6 (as a log-likelihood of terms near 1e10 has) keeps the values of a
    // collapsed simplex further apart than 1e-12: the search must still end, near the minimum at
    // (1, −2), instead of shrinking until its budget runs out.
    NelderMead.Result r =
        new NelderMead(20_000, 1e-12, 1e-9)
            .minimise(
                "noisy",
                NAMES,
                p -> (p[0] - 1) * (p[0] - 1) + (p[1] + 2) * (p[1] + 2)
                    + 1e-6 * ((31 * Double.hashCode(p[0]) + Double.hashCode(p[1])) & 1023) / 1024.0,
                new double[] {0, 0},
                1.0);
    assertThat(r.point()[0]).isCloseTo(1, within(0.01));
    assertThat(r.point()[1]).isCloseTo(-2, within(0.01));
    assertThat(r.evaluations()).isLessThan(20_000);
  }
}
