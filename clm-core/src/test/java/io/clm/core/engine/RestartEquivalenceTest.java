package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import io.clm.api.event.ManualMove;
import io.clm.tck.MemoryCustomerStore;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of restarts: random commands run against an engine that never restarts and
 * against an engine over a store that is rebuilt from the store at random points. Every result,
 * every refusal and, after every step, customer count, stage counts, every customer and every
 * history must agree.
 */
class RestartEquivalenceTest {

  @Test
  void anEngineRestartedFromItsStoreAnswersAsTheOneThatNeverRestarted() {
    qt().withExamples(20).forAll(longs().all()).check(seed -> run(seed, -1));
  }

  /**
   * No customer kept in memory between operations: every command reads its customers back from the
   * store, and every count and answer must still agree.
   */
  @Test
  void anEngineKeepingNoCustomerInMemoryAnswersAsTheOneKeepingAll() {
    qt().withExamples(20).forAll(longs().all()).check(seed -> run(seed, 0));
  }

  /** One customer per lock stripe in memory: customers of one stripe evict each other. */
  @Test
  void anEngineKeepingOneCustomerPerStripeAnswersAsTheOneKeepingAll() {
    qt().withExamples(10).forAll(longs().all()).check(seed -> run(seed, Stripes.COUNT));
  }

  private static LifecycleEngine over(MemoryCustomerStore store, int inMemory) {
    return inMemory < 0
        ? Fixtures.builder().store(store).build()
        : Fixtures.builder().store(store).customersInMemory(inMemory).build();
  }

  /** The outcome of a command: its result, or the refusal's class and message. */
  private static Object outcome(LifecycleEngine engine, Function<LifecycleEngine, Object> command) {
    try {
      return command.apply(engine);
    } catch (ClmException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** @param inMemory the subject's customers in memory, -1 for all */
  private static boolean run(long seed, int inMemory) {
    Random r = new Random(seed);
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine reference = Fixtures.engine();
    LifecycleEngine subject = over(store, inMemory);
    List<Event> pool = Fixtures.events(seed, 60, 5);
    List<Event> issued = new ArrayList<>();
    Instant clock = Fixtures.START;
    int next = 0;
    for (int step = 0; step < 50; step++) {
      int kind = r.nextInt(12);
      Function<LifecycleEngine, Object> command;
      if (kind < 5 && next < pool.size()) {
        Event e = pool.get(next++);
        issued.add(e);
        command = engine -> engine.ingest(e);
      } else if (kind == 5 && next + 3 <= pool.size()) {
        List<Event> batch = List.copyOf(pool.subList(next, next + 1 + r.nextInt(3)));
        next += batch.size();
        issued.addAll(batch);
        command = engine -> engine.ingestAll(batch);
      } else if (kind == 6 && !issued.isEmpty()) {
        Event replay = issued.get(r.nextInt(issued.size()));
        command = engine -> engine.ingest(replay);
      } else if (kind == 7) {
        clock = clock.plus(Duration.ofDays(r.nextInt(40)));
        Instant to = clock;
        command = engine -> engine.advanceTo(to);
      } else if (kind == 8) {
        CustomerId c = Fixtures.anyCustomer(r.nextInt(6));
        command = engine -> engine.erase(c);
      } else if (kind == 9) {
        CustomerId c = Fixtures.anyCustomer(r.nextInt(6));
        Instant since = Fixtures.START.plus(Duration.ofDays(r.nextInt(100)));
        command = engine -> engine.register(c, since);
      } else if (kind == 10) {
        CustomerId c = Fixtures.anyCustomer(r.nextInt(6));
        Instant at = Fixtures.START.plus(Duration.ofDays(100 + r.nextInt(100)));
        ManualMove move = new ManualMove("m" + step, c, at, "dormant", "rm-1", "test");
        command = engine -> engine.ingest(move);
      } else {
        subject = over(store, inMemory);
        if (!sameState(reference, subject)) {
          return false;
        }
        continue;
      }
      Object expected = outcome(reference, command);
      Object actual = outcome(subject, command);
      if (!expected.equals(actual) || !sameState(reference, subject)) {
        return false;
      }
    }
    LifecycleEngine restarted = over(store, inMemory);
    Instant end = clock.plus(Duration.ofDays(400));
    return sameState(reference, restarted)
        && reference.advanceTo(end).equals(restarted.advanceTo(end))
        && sameState(reference, restarted);
  }

  private static boolean sameState(LifecycleEngine a, LifecycleEngine b) {
    return a.customerCount() == b.customerCount()
        && a.stageCounts().equals(b.stageCounts())
        && customers(a).equals(customers(b))
        && histories(a).equals(histories(b))
        && Arrays.equals(snapshot(a), snapshot(b));
  }

  private static byte[] snapshot(LifecycleEngine engine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.exportSnapshot(out);
    return out.toByteArray();
  }

  private static Map<CustomerId, Customer> customers(LifecycleEngine engine) {
    Map<CustomerId, Customer> all = new TreeMap<>();
    engine.forEachCustomer(c -> all.put(c.id(), c));
    return all;
  }

  private static Map<CustomerId, List<StageChange>> histories(LifecycleEngine engine) {
    Map<CustomerId, List<StageChange>> all = new TreeMap<>();
    for (int i = 0; i < 6; i++) {
      all.put(Fixtures.anyCustomer(i), engine.history(Fixtures.anyCustomer(i)));
    }
    return all;
  }

  @Test
  void advanceToAfterARestartTouchesOnlyTheDueCustomers() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    CoreLifecycleEngine engine = (CoreLifecycleEngine) Fixtures.builder().store(store).build();
    for (int i = 0; i < 50; i++) {
      engine.ingest(Fixtures.tx("t" + i, i, Fixtures.START.plus(Duration.ofDays(i)), "5.00"));
    }
    CoreLifecycleEngine restarted = (CoreLifecycleEngine) Fixtures.builder().store(store).build();
    assertThat(restarted.customerCount()).isEqualTo(50);
    // customer i is due 30 days after its transaction on day i: by day 39 the first ten are due
    List<StageChange> moved = restarted.advanceTo(Fixtures.START.plus(Duration.ofDays(39)));
    assertThat(moved).hasSize(10).extracting(StageChange::to).containsOnly("dormant");
    assertThat(restarted.timeEvaluations.sum()).isEqualTo(10);
    List<CustomerId> due = new ArrayList<>();
    store.scanDue(Fixtures.START.plus(Duration.ofDays(39)).toEpochMilli(), due::add);
    assertThat(due).isEmpty();
  }
}
