package io.clm.benchmarks.lifecycle;

import io.clm.api.event.Event;
import io.clm.benchmarks.workload.EventStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest on one thread: the generated feed ({@code customers} customers, {@code eventsPerCustomer}
 * events each on average, in timestamp order) through clm and through each comparison library.
 * The score is events per second.
 *
 * <p>The feed is consumed in order, a batch of {@value #BATCH} events per invocation; when it is
 * used up, the next pass starts with a new, empty tracker, so every event is new to the tracker
 * that receives it (the cost of replacing the tracker is part of the measurement). An
 * implementation slower than the feed's length per iteration sees a prefix of the feed, which
 * holds proportionally more first events of customers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class IngestBenchmark {

  /** Events per invocation. */
  static final int BATCH = 1000;

  /** Population size. */
  @Param("1000000")
  public int customers;

  /** Mean events per customer. */
  @Param("10")
  public int eventsPerCustomer;

  /** Which implementation keeps the stages. */
  @Param({"clm", "columnar", "objects", "stateless4j", "squirrel", "spring"})
  public String implementation;

  private Event[] events;
  private Implementation kind;
  private LifecycleTracker tracker;
  private int cursor;

  /** Generates the feed and an empty tracker. */
  @Setup(Level.Trial)
  public void setUp() {
    events = EventStream.generate(customers, eventsPerCustomer, EventStream.SEED).events();
    kind = Implementation.named(implementation);
    tracker = kind.create();
    cursor = 0;
  }

  /**
   * Feeds the next batch.
   *
   * @return the stage changes caused, so that nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int ingest() {
    Event[] feed = events;
    LifecycleTracker target = tracker;
    int from = cursor;
    int to = Math.min(from + BATCH, feed.length);
    int changes = 0;
    for (int i = from; i < to; i++) {
      changes += target.accept(feed[i]);
    }
    if (to == feed.length) {
      tracker = kind.create();
      cursor = 0;
    } else {
      cursor = to;
    }
    return changes;
  }
}
