package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.ValidationException;
import io.clm.api.retention.ConvergenceException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The shared maximum-likelihood fit and what a fitted model reports, on likelihoods whose maximum
 * and information are known by hand.
 *
 * <p>The likelihood {@code Σᵢ kᵢ (ln θᵢ − θᵢ / mᵢ)} (of kᵢ exponential waiting times of rate θᵢ
 * and mean 1/mᵢ) has its maximum at θᵢ = mᵢ, where it is {@code Σ kᵢ (ln mᵢ − 1)}; in
 * log-parameters its information is {@code diag(kᵢ)}, so the standard error of ln θᵢ is 1/√kᵢ and
 * the covariance of θ is {@code diag(mᵢ² / kᵢ)}.
 */
class MaximumLikelihoodTest {

  private static final String[] NAMES = {"first", "second"};
  private static final double[] K = {4, 25};
  private static final double[] M = {2, 0.5};
  /** Φ⁻¹(0.975). */
  private static final double Z95 = 1.959963984540054;

  private static double logLikelihood(double[] theta) {
    double ll = 0;
    for (int i = 0; i < 2; i++) {
      ll += K[i] * (Math.log(theta[i]) - theta[i] / M[i]);
    }
    return ll;
  }

  private static double withGradient(double[] theta, double[] gradient) {
    for (int i = 0; i < 2; i++) {
      gradient[i] = K[i] * (1 / theta[i] - 1 / M[i]);
    }
    return logLikelihood(theta);
  }

