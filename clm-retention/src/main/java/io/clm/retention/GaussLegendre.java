package io.clm.retention;

/**
 * The 16-point Gauss–Legendre rule on [−1, 1]: exact for polynomials up to degree 31. Its nodes are
 * the roots of the Legendre polynomial P₁₆, found by Newton's method when the class is loaded, and
 * its weights 2 / ((1 − x²) P₁₆′(x)²).
 */
final class GaussLegendre {

  /** Nodes and weights of the rule. */
  static final int POINTS = 16;

  private static final double[] NODES = new double[POINTS];
  private static final double[] WEIGHTS = new double[POINTS];

  static {
    for (int i = 0; i < POINTS; i++) {
      // Tricomi's first guess for the i-th root, from the largest down
      double x = Math.cos(Math.PI * (i + 0.75) / (POINTS + 0.5));
      double derivative = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double previous = 1;
        double current = x;
        for (int k = 2; k <= POINTS; k++) {
          double next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
          previous = current;
          current = next;
        }
        derivative = POINTS * (x * current - previous) / (x * x - 1);
        double step = current / derivative;
        x -= step;
        if (Math.abs(step) <= 1e-16) {
          break;
        }
      }
      NODES[i] = x;
      WEIGHTS[i] = 2 / ((1 - x * x) * derivative * derivative);
    }
  }

  private GaussLegendre() {}

  /**
   * The i-th node.
   *
   * @param i from 0 to {@value #POINTS} − 1
   * @return a point in (−1, 1)
   */
  static double node(int i) {
    return NODES[i];
  }

  /**
   * The i-th weight.
   *
   * @param i from 0 to {@value #POINTS} − 1
   * @return its weight; the weights sum to 2
   */
  static double weight(int i) {
    return WEIGHTS[i];
  }
}
