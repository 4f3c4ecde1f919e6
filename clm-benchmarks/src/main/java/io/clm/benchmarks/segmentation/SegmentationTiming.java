package io.clm.benchmarks.segmentation;

import io.clm.api.Clm;
import io.clm.api.Plugins;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A plain timing run of the segmentation target, for a quick number without the JMH harness:
 * {@code java -cp ... io.clm.benchmarks.segmentation.SegmentationTiming [customers] [rounds]}.
 * Prints the wall time of each round (fit and assign rfm, value-pyramid and loyalty-credit over the
 * portfolio), wall-clock and this thread's CPU time (the work is single-threaded, so CPU time is
 * what the run costs when other processes share the machine), and the heap used by the portfolio.
 * JMH ({@link SegmentationBenchmark}) is the
 * reference measurement.
 */
public final class SegmentationTiming {
  private SegmentationTiming() {}

  /**
   * Runs the timing.
   *
   * @param args number of customers (default 1,000,000) and rounds (default 10)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    Population population = Portfolio.of(n, 42);
    System.gc();
    long heapAfter = rt.totalMemory() - rt.freeMemory();
    System.out.printf("population of %,d customers: about %,d bytes of heap (%.0f bytes per customer)%n",
        n, heapAfter - heapBefore, (heapAfter - heapBefore) / (double) n);
    Plugins plugins = Clm.plugins();
    List<SegmentationScheme> schemes = List.of(
        plugins.get(SegmentationScheme.class, "rfm"),
        plugins.get(SegmentationScheme.class, "value-pyramid"),
        plugins.get(SegmentationScheme.class, "loyalty-credit"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      StringBuilder perScheme = new StringBuilder();
      for (SegmentationScheme scheme : schemes) {
        long t0 = System.nanoTime();
        Segmenter segmenter = scheme.segmenter(scheme.fit(population));
        long t1 = System.nanoTime();
        Segmentation s = segmenter.assignAll(population);
        long t2 = System.nanoTime();
        perScheme.append(String.format("  %s fit %d ms assign %d ms (%d segments)",
            scheme.id(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, s.counts().size()));
      }
      long elapsed = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      best = Math.min(best, elapsed);
      bestCpu = Math.min(bestCpu, cpu);
      System.out.printf("round %d: %d ms wall, %d ms cpu%s%n", round, elapsed / 1_000_000, cpu / 1_000_000, perScheme);
    }
    System.out.printf("best of %d rounds: %d ms wall, %d ms cpu for %,d customers%n",
        rounds, best / 1_000_000, bestCpu / 1_000_000, n);
    singleCustomer(schemes);
    fromCustomers(schemes);
  }

  /** Time to build a population from customer objects (metrics computed per customer). */
  private static void fromCustomers(List<SegmentationScheme> schemes) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Population.Columns columns = schemes.get(0).columns();
    for (SegmentationScheme s : schemes) {
      columns = columns.and(s.columns());
    }
    int n = 100_000;
    List<io.clm.api.Customer> customers = new java.util.ArrayList<>(n);
    io.clm.api.Customer sample = SegmentationBenchmark.sampleCustomer();
    for (int i = 0; i < n; i++) {
      customers.add(new io.clm.api.Customer(
          io.clm.api.CustomerId.of("customer-" + i), "growth", 0, sample.metrics(), java.util.Map.of()));
    }
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      Population p = Population.of(customers, Portfolio.AS_OF, columns);
      best = Math.min(best, threads.getCurrentThreadCpuTime() - cpu);
      if (p.size() != n) {
        throw new AssertionError();
      }
    }
    System.out.printf("Population.of(%,d customers) with %d metric columns: %d ms cpu (best of 5)%n",
        n, columns.metrics().size(), best / 1_000_000);
  }

  /** Time and heap allocated per single-customer assignment with each fitted scheme. */
  private static void singleCustomer(List<SegmentationScheme> schemes) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    io.clm.api.Customer customer = SegmentationBenchmark.sampleCustomer();
    Population sample = Portfolio.of(10_000, 7);
    int calls = 200_000;
    for (SegmentationScheme scheme : schemes) {
      Segmenter segmenter = scheme.segmenter(scheme.fit(sample));
      int sink = 0;
      for (int i = 0; i < calls; i++) {
        sink += segmenter.assign(customer, Portfolio.AS_OF).segment().length();
      }
      long bytes = threads.getCurrentThreadAllocatedBytes();
      long cpu = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < calls; i++) {
        sink += segmenter.assign(customer, Portfolio.AS_OF).segment().length();
      }
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
      System.out.printf("assign one customer with %s: %.2f us cpu, %d bytes allocated per call (%d)%n",
          scheme.id(), cpu / 1000.0 / calls, bytes / calls, sink % 2);
    }
  }
}
