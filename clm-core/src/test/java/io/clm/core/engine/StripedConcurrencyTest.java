package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.IngestResult;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Event;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** Ingest from two threads against one thread, on disjoint and on shared customers. */
class StripedConcurrencyTest {

  private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two threads each ingest every event of {@code log} while a third calls {@code read} (with the
   * number of reads so far) until they are done, at least once; returns how many events the two
   * applied together.
   */
  private static int ingestTwiceWhileReading(CoreLifecycleEngine engine, List<Event> log, IntConsumer read)
      throws Exception {
    AtomicBoolean ingesting = new AtomicBoolean(true);
    Callable<Integer> everyEvent =
        () -> {
          int applied = 0;
          for (Event e : log) {
            IngestResult r = engine.ingest(e);
            applied += r.duplicate() ? 0 : 1;
          }
          return applied;
        };
    Callable<Integer> reader =
        () -> {
          int reads = 0;
          while (ingesting.get() || reads == 0) {
            read.accept(reads);
            reads++;
          }
          return reads;
        };
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<Integer> a = pool.submit(everyEvent);
      Future<Integer> b = pool.submit(everyEvent);
      Future<Integer> r = pool.submit(reader);
      int applied = a.get() + b.get();
      ingesting.set(false);
      assertThat(r.get()).isPositive();
      return applied;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<CustomerId, MetricsSnapshot> metrics(CoreLifecycleEngine engine) {
    Map<CustomerId, MetricsSnapshot> all = new HashMap<>();
    engine.forEachCustomer(c -> all.put(c.id(), c.metrics()));
    return all;
  }

  @Test
  void twoThreadsOnDisjointCustomersGiveTheSingleThreadResult() throws Exception {
    for (long seed = 1; seed <= 6; seed++) {
      List<Event> log = events(seed, 3000, 150);
      CoreLifecycleEngine serial = Fixtures.engine();
      log.forEach(serial::ingest);
      List<Event> even = new ArrayList<>();
      List<Event> odd = new ArrayList<>();
      for (Event e : log) {
        (Math.floorMod(e.customer().hashCode(), 2) == 0 ? even : odd).add(e);
      }
      assertThat(even).isNotEmpty();
      assertThat(odd).isNotEmpty();
      CoreLifecycleEngine parallel = Fixtures.engine();
      runTogether(
          List.<Callable<Void>>of(
              () -> {
                even.forEach(parallel::ingest);
                return null;
              },
              () -> {
                odd.forEach(parallel::ingest);
                return null;
              }));
      assertThat(Fixtures.snapshot(parallel)).isEqualTo(Fixtures.snapshot(serial));
      assertThat(parallel.customerCount()).isEqualTo(serial.customerCount());
      assertThat(parallel.stageCounts()).isEqualTo(serial.stageCounts());
    }
  }

  @Test
  void twoThreadsOnTheSameCustomersApplyEveryEventOnceWhileSnapshotsStayConsistent() throws Exception {
    for (long seed = 1; seed <= 6; seed++) {
      List<Event> log = events(seed, 2000, 40);
      CoreLifecycleEngine serial = Fixtures.engine();
      log.forEach(serial::ingest);
      CoreLifecycleEngine shared = Fixtures.engine();
      int applied = ingestTwiceWhileReading(shared, log, taken -> {
        String snapshot = Fixtures.snapshot(shared);
        CoreLifecycleEngine copy = Fixtures.engine();
        copy.importSnapshot(new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)));
        assertThat(Fixtures.snapshot(copy)).isEqualTo(snapshot);
      });
      assertThat(applied).as("each event applied by exactly one of the threads").isEqualTo(log.size());
      Map<CustomerId, MetricsSnapshot> expected = metrics(serial);
      Map<CustomerId, MetricsSnapshot> actual = metrics(shared);
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      actual.forEach(
          (id, m) -> {
            MetricsSnapshot e = expected.get(id);
            assertThat(m.products()).isEqualTo(e.products());
            assertThat(m.windows()).isEqualTo(e.windows());
            assertThat(m.complaints()).isEqualTo(e.complaints());
            assertThat(m.attributes()).isEqualTo(e.attributes());
            assertThat(m.consents()).isEqualTo(e.consents());
            assertThat(m.lastTransaction()).isEqualTo(e.lastTransaction());
          });
      long total = shared.stageCounts().values().stream().mapToLong(Long::longValue).sum();
      assertThat(total).isEqualTo(shared.customerCount()).isEqualTo(serial.customerCount());
    }
  }

  /**
   * One customer per stripe in memory, 200 customers: two threads apply the same events while a
   * third reads counts and histories, so that reading back, eviction and the first count all run
   * concurrently. Every event is applied once and the result is the serial one.
   */
  @Test
  void withOneCustomerPerStripeInMemoryTwoThreadsApplyEveryEventOnce() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      List<Event> log = events(seed, 2000, 200);
      CoreLifecycleEngine serial = Fixtures.engine();
      log.forEach(serial::ingest);
      CoreLifecycleEngine shared = (CoreLifecycleEngine) Fixtures.builder()
          .store(new io.clm.tck.MemoryCustomerStore()).customersInMemory(Stripes.COUNT).build();
      int applied = ingestTwiceWhileReading(shared, log, reads -> {
        assertThat(shared.customerCount()).isBetween(0L, 200L);
        assertThat(shared.history(log.get(reads % log.size()).customer())).hasSizeLessThan(100);
      });
      assertThat(applied).as("each event applied by exactly one of the threads").isEqualTo(log.size());
      assertThat(Fixtures.snapshot(shared)).isEqualTo(Fixtures.snapshot(serial));
      assertThat(shared.customerCount()).isEqualTo(serial.customerCount());
      assertThat(shared.stageCounts()).isEqualTo(serial.stageCounts());
      int held = 0;
      for (int i = 0; i < Stripes.COUNT; i++) {
        held += shared.customers.get(i).customers.size();
      }
      assertThat(held).isLessThanOrEqualTo(Stripes.COUNT);
    }
  }
}
