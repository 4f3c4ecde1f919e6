package io.clm.benchmarks.segmentation;

import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Plugins;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The segmentation performance target: fit and assign {@code rfm}, {@code value-pyramid} and
 * {@code loyalty-credit} over a portfolio of one million customers held in a {@link Population}
 * (under one second on two cores), and placing one customer with a fitted scheme.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SegmentationBenchmark {

  /** Customers in the portfolio. */
  @Param({"1000000"})
  public int customers;

  private Population population;
  private List<SegmentationScheme> schemes;
  private Segmenter rfm;
  private Customer one;

  /** Builds the portfolio and fits rfm once for the single-customer benchmark. */
  @Setup(Level.Trial)
  public void setUp() {
    population = Portfolio.of(customers, 42);
    Plugins plugins = Clm.plugins();
    schemes = List.of(
        plugins.get(SegmentationScheme.class, "rfm"),
        plugins.get(SegmentationScheme.class, "value-pyramid"),
        plugins.get(SegmentationScheme.class, "loyalty-credit"));
    SegmentationScheme scheme = schemes.get(0);
    rfm = scheme.segmenter(scheme.fit(population));
    one = sampleCustomer();
  }

  /** A customer with transactions, a profit, a credit score and every loyalty indicator. */
  static Customer sampleCustomer() {
    Currency eur = Currency.getInstance("EUR");
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    MetricsSnapshot metrics = MetricsSnapshot.builder(eur, Instant.parse("2020-01-01T00:00:00Z"))
        .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 40, 1_234_500)
        .transactedBetween(Instant.parse("2020-02-01T00:00:00Z"), Instant.parse("2025-12-20T00:00:00Z"))
        .products(ProductType.DEPOSIT, 3, 1)
        .attribute(Attribute.REVENUE, BigDecimal.valueOf(2_400), at)
        .attribute(Attribute.COST_TO_SERVE, BigDecimal.valueOf(900), at)
        .attribute(Attribute.CREDIT_SCORE, BigDecimal.valueOf(700), at)
        .attribute(Attribute.COMPETITOR_ATTENTION, BigDecimal.valueOf(0.3), at)
        .attribute(Attribute.PRICE_SENSITIVITY, BigDecimal.valueOf(0.5), at)
        .attribute(Attribute.DECISION_TIME_DAYS, BigDecimal.valueOf(4), at)
        .attribute(Attribute.INCIDENT_TOLERANCE, BigDecimal.valueOf(0.6), at)
        .build();
    return new Customer(CustomerId.of("benchmark-customer"), "growth", 0, metrics, Map.of());
  }

  /**
   * Fits the three schemes and assigns every customer with each.
   *
   * @return the last segmentation, so the work is not eliminated
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Segmentation fitAndAssignThreeSchemes() {
    Segmentation last = null;
    for (SegmentationScheme scheme : schemes) {
      last = scheme.segmenter(scheme.fit(population)).assignAll(population);
    }
    return last;
  }

  /**
   * Places one customer with a fitted rfm scheme.
   *
   * @return the assignment
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Assignment assignOneCustomer() {
    return rfm.assign(one, Portfolio.AS_OF);
  }
}
