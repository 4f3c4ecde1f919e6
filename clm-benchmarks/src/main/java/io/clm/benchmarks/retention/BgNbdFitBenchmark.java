package io.clm.benchmarks.retention;

import io.clm.retention.BgNbd;
import io.clm.retention.CustomerSummary;
import io.clm.retention.FittedModel;
import io.clm.retention.PurchaseHistory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting BG/NBD by maximum likelihood on the CDNOW sample (2,357 customers). Target: under 100 ms
 * after warm-up. Run from the repository root (the data is read from clm-retention's resources).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BgNbdFitBenchmark {

  private List<PurchaseHistory> histories;

  /** Loads and summarises the transaction log once. */
  @Setup
  public void load() {
    histories = CdnowData.summaries().stream().map(CustomerSummary::history).collect(Collectors.toList());
  }

  /**
   * One fit.
   *
   * @return the fit, so that it is not optimised away
   */
  @Benchmark
  public FittedModel<BgNbd> fitCdnow() {
    return BgNbd.fit(histories);
  }
}
