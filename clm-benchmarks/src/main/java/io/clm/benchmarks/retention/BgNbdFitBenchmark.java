package io.clm.benchmarks.retention;

import io.clm.retention.BgNbd;
import io.clm.retention.CustomerSummary;
import io.clm.retention.FittedModel;
import io.clm.retention.GammaGamma;
import io.clm.retention.ParetoNbd;
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
 * Fitting the buy-till-you-die models by maximum likelihood on the CDNOW sample (2,357 customers),
 * including the standard errors. Target for BG/NBD: at most 5 ms warm and at least 3 times faster
 * than scipy's L-BFGS-B with an analytic gradient on the same grouped data ({@code
 * clm-benchmarks/python/btyd_compare.py}). Run from the repository root (the data is read from
 * clm-retention's resources).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BgNbdFitBenchmark {

  private List<PurchaseHistory> histories;
  private List<GammaGamma.Spend> spends;

  /** Loads and summarises the transaction log once. */
  @Setup
  public void load() {
    List<CustomerSummary> summaries = CdnowData.summaries();
    histories = summaries.stream().map(CustomerSummary::history).collect(Collectors.toList());
    spends = summaries.stream().flatMap(s -> s.spend().stream()).collect(Collectors.toList());
  }

  /**
   * One Gamma-Gamma fit on the 946 repeat buyers.
   *
   * @return the fit
   */
  @Benchmark
  public FittedModel<GammaGamma> fitGammaGamma() {
    return GammaGamma.fit(spends);
  }

  /**
   * One Pareto/NBD fit (numerical gradient).
   *
   * @return the fit
   */
  @Benchmark
  public FittedModel<ParetoNbd> fitParetoNbd() {
    return ParetoNbd.fit(histories);
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
