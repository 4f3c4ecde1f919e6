package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The 16-point rule integrates every polynomial up to degree 31 exactly, and no higher degree. */
class GaussLegendreTest {

  private static double integrate(int degree) {
    double sum = 0;
    for (int i = 0; i < GaussLegendre.POINTS; i++) {
      sum += GaussLegendre.weight(i) * Math.pow(GaussLegendre.node(i), degree);
    }
    return sum;
  }

  @Test
  void everyPowerUpToDegree31IsExact() {
    for (int degree = 0; degree <= 31; degree++) {
      // ∫ x^d over [−1, 1] is 2/(d + 1) for even d, 0 for odd d
      double exact = degree % 2 == 0 ? 2.0 / (degree + 1) : 0;
      assertThat(integrate(degree)).as("x^%d", degree).isCloseTo(exact, within(1e-15));
    }
    assertThat(integrate(32)).as("x^32, beyond the rule's degree").isNotCloseTo(2.0 / 33, within(1e-12));
  }

  @Test
  void theNodesAreDistinctAndInsideTheInterval() {
    for (int i = 0; i < GaussLegendre.POINTS; i++) {
      assertThat(GaussLegendre.node(i)).isStrictlyBetween(-1.0, 1.0);
      assertThat(GaussLegendre.weight(i)).isPositive();
      if (i > 0) {
        assertThat(GaussLegendre.node(i)).isLessThan(GaussLegendre.node(i - 1));
      }
    }
  }
}
