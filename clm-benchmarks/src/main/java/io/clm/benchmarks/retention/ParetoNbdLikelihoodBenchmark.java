package io.clm.benchmarks.retention;

import io.clm.retention.CustomerSummary;
import io.clm.retention.ParetoNbd;
import io.clm.retention.PurchaseHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * One evaluation of the Pareto/NBD log-likelihood, which a fit repeats a few hundred times: on the
 * CDNOW sample at its published estimates (α and β close, the hypergeometric argument near 0), and
 * on a portfolio with little dropout (2,357 customers buying as Poisson processes with rates from
 * Gamma(1, 2) for 20 to 39 weeks, nobody leaving; β = 2,000 far above α = 2, the argument close to
 * 1). The second over the first is the price of little dropout. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParetoNbdLikelihoodBenchmark {

  private static final ParetoNbd CDNOW_FIT = new ParetoNbd(0.5534, 10.5802, 0.6061, 11.6689);
  private static final ParetoNbd LITTLE_DROPOUT = new ParetoNbd(1.0, 2.0, 0.05, 2_000);

  private List<PurchaseHistory> cdnow;
  private List<PurchaseHistory> stayers;

  /** Loads CDNOW and draws the portfolio without dropout (fixed seed). */
  @Setup
  public void load() {
    cdnow = CdnowData.summaries().stream().map(CustomerSummary::history).toList();
    stayers = stayers(cdnow.size(), 7L);
  }

  static List<PurchaseHistory> stayers(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PurchaseHistory> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      double rate = -Math.log(1 - random.nextDouble()) / 2;
      double age = 20 + random.nextInt(20);
      double t = 0;
      double last = 0;
      int purchases = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / rate;
        if (t > age) {
          break;
        }
        purchases++;
        last = t;
      }
      out.add(new PurchaseHistory(purchases, last, age));
    }
    return out;
  }

  /**
   * The log-likelihood of CDNOW at its estimates.
   *
   * @return the value
   */
  @Benchmark
  public double cdnow() {
    return CDNOW_FIT.logLikelihood(cdnow);
  }

  /**
   * The log-likelihood of the portfolio without dropout, β far above α.
   *
   * @return the value
   */
  @Benchmark
  public double littleDropout() {
    return LITTLE_DROPOUT.logLikelihood(stayers);
  }
}
