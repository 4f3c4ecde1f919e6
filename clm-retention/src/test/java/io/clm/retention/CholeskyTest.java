package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The small systems of a fit: inverses and Newton directions worked out by hand. */
class CholeskyTest {

  @Test
  void theInverseOfAPositiveDefiniteMatrixIsExact() {
    // [[4, 2], [2, 3]]⁻¹ = 1/8 [[3, −2], [−2, 4]].
    double[][] inverse = Cholesky.inverse(new double[][] {{4, 2}, {2, 3}});
    assertThat(inverse[0][0]).isCloseTo(0.375, within(1e-15));
    assertThat(inverse[0][1]).isCloseTo(-0.25, within(1e-15));
    assertThat(inverse[1][0]).isCloseTo(-0.25, within(1e-15));
    assertThat(inverse[1][1]).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void matricesThatAreNotPositiveDefiniteHaveNoInverse() {
    // Singular (its second pivot is exactly 0), indefinite, negative definite, not finite.
    assertThat(Cholesky.inverse(new double[][] {{1, 1}, {1, 1}})).isNull();
    assertThat(Cholesky.inverse(new double[][] {{1, 2}, {2, 1}})).isNull();
    assertThat(Cholesky.inverse(new double[][] {{-1, 0}, {0, -2}})).isNull();
    assertThat(Cholesky.inverse(new double[][] {{1, 0}, {0, Double.POSITIVE_INFINITY}})).isNull();
    assertThat(Cholesky.inverse(new double[][] {{1, Double.NaN}, {Double.NaN, 1}})).isNull();
  }

  @Test
  void theNewtonDirectionOfAPositiveDefiniteHessianIsUnshifted() {
    double[] out = new double[2];
    Cholesky.shiftedNewton(new double[][] {{4, 2}, {2, 3}}, new double[] {1, 1}, out, new double[2][2]);
    assertThat(out[0]).isCloseTo(0.125, within(1e-15));
    assertThat(out[1]).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void anIndefiniteHessianIsShiftedByTheFirstPowerOfTenThatMakesItPositiveDefinite() {
    // diag(−1, 2): λ = 10⁻³ · 2 · 10^k, k = 0, 1, 2, 3; the first that exceeds 1 is 2, which gives
    // diag(1, 4).
    double[][] hessian = {{-1, 0}, {0, 2}};
    double[] out = new double[2];
    Cholesky.shiftedNewton(hessian, new double[] {1, 1}, out, new double[2][2]);
    assertThat(out[0]).isCloseTo(1, within(1e-12));
    assertThat(out[1]).isCloseTo(0.25, within(1e-12));
    assertThat(hessian).isDeepEqualTo(new double[][] {{-1, 0}, {0, 2}});
  }

  @Test
  void aHessianNoShiftRepairsGivesTheGradientItself() {
    double[] out = new double[2];
    Cholesky.shiftedNewton(new double[][] {{Double.NaN, 0}, {0, 1}}, new double[] {3, -4}, out, new double[2][2]);
    assertThat(out).containsExactly(3, -4);
  }
}
