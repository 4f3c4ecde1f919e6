package io.clm.benchmarks.lifecycle;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.time.Duration;
import java.time.Instant;
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
 * The path of an event for a known customer that changes no stage, isolated: every customer of the
 * engine has had its first {@value #WARM_EVENTS} transactions (and made the stage changes they
 * cause) before measurement starts, and
 * every measured event is new (its id unseen) and moves no stage, which the setup checks. Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the allocation per event on that path.
 *
 * <p>Each pass over the feed goes to the next of {@link #ENGINES} engines, all warmed in the
 * trial's setup (so that warming allocates nothing inside a measured iteration): no measured event
 * is a duplicate and no customer is new. Keep iterations short enough that the engines last.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class KnownCustomerBenchmark {
  /**
   * Warmed engines per trial; the feed is applied once to each. 48 engines of the default feed hold
   * 19,200,000 events: five one-second iterations at up to 3.8 million events per second.
   */
  static final int ENGINES = 48;
  /** Transactions per customer before measurement: past the stage changes the first ones make. */
  static final int WARM_EVENTS = 32;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Money AMOUNT = Money.of("25.00", "EUR");

  /** Customers per engine. */
  @Param("5000")
  public int customers;

  /** Measured events per customer, one hour apart. */
  @Param("80")
  public int eventsPerCustomer;

  /** The measured event kind: {@code transaction} or {@code interaction}. */
  @Param({"transaction", "interaction"})
  public String kind;

  /** The engine's deduplication window ({@code none}: every id remembered), ISO-8601. */
  @Param({"none", "P1D"})
  public String deduplicationWindow;

  private Event[] feed;
  private LifecycleEngine[] engines;
  private int engine;
  private int cursor;

  private LifecycleEngine newEngine() {
    LifecycleEngine e =
        ClmTracker.newEngine(deduplicationWindow.equals("none") ? null : Duration.parse(deduplicationWindow));
    for (int c = 0; c < customers; c++) {
      CustomerId id = CustomerId.of("c-" + c);
      for (int i = 0; i < WARM_EVENTS; i++) {
        e.ingest(transaction("w" + i + "-" + c, id, START.plus(Duration.ofHours(i))));
      }
    }
    return e;
  }

  private static Event transaction(String id, CustomerId customer, Instant at) {
    return new Transaction(id, customer, at, Direction.CREDIT, AMOUNT, ProductType.CURRENT_ACCOUNT, Channel.ONLINE);
  }

  /** Generates the feed, customer after customer within each hour, and checks it moves no stage. */
  @Setup(Level.Trial)
  public void generate() {
    feed = new Event[customers * eventsPerCustomer];
    int n = 0;
    for (int i = 0; i < eventsPerCustomer; i++) {
      Instant at = START.plus(Duration.ofHours(WARM_EVENTS + i));
      for (int c = 0; c < customers; c++) {
        CustomerId id = CustomerId.of("c-" + c);
        String eventId = "m" + i + "-" + c;
        feed[n++] =
            kind.equals("transaction")
                ? transaction(eventId, id, at)
                : new Interaction(eventId, id, at, InteractionKind.CONTACT, Channel.PHONE, null);
      }
    }
    LifecycleEngine check = newEngine();
    for (Event e : feed) {
      if (!check.ingest(e).changes().isEmpty()) {
        throw new IllegalStateException("event " + e.id() + " moves a stage; the benchmark must not");
      }
    }
  }

  /** Warms the engines: every customer known, in its stage, before measurement. */
  @Setup(Level.Trial)
  public void warm() {
    engines = new LifecycleEngine[ENGINES];
    for (int i = 0; i < ENGINES; i++) {
      engines[i] = newEngine();
    }
    engine = 0;
    cursor = 0;
  }

  /**
   * Ingests the next batch of events.
   *
   * @return the stage changes caused (none)
   */
  @Benchmark
  @OperationsPerInvocation(IngestBenchmark.BATCH)
  public int ingest() {
    if (cursor + IngestBenchmark.BATCH > feed.length) {
      engine++;
      cursor = 0;
      if (engine == ENGINES) {
        throw new IllegalStateException("the warmed engines ran out: shorten the iterations");
      }
    }
    LifecycleEngine e = engines[engine];
    int changes = 0;
    for (int i = cursor; i < cursor + IngestBenchmark.BATCH; i++) {
      changes += e.ingest(feed[i]).changes().size();
    }
    cursor += IngestBenchmark.BATCH;
    return changes;
  }
}
