package io.clm.benchmarks.retention;

import io.clm.retention.BgNbd;
import io.clm.retention.CustomerSummary;
import io.clm.retention.FitBreakdown;
import io.clm.retention.FittedModel;
import io.clm.retention.LifetimeValue;
import io.clm.retention.ParetoNbd;
import io.clm.retention.PurchaseHistory;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A quick measurement of the two retention benchmarks without the JMH harness: warms up, then
 * prints the median of several runs, as wall-clock time and as the measuring thread's CPU time
 * (the latter is robust when other processes share the machine). For the report; the JMH classes
 * are the reference.
 */
public final class RetentionTimings {

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private RetentionTimings() {}

  /**
   * Runs the measurements.
   *
   * @param args {@code fit} to measure the BG/NBD fit only, {@code pareto} the Pareto/NBD fit only, {@code pareto-misfit} the Pareto/NBD fit on customers simulated from a BG/NBD
   */
  public static void main(String[] args) {
    List<PurchaseHistory> histories = CdnowData.summaries().stream().map(CustomerSummary::history).collect(Collectors.toList());
    if (args.length > 0 && args[0].equals("pareto-misfit")) {
      // customers from a BG/NBD: the Pareto/NBD describes them badly, and its fit ends with s in the hundreds
      List<PurchaseHistory> simulated = SyntheticCohort.generate(2_000, 7, new BgNbd(2.52, 82.2, 0.987, 6.98), LifetimeValueScoringBenchmark.GG)
          .stream().map(CustomerSummary::history).collect(Collectors.toList());
      timeFit("pareto/nbd fit on 2,000 customers simulated from a BG/NBD", 3, () -> ParetoNbd.fit(simulated));
      return;
    }
    if (args.length > 0 && args[0].equals("pareto")) {
      timeFit("pareto/nbd fit on CDNOW through ParetoNbd.fit (grouping + fit + standard errors)", 15, () -> ParetoNbd.fit(histories));
      return;
    }
    FitBreakdown.print(histories, 50);
    timeFit("bg/nbd fit on CDNOW through BgNbd.fit (grouping + fit + standard errors)", 50, () -> BgNbd.fit(histories));
    if (args.length > 0 && args[0].equals("fit")) {
      return;
    }

    List<CustomerSummary> million = SyntheticCohort.generate(1_000_000, 42, LifetimeValueScoringBenchmark.BG, LifetimeValueScoringBenchmark.GG);
    System.out.printf("synthetic population: %d customers, %d distinct histories%n",
        million.size(), new HashSet<>(million.stream().map(CustomerSummary::history).collect(Collectors.toList())).size());
    LifetimeValue clv = new LifetimeValue(LifetimeValueScoringBenchmark.BG, LifetimeValueScoringBenchmark.GG);
    for (int i = 0; i < 3; i++) {
      clv.score(million, LifetimeValueScoringBenchmark.YEAR_MONTHLY);
    }
    long[] scoreNanos = new long[5];
    long[] scoreCpu = new long[5];
    for (int i = 0; i < scoreNanos.length; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      clv.score(million, LifetimeValueScoringBenchmark.YEAR_MONTHLY);
      scoreNanos[i] = System.nanoTime() - t0;
      scoreCpu[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    System.out.printf(
        "P(alive) + CLV for 1,000,000 customers (records): median %.0f ms wall, %.0f ms cpu%n",
        median(scoreNanos) / 1e6, median(scoreCpu) / 1e6);
    int n = million.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = million.get(i).history().frequency();
      tx[i] = million.get(i).history().recency();
      t[i] = million.get(i).history().age();
      m[i] = million.get(i).meanSpend();
    }
    for (int i = 0; i < 3; i++) {
      clv.scoreColumns(x, tx, t, m, LifetimeValueScoringBenchmark.YEAR_MONTHLY);
    }
    for (int i = 0; i < scoreNanos.length; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      clv.scoreColumns(x, tx, t, m, LifetimeValueScoringBenchmark.YEAR_MONTHLY);
      scoreNanos[i] = System.nanoTime() - t0;
      scoreCpu[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    System.out.printf(
        "P(alive) + CLV for 1,000,000 customers (columns): median %.0f ms wall, %.0f ms cpu%n",
        median(scoreNanos) / 1e6, median(scoreCpu) / 1e6);
  }

  /** Fits for at least a second of CPU time, then prints the median of {@code runs} more fits. */
  private static void timeFit(String what, int runs, Supplier<FittedModel<?>> fitting) {
    FittedModel<?> fit = null;
    // At least one second of warm-up: on a loaded machine the compiler threads get little time.
    long warmUp = CPU.getCurrentThreadCpuTime();
    while (CPU.getCurrentThreadCpuTime() - warmUp < 1_000_000_000L) {
      fit = fitting.get();
    }
    long[] fitNanos = new long[runs];
    long[] fitCpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      fit = fitting.get();
      fitNanos[i] = System.nanoTime() - t0;
      fitCpu[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    System.out.printf(
        "%s: median %.2f ms wall, %.3f ms cpu (%d evaluations, %d groups of %d customers), %s, LL %.10f%n",
        what, median(fitNanos) / 1e6, median(fitCpu) / 1e6, fit.evaluations(), fit.groups(), fit.observations(), fit.model(),
        fit.logLikelihood());
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
