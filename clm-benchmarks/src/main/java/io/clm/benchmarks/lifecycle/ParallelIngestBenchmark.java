package io.clm.benchmarks.lifecycle;

import io.clm.api.LifecycleEngine;
import io.clm.api.event.Event;
import io.clm.benchmarks.workload.EventStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest into one clm engine from two threads, the feed partitioned by customer as a message
 * broker keyed by customer id would deliver it. The score is events per second over both threads.
 * Each pass over the feed goes to a new engine, created by whichever thread gets there first.
 *
 * <p>With {@code engines=separate} each thread feeds an engine of its own instead, which shares
 * nothing with the other thread's: the scaling the machine allows this workload, the baseline for
 * the shared engine's. With {@code routing=lane} the feed is split by the engine's {@link
 * LifecycleEngine#lane} of each customer instead of by customer number, so that the two threads
 * share none of the engine's lock stripes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Threads(2)
public class ParallelIngestBenchmark {

  /** Population size. */
  @Param("1000000")
  public int customers;

  /** Mean events per customer. */
  @Param("10")
  public int eventsPerCustomer;

  /** {@code shared}: one engine for both threads; {@code separate}: one engine per thread. */
  @Param({"shared", "separate"})
  public String engines;

  /** {@code customer}: split by customer number; {@code lane}: by the engine's lane. */
  @Param({"customer", "lane"})
  public String routing;

  private Event[][] parts;
  private final AtomicInteger nextPart = new AtomicInteger();
  private final ConcurrentHashMap<Long, LifecycleEngine> passes = new ConcurrentHashMap<>();

  /** Generates and partitions the feed. */
  @Setup(Level.Trial)
  public void setUp() {
    EventStream feed = EventStream.generate(customers, eventsPerCustomer, EventStream.SEED);
    if (routing.equals("lane")) {
      LifecycleEngine engine = ClmTracker.newEngine();
      parts = feed.partition(2, id -> engine.lane(id, 2));
    } else {
      parts = feed.partition(2);
    }
  }

  LifecycleEngine pass(int number, int part) {
    int owner = engines.equals("separate") ? part : -1;
    passes.remove(key(number - 2, owner));
    return passes.computeIfAbsent(key(number, owner), n -> ClmTracker.newEngine());
  }

  private static long key(int pass, int owner) {
    return (long) pass << 32 | (owner & 0xffff_ffffL);
  }

  /** One thread's share of the feed. */
  @State(Scope.Thread)
  public static class Feeder {
    int part = -1;
    int cursor;
    int pass;
    LifecycleEngine engine;
  }

  /**
   * Feeds the thread's next batch.
   *
   * @param feeder the thread's position
   * @return the stage changes caused
   */
  @Benchmark
  @OperationsPerInvocation(IngestBenchmark.BATCH)
  public int ingest(Feeder feeder) {
    if (feeder.part < 0) {
      feeder.part = nextPart.getAndIncrement() % parts.length;
      feeder.engine = pass(0, feeder.part);
    }
    Event[] feed = parts[feeder.part];
    LifecycleEngine engine = feeder.engine;
    int from = feeder.cursor;
    int to = Math.min(from + IngestBenchmark.BATCH, feed.length);
    int changes = 0;
    for (int i = from; i < to; i++) {
      changes += engine.ingest(feed[i]).changes().size();
    }
    if (to == feed.length) {
      feeder.pass++;
      feeder.engine = pass(feeder.pass, feeder.part);
      feeder.cursor = 0;
    } else {
      feeder.cursor = to;
    }
    return changes;
  }
}
