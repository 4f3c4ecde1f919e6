package io.clm.benchmarks.lifecycle;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.benchmarks.workload.EventStream;
import java.time.Duration;
import java.time.Instant;
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
 * Time-driven re-evaluation with the {@code banking-six-stage} model: {@code customers} customers
 * in development, each with one transaction and no product, spread over {@value #SLOTS} one-hour
 * slots; each {@code advanceTo} moves the clock one slot further, so that the customers of one
 * slot (1 %) reach {@value #DORMANT_DAYS} days without a transaction and move to termination
 * (rule {@code development-dormant}). The score is the time of one {@code advanceTo}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 60)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class AdvanceBenchmark {

  /** Slots the customers' due times are spread over; each advance makes one slot due. */
  static final int SLOTS = 100;

  /** The model's default {@code termination.inactivity-days}. */
  static final int DORMANT_DAYS = 365;

  private static final Duration SLOT = Duration.ofHours(1);

  /** Population size. */
  @Param("1000000")
  public int customers;

  private LifecycleEngine engine;
  private Instant firstDue;
  private int advances;

  /** Builds the population, or rebuilds it when every slot has been made due. */
  @Setup(Level.Iteration)
  public void setUp() {
    if (engine != null && advances < SLOTS) {
      return;
    }
    engine = ClmTracker.newEngine();
    Money amount = Money.of("25.00", "EUR");
    Instant start = EventStream.START;
    for (int c = 0; c < customers; c++) {
      int slot = c % SLOTS;
      Instant at = start.plus(SLOT.multipliedBy(slot)).plusSeconds(c / SLOTS % 3600);
      engine.ingest(
          new Transaction(
              "t" + c,
              new CustomerId("c" + c),
              at,
              Direction.DEBIT,
              amount,
              ProductType.CURRENT_ACCOUNT,
              Channel.MOBILE));
    }
    firstDue = start.plus(Duration.ofDays(DORMANT_DAYS));
    advances = 0;
  }

  /**
   * Advances the clock by one slot.
   *
   * @return the number of stage changes (one per due customer)
   */
  @Benchmark
  public int advance() {
    advances++;
    return engine.advanceTo(firstDue.plus(SLOT.multipliedBy(advances))).size();
  }
}
