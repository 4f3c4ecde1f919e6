package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores over one database write batches that share customers, each batch naming them in the
 * opposite order to the other, at the same time. Each store's first customer statement (one full
 * statement of {@link MultiRow#CHUNK} customers) waits until the other write has done the same or
 * waits for a lock this one holds: a store that locks customers in the order its batch names
 * them then holds one half of the shared customers and asks for the half the other holds, a
 * deadlock the database ends by rolling one write back; a store that locks them in key order
 * makes the later write wait at the first shared customer, and both commit.
 */
class LockOrderTest {
  /** On PostgreSQL, a write waits for a lock when a session of its database is blocked by another. */
  private static final Waiting POSTGRES = (monitor, writers) -> {
    try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  };
  /**
   * H2 runs in this JVM and tells no session's blocker for a row lock: a write waits for a lock
   * when its thread waits in H2's transaction for another to end.
   */
  private static final Waiting H2 = (monitor, writers) -> writers.stream().anyMatch(t -> Arrays.stream(t.getStackTrace())
      .anyMatch(f -> f.getClassName().equals("org.h2.mvstore.tx.Transaction") && f.getMethodName().equals("waitForThisToEnd")));
  private static final SeenEvent STORED_SEEN = new SeenEvent(5, 5, 5);
  /** Long enough for the write an H2 transaction waits for to commit, however slow the machine. */
  private static final String H2_LOCK_TIMEOUT = ";LOCK_TIMEOUT=30000";

  @TempDir Path dir;

  @Test
  void onPostgresOverlappingWritesOfNewCustomersInOppositeOrdersBothCommit() throws Exception {
    overlappingWritesBothCommit(Databases.postgresDatabase(), POSTGRES, false);
  }

  @Test
  void onPostgresOverlappingWritesOfStoredCustomersInOppositeOrdersBothCommit() throws Exception {
    overlappingWritesBothCommit(Databases.postgresDatabase(), POSTGRES, true);
  }

  /**
   * Of stored customers only: a statement of H2 that meets a key another transaction inserted and
   * has not committed runs again and again until the other ends, waiting for no lock the test
   * could see, while one that meets a stored row the other changed waits for it.
   */
  @Test
  void onH2OverlappingWritesOfStoredCustomersInOppositeOrdersBothCommit() throws Exception {
    overlappingWritesBothCommit(Databases.h2(dir) + H2_LOCK_TIMEOUT, H2, true);
  }

  @Test
  void onPostgresAWriteAndAnErasureCrossingAnotherBothCommit() throws Exception {
    crossingErasuresBothCommit(Databases.postgresDatabase(), POSTGRES);
  }

  @Test
  void onH2AWriteAndAnErasureCrossingAnotherBothCommit() throws Exception {
    crossingErasuresBothCommit(Databases.h2(dir) + H2_LOCK_TIMEOUT, H2);
  }

  /**
   * Both batches write all customers, a chunk of {@code a-} keys and a chunk of {@code b-} keys,
   * in opposite orders; the customers are stored before, or new.
   */
  private static void overlappingWritesBothCommit(String url, Waiting waiting, boolean stored) throws Exception {
    List<StoreBatch.Write> first = new ArrayList<>();
    List<StoreBatch.Write> second = new ArrayList<>();
    for (String key : concat(keys("a-"), keys("b-"))) {
      first.add(StoreContract.write(key, 1, "first", List.of(new SeenEvent(1, 1, 1)), StoreContract.entry(0, "h0")));
    }
    // Without history: a history entry of either batch must continue what the other stored first.
    for (String key : concat(keys("b-"), keys("a-"))) {
      second.add(StoreContract.write(key, 2, "second", List.of(new SeenEvent(2, 2, 2))));
    }

    try (JdbcStore plain = JdbcStore.builder().url(url).maximumPoolSize(4).build()) {
      List<SeenEvent> seenBefore = stored ? List.of(STORED_SEEN) : List.of();
      if (stored) {
        plain.write(storeAll());
      }

      cross(url, waiting, plain, StoreBatch.of(first), StoreBatch.of(second));

      List<StoredCustomer> all = plain.loadAll(ids(concat(keys("a-"), keys("b-"))));
      assertThat(all).hasSize(2 * MultiRow.CHUNK);
      for (StoredCustomer c : all) {
        assertThat(c.seen().subList(0, seenBefore.size())).as(c.record().customer().value()).isEqualTo(seenBefore);
        assertThat(c.seen().subList(seenBefore.size(), c.seen().size())).as(c.record().customer().value())
            .containsExactlyInAnyOrder(new SeenEvent(1, 1, 1), new SeenEvent(2, 2, 2));
        assertThat(c.history()).as(c.record().customer().value())
            .extracting(h -> h.sequence() + ":" + new String(h.change(), StandardCharsets.UTF_8))
            .containsExactly("0:h0");
      }
    }
  }

  /** A batch storing all customers of both chunks, each with one seen event. */
  private static StoreBatch storeAll() {
    List<StoreBatch.Write> all = new ArrayList<>();
    for (String key : concat(keys("a-"), keys("b-"))) {
      all.add(StoreContract.write(key, 0, "stored", List.of(STORED_SEEN)));
    }
    return StoreBatch.of(all);
  }

  /** Each batch writes one chunk of stored customers and erases the other: the first writes {@code a-} and erases {@code b-}, the second the opposite. */
  private static void crossingErasuresBothCommit(String url, Waiting waiting) throws Exception {
    try (JdbcStore plain = JdbcStore.builder().url(url).maximumPoolSize(4).build()) {
      plain.write(storeAll());

      cross(url, waiting, plain, writeAndErase("a-", "b-"), writeAndErase("b-", "a-"));

      // Whichever committed last erased what the other wrote: one chunk is left, as that one wrote it.
      List<StoredCustomer> left = plain.loadAll(ids(concat(keys("a-"), keys("b-"))));
      assertThat(left).hasSize(MultiRow.CHUNK);
      String chunk = left.get(0).record().customer().value().substring(0, 2);
      assertThat(left).allSatisfy(c -> {
        assertThat(c.record().customer().value()).startsWith(chunk);
        assertThat(c.record().state()).asString(StandardCharsets.UTF_8).isEqualTo("written " + chunk);
        assertThat(c.seen()).containsExactly(new SeenEvent(9, 9, 9));
      });
      assertThat(plain.count()).isEqualTo(MultiRow.CHUNK);
    }
  }

  private static StoreBatch writeAndErase(String written, String erased) {
    List<StoreBatch.Write> writes = new ArrayList<>();
    for (String key : keys(written)) {
      writes.add(StoreContract.write(key, 1, "written " + written, List.of(new SeenEvent(9, 9, 9))));
    }
    return new StoreBatch(writes, ids(keys(erased)), List.of(), Optional.empty(), false);
  }

  /**
   * Writes the two batches at once through two stores over the plain store's pool, each pausing
   * after its first customer statement until the other has done the same or waits for a lock,
   * and checks that both writes were stored.
   */
  private static void cross(String url, Waiting waiting, JdbcStore plain, StoreBatch first, StoreBatch second)
      throws Exception {
    Crossing crossing = new Crossing(url, waiting);
    JdbcStore one = JdbcStore.builder().dataSource(crossing.pausing(plain.dataSource())).name("one").build();
    JdbcStore other = JdbcStore.builder().dataSource(crossing.pausing(plain.dataSource())).name("other").build();
    crossing.armed.set(true);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> firstWrite = threads.submit(() -> crossing.write(one, first));
      Future<?> secondWrite = threads.submit(() -> crossing.write(other, second));

      assertThat(List.of(outcome(firstWrite), outcome(secondWrite))).containsExactly("stored", "stored");
    } finally {
      threads.shutdownNow();
    }
  }

  private static String outcome(Future<?> write) throws Exception {
    try {
      write.get(2, TimeUnit.MINUTES);
      return "stored";
    } catch (ExecutionException e) {
      return e.getCause().toString();
    }
  }

  /** The pause both writes take after their first customer statement. */
  private static final class Crossing {
    private final String url;
    private final Waiting waiting;
    /** The threads of the two writes. */
    private final Set<Thread> writers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch arrived = new CountDownLatch(2);
    private final ThreadLocal<Boolean> paused = ThreadLocal.withInitial(() -> false);

    Crossing(String url, Waiting waiting) {
      this.url = url;
      this.waiting = waiting;
    }

    void write(JdbcStore store, StoreBatch batch) {
      writers.add(Thread.currentThread());
      store.write(batch);
    }

    /**
     * Waits until the other write has arrived here too, or waits for a lock (one this write holds,
     * as nothing else writes). Never longer than a minute: the test fails then.
     */
    void pause() throws SQLException, InterruptedException {
      if (!armed.get() || paused.get()) {
        return;
      }
      paused.set(true);
      arrived.countDown();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      try (Connection monitor = DriverManager.getConnection(url)) {
        while (!arrived.await(10, TimeUnit.MILLISECONDS)) {
          if (waiting.anyWaits(monitor, writers)) {
            return;
          }
          if (Instant.now().isAfter(deadline)) {
            throw new AssertionError("the other write neither arrived nor waited for a lock");
          }
        }
      }
    }

    /** The data source, whose customer upserts pause after they executed. */
    DataSource pausing(DataSource real) {
      return proxy(DataSource.class, real, (method, args, result) ->
          result instanceof Connection c ? proxy(Connection.class, c, this::statement) : result);
    }

    private Object statement(Method method, Object[] args, Object result) {
      if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
          && ((String) args[0]).matches("(MERGE|INSERT) INTO clm_customer .*")) {
        return proxy(PreparedStatement.class, ps, (m, a, r) -> {
          if (m.getName().equals("executeUpdate")) {
            pause();
          }
          return r;
        });
      }
      return result;
    }
  }

  /** Whether a write waits for a lock, seen from a connection of the database, or from the writing threads. */
  @FunctionalInterface
  private interface Waiting {
    boolean anyWaits(Connection monitor, Set<Thread> writers) throws SQLException;
  }

  /** What a proxy does with a result of the real object. */
  @FunctionalInterface
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object real, After after) {
    InvocationHandler handler = (self, method, args) -> {
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return (T) Proxy.newProxyInstance(LockOrderTest.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** One statement's worth of keys with a prefix, in key order. */
  private static List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < MultiRow.CHUNK; i++) {
      keys.add(prefix + String.format("%03d", i));
    }
    return keys;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<CustomerId> ids(List<String> keys) {
    return keys.stream().map(CustomerId::of).toList();
  }
}
