package io.clm.retention;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Where the time of a BG/NBD fit goes, for comparison with scipy on the same grouped data: the
 * grouping of the histories, one likelihood evaluation with and without the Hessian, the search on
 * grouped data (which ends with the information matrix, so it includes the standard errors), and
 * the public {@link BgNbd#fit(java.util.Collection)}, which does all of these.
 * Declared in the model's package to reach the grouped form, which the public API keeps internal;
 * runs only from the benchmarks jar, on the class path.
 */
public final class FitBreakdown {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private FitBreakdown() {}

  /**
   * Prints the medians, in thread CPU time.
   *
   * @param histories the population
   * @param runs timed runs per measurement, after as many warm-up runs
   */
  public static void print(List<PurchaseHistory> histories, int runs) {
    GroupedHistories data = new GroupedHistories(histories);
    BetaGeometricLikelihood likelihood = new BetaGeometricLikelihood(data, 0);
    double[] start = {1, BgNbd.defaultAlpha(data), 1, 1};
    double[] gradient = new double[4];
    double[][] hessian = new double[4][4];
    double grouping = median(runs, 10, () -> new GroupedHistories(histories));
    double value = median(runs, 100, () -> likelihood.at(start[0], start[1], start[2], start[3], gradient));
    double withHessian = median(runs, 100, () -> likelihood.at(start[0], start[1], start[2], start[3], gradient, hessian));
    double search = median(runs, 10, () -> fit(data, likelihood, start));
    double publicFit = median(runs, 10, () -> BgNbd.fit(histories));
    FittedModel<BgNbd> fit = fit(data, likelihood, start);
    System.out.printf(
        "bg/nbd on CDNOW, cpu medians: grouping %.3f ms; one evaluation %.1f us (value and gradient), %.1f us (with Hessian);"
            + " search on grouped data incl. standard errors %.3f ms (%d evaluations, %d groups);"
            + " BgNbd.fit (grouping + search + standard errors) %.3f ms; LL %.4f, se %s%n",
        grouping / 1e6,
        value / 1e3,
        withHessian / 1e3,
        search / 1e6,
        fit.evaluations(),
        fit.groups(),
        publicFit / 1e6,
        fit.logLikelihood(),
        Arrays.toString(fit.parameters().stream().mapToDouble(ParameterEstimate::standardError).toArray()));
  }

  private static FittedModel<BgNbd> fit(GroupedHistories data, BetaGeometricLikelihood likelihood, double[] start) {
    return MaximumLikelihood.fitWithHessian(
        "bg/nbd",
        new String[] {"r", "alpha", "a", "b"},
        start,
        (t, g, h) -> likelihood.at(t[0], t[1], t[2], t[3], g, h),
        data.observations,
        data.groups(),
        p -> new BgNbd(p[0], p[1], p[2], p[3]));
  }

  /**
   * The median CPU time of one call, over {@code runs} batches of {@code batch} calls after a
   * warm-up of at least one second of this thread's CPU (on a loaded machine the compiler threads
   * get little time, so a warm-up by count can end before the code is compiled).
   */
  private static double median(int runs, int batch, Runnable work) {
    long warmUp = CPU.getCurrentThreadCpuTime();
    while (CPU.getCurrentThreadCpuTime() - warmUp < 1_000_000_000L) {
      work.run();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      for (int j = 0; j < batch; j++) {
        work.run();
      }
      nanos[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    Arrays.sort(nanos);
    return (double) nanos[runs / 2] / batch;
  }
}
