package io.clm.segmentation;

import java.util.Arrays;

/**
 * Order statistics of a column in linear expected time (quickselect with a three-way partition, so
 * long runs of equal values cost nothing), falling back to a sort if partitioning degenerates. The
 * value returned does not depend on the order of the input: the k-th smallest value is unique.
 */
final class OrderStatistics {
  private OrderStatistics() {}

  /**
   * The values at sorted positions {@code ks} of {@code a[0, n)}, NaN-free. Reorders {@code a}.
   *
   * @param ks positions, each in {@code [0, n)}; ascending runs are cheapest (each search starts at
   *     the previous position)
   */
  static double[] select(double[] a, int n, int[] ks) {
    double[] out = new double[ks.length];
    int lo = 0;
    for (int i = 0; i < ks.length; i++) {
      if (ks[i] < lo) {
        lo = 0;
      }
      out[i] = select(a, lo, n, ks[i]) + 0.0; // + 0.0 turns -0.0 into 0.0
      lo = ks[i];
    }
    return out;
  }

  private static double select(double[] a, int lo, int hi, int k) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (true) {
      if (hi - lo <= 32 || budget-- == 0) {
        Arrays.sort(a, lo, hi);
        return a[k];
      }
      double pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
      int lt = lo;
      int i = lo;
      int gt = hi - 1;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
