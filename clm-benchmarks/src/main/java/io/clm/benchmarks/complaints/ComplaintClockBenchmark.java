package io.clm.benchmarks.complaints;

import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.SlaEvent;
import java.time.Instant;
import java.util.List;
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
 * {@code advanceTo} with many open tickets, each call making exactly 1,000 of them due. The cost
 * should follow the 1,000, not the number of open tickets: compare the two {@code open} values.
 * Each open value has enough tickets for the 80 single-shot iterations (80,000 deadlines).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 60)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class ComplaintClockBenchmark {

  /** How many tickets are open. */
  @Param({"100000", "1000000"})
  public int open;

  private ComplaintDesk desk;
  private Instant next;

  /** Opens the tickets; no deadline is due yet. */
  @Setup(Level.Trial)
  public void setUp() {
    desk = ComplaintFixtures.openTickets(open);
    next = ComplaintFixtures.START.plus(ComplaintFixtures.DEADLINE).minusSeconds(1);
    desk.advanceTo(next);
  }

  /**
   * Advances the clock by 1,000 seconds: 1,000 deadlines fall due.
   *
   * @return the events, so the work is not optimised away
   */
  @Benchmark
  public List<SlaEvent> advanceOverThousandDeadlines() {
    next = next.plusSeconds(1_000);
    return desk.advanceTo(next);
  }
}