  private static double withHessian(double[] theta, double[] gradient, double[][] hessian) {
    if (hessian != null) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          hessian[i][j] = i == j ? -K[i] / (theta[i] * theta[i]) : 0;
        }
      }
    }
    return withGradient(theta, gradient);
  }

  private static final double MAXIMUM = 4 * (Math.log(2) - 1) + 25 * (Math.log(0.5) - 1);

  private static void isTheKnownMaximum(FittedModel<double[]> fit, double tolerance) {
    assertThat(fit.model()[0]).isCloseTo(2, within(1e-7));
    assertThat(fit.model()[1]).isCloseTo(0.5, within(1e-7));
    assertThat(fit.logLikelihood()).isCloseTo(MAXIMUM, within(1e-12));
    assertThat(fit.aic()).isCloseTo(2 * 2 - 2 * MAXIMUM, within(1e-11));
    assertThat(fit.observations()).isEqualTo(29);
    assertThat(fit.groups()).isEqualTo(2);
    assertThat(fit.evaluations()).isPositive();
    double[][] covariance = fit.covariance();
    assertThat(covariance[0][0]).isCloseTo(4.0 / 4, within(tolerance));
    assertThat(covariance[1][1]).isCloseTo(0.25 / 25, within(tolerance * 0.01));
    assertThat(covariance[0][1]).isCloseTo(0, within(tolerance * 0.1));
    assertThat(covariance[1][0]).isCloseTo(0, within(tolerance * 0.1));
    ParameterEstimate first = fit.parameter("first");
    assertThat(first.value()).isCloseTo(2, within(1e-7));
    assertThat(first.standardError()).isCloseTo(2 / Math.sqrt(4), within(tolerance));
    assertThat(first.lower()).isCloseTo(2 * Math.exp(-Z95 / 2), within(tolerance));
    assertThat(first.upper()).isCloseTo(2 * Math.exp(Z95 / 2), within(tolerance));
    assertThat(first.level()).isEqualTo(0.95);
    ParameterEstimate second = fit.parameters(0.5).get(1);
    assertThat(second.name()).isEqualTo("second");
    // Φ⁻¹(0.75) = 0.6744897501960817.
    assertThat(second.lower()).isCloseTo(0.5 * Math.exp(-0.6744897501960817 / 5), within(tolerance));
  }

  @Test
  void aFitWithTheAnalyticGradientFindsTheKnownMaximumAndInformation() {
    FittedModel<double[]> fit = MaximumLikelihood.fit("test", NAMES, new double[] {1, 1}, MaximumLikelihoodTest::withGradient, 29, 2, double[]::clone);
    isTheKnownMaximum(fit, 1e-6);
  }

  @Test
  void aFitWithTheAnalyticHessianTakesNewtonStepsAndReportsItsInformation() {
    FittedModel<double[]> fit =
        MaximumLikelihood.fitWithHessian("test", NAMES, new double[] {1, 1}, MaximumLikelihoodTest::withHessian, 29, 2, double[]::clone);
    isTheKnownMaximum(fit, 1e-7);
    // Newton's method on this separable likelihood converges in a handful of steps; a wrong Hessian
    // would leave the search to the hundred Newton iterations and the first-order search after them.
    assertThat(fit.evaluations()).isLessThan(40);
  }

  @Test
  void aFitWithoutGradientFindsTheKnownMaximumAndInformation() {
    FittedModel<double[]> fit =
        MaximumLikelihood.fitNumerically("test", NAMES, new double[] {1, 1}, MaximumLikelihoodTest::logLikelihood, 29, 2, double[]::clone);
    isTheKnownMaximum(fit, 1e-4);
  }

  @Test
  void theSearchStartsWhereTheCallerSays() {
    // −(u² − 4)² in u = ln θ has two maxima, u = ±2, with a minimum between them at u = 0; the
    // information there is 12u² − 16 = 32. Its natural gradient is −4u(u² − 4)/θ.
    MaximumLikelihood.WithGradient twoPeaks =
        (theta, gradient) -> {
          double u = Math.log(theta[0]);
          gradient[0] = -4 * u * (u * u - 4) / theta[0];
          return -(u * u - 4) * (u * u - 4);
        };
    String[] name = {"theta"};
    FittedModel<double[]> upper = MaximumLikelihood.fit("test", name, new double[] {Math.exp(1.5)}, twoPeaks, 1, 1, double[]::clone);
    assertThat(upper.model()[0]).isCloseTo(Math.exp(2), within(1e-6));
    FittedModel<double[]> lower = MaximumLikelihood.fit("test", name, new double[] {Math.exp(-1.5)}, twoPeaks, 1, 1, double[]::clone);
    assertThat(lower.model()[0]).isCloseTo(Math.exp(-2), within(1e-6));
    assertThat(lower.parameter("theta").standardError()).isCloseTo(Math.exp(-2) / Math.sqrt(32), within(1e-7));
  }

  @Test
  void aFitThatFallsBackFromNewtonsMethodCountsTheEvaluationsOfBothSearches() {
    // −2 (ln θ − 1)², from θ = e^−250: every step is at most 2 in ln θ, so Newton's method uses up
    // its hundred iterations 200 short of the maximum, and the first-order search starts again.
    AtomicInteger calls = new AtomicInteger();
    MaximumLikelihood.WithHessian far =
        (theta, gradient, hessian) -> {
          calls.incrementAndGet();
          double u = Math.log(theta[0]);
          gradient[0] = -4 * (u - 1) / theta[0];
          if (hessian != null) {
            hessian[0][0] = (4 * (u - 1) - 4) / (theta[0] * theta[0]);
          }
          return -2 * (u - 1) * (u - 1);
        };
    FittedModel<double[]> fit = MaximumLikelihood.fitWithHessian("test", new String[] {"theta"}, new double[] {Math.exp(-250)}, far, 1, 1, double[]::clone);
    assertThat(fit.model()[0]).isCloseTo(Math.E, within(1e-6));
    assertThat(calls.get()).isGreaterThan(200);
    assertThat(fit.evaluations()).isEqualTo(calls.get());
  }

  @Test
  void aFitThatFailsAfterEverySearchCountsTheEvaluationsOfAll() {
    // ln θ grows without end: Newton's method, then the first-order search, then the simplex search
    // and the first-order search after it all fail to find a maximum.
    AtomicInteger calls = new AtomicInteger();
    MaximumLikelihood.WithHessian unbounded =
        (theta, gradient, hessian) -> {
          calls.incrementAndGet();
          gradient[0] = 1 / theta[0];
          if (hessian != null) {
            hessian[0][0] = -1 / (theta[0] * theta[0]);
          }
          return Math.log(theta[0]);
        };
    assertThatThrownBy(() -> MaximumLikelihood.fitWithHessian("test", new String[] {"theta"}, new double[] {1}, unbounded, 1, 1, double[]::clone))
        .isInstanceOf(ConvergenceException.class)
        .satisfies(
            e -> {
              assertThat(calls.get()).isGreaterThan(1000);
              assertThat(((ConvergenceException) e).evaluations()).isEqualTo(calls.get());
              assertThat(e.getMessage()).contains(" after " + calls.get() + " evaluations: ");
            });
  }

  @Test
  void intervalsOfAQuantityAreOnTheLogScaleWhenItIsPositive() {
    FittedModel<double[]> fit =
        MaximumLikelihood.fitWithHessian("test", NAMES, new double[] {1, 1}, MaximumLikelihoodTest::withHessian, 29, 2, double[]::clone);
    // θ₁ = 2 has the standard error 1: on the log scale 2 e^(±z/2).
    Interval positive = fit.interval(t -> t[0], 0.95);
    assertThat(positive.estimate()).isCloseTo(2, within(1e-9));
    assertThat(positive.standardError()).isCloseTo(1, within(1e-6));
    assertThat(positive.lower()).isCloseTo(2 * Math.exp(-Z95 / 2), within(1e-6));
    assertThat(positive.upper()).isCloseTo(2 * Math.exp(Z95 / 2), within(1e-6));
    // −θ₁ = −2 is not positive: −2 ± z.
    Interval negative = fit.interval(t -> -t[0], 0.95);
    assertThat(negative.standardError()).isCloseTo(1, within(1e-6));
    assertThat(negative.lower()).isCloseTo(-2 - Z95, within(1e-6));
    assertThat(negative.upper()).isCloseTo(-2 + Z95, within(1e-6));
    // A quantity that is 0 whatever the parameters: no spread at all.
    Interval none = fit.interval(t -> 0.0, 0.95);
    assertThat(none).isEqualTo(new Interval(0, 0, 0, 0, 0.95));
    assertThatThrownBy(() -> fit.interval(t -> t[0], 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("level 0.0 is not strictly between 0 and 1");
    assertThatThrownBy(() -> fit.parameters(1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("level 1.0 is not strictly between 0 and 1");
    assertThatThrownBy(() -> fit.parameter("third"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("parameter 'third' is not one of [first, second]");
  }

  @Test
  void aFittedModelDescribesItselfWithItsParameters() {
    FittedModel<double[]> fit =
        MaximumLikelihood.fitWithHessian("test", NAMES, new double[] {1, 1}, MaximumLikelihoodTest::withHessian, 29, 2, double[]::clone);
    assertThat(fit.toString())
        .startsWith("FittedModel[")
        .contains("logLikelihood=" + fit.logLikelihood())
        .contains("ParameterEstimate[name=first, value=")
        .contains("ParameterEstimate[name=second, value=")
        .contains("logCovariance=[[");
  }
}
