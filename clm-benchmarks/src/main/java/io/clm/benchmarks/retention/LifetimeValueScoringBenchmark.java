package io.clm.benchmarks.retention;

import io.clm.retention.BgNbd;
import io.clm.retention.CustomerSummary;
import io.clm.retention.CustomerValue;
import io.clm.retention.GammaGamma;
import io.clm.retention.LifetimeValue;
import io.clm.retention.PortfolioScores;
import io.clm.retention.ValueHorizon;
import java.util.List;
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
 * Scoring P(alive), expected transactions, expected spend and lifetime value (one year in 12
 * monthly periods at 1 % a month) for 1,000,000 customers simulated from the published CDNOW
 * parameters, through the record API ({@code score}) and the column API ({@code scoreColumns}).
 * The vectorised numpy version of the same formulas is {@code clm-benchmarks/python/btyd_compare.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class LifetimeValueScoringBenchmark {

  static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426);
  static final GammaGamma GG = new GammaGamma(6.25, 3.74, 15.44);
  static final ValueHorizon YEAR_MONTHLY = new ValueHorizon(12, 52.0 / 12, 0.01);

  private List<CustomerSummary> customers;
  private LifetimeValue clv;
  private int[] frequency;
  private double[] recency;
  private double[] age;
  private double[] meanSpend;

  /** Simulates the population once. */
  @Setup
  public void generate() {
    customers = SyntheticCohort.generate(1_000_000, 42, BG, GG);
    clv = new LifetimeValue(BG, GG);
    int n = customers.size();
    frequency = new int[n];
    recency = new double[n];
    age = new double[n];
    meanSpend = new double[n];
    for (int i = 0; i < n; i++) {
      CustomerSummary c = customers.get(i);
      frequency[i] = c.history().frequency();
      recency[i] = c.history().recency();
      age[i] = c.history().age();
      meanSpend[i] = c.meanSpend();
    }
  }

  /**
   * Scores the whole population held as columns.
   *
   * @return the scores
   */
  @Benchmark
  public PortfolioScores scoreMillionColumns() {
    return clv.scoreColumns(frequency, recency, age, meanSpend, YEAR_MONTHLY);
  }

  /**
   * Scores the whole population.
   *
   * @return the scores
   */
  @Benchmark
  public List<CustomerValue> scoreMillion() {
    return clv.score(customers, YEAR_MONTHLY);
  }
}
