package io.clm.benchmarks.store;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import io.clm.store.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A timed harness for restarting an engine over a large store, not JMH: fills an H2 file and a
 * PostgreSQL database (embedded binaries, started here) with one transaction per customer, spread
 * over 100 days, brings the database's statistics up to date ({@code ANALYZE}), then restarts an
 * engine over three copies of each: keeping every customer in memory, keeping at most a bound of
 * them ({@code customersInMemory}), and the same bound over a store that reads customers back one
 * at a time instead of with {@code loadAll}. It times the build, the
 * first {@code ingest}, the first {@code advanceTo} at the instant when 1 % of the customers are
 * due and the first {@code customerCount}, with the heap the engine holds after each.
 *
 * <p>Arguments: customers (default 1,000,000), the bound of the bounded restarts (10,000), the
 * databases ({@code h2,postgresql}).
 */
public final class RestartTimings {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final int BATCH = 10_000;

  private RestartTimings() {}

  /**
   * Runs the measurements and prints them.
   *
   * @param args customers, the bound, the databases
   * @throws IOException if a temporary directory or PostgreSQL cannot be created
   */
  public static void main(String[] args) throws IOException {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int bound = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    String databases = args.length > 2 ? args[2] : "h2,postgresql";
    System.out.printf("%,d customers, one transaction each over 100 days; bounded restart keeps %,d%n", customers, bound);
    if (databases.contains("h2")) {
      Path dir = Files.createTempDirectory("clm-restart-timings");
      String url = "jdbc:h2:" + dir.resolve("clm").toAbsolutePath();
      Instant dueAt = fill("h2 file", url, customers);
      Files.copy(dir.resolve("clm.mv.db"), dir.resolve("copy.mv.db"));
      Files.copy(dir.resolve("clm.mv.db"), dir.resolve("copy2.mv.db"));
      restarts("h2 file", url, "jdbc:h2:" + dir.resolve("copy").toAbsolutePath(),
          "jdbc:h2:" + dir.resolve("copy2").toAbsolutePath(), bound, dueAt);
    }
    if (databases.contains("postgresql")) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
        execute(postgres, "CREATE DATABASE clm_restart");
        Instant dueAt = fill("postgresql", postgres.getJdbcUrl("postgres", "clm_restart"), customers);
        execute(postgres, "CREATE DATABASE clm_copy TEMPLATE clm_restart");
        execute(postgres, "CREATE DATABASE clm_copy2 TEMPLATE clm_restart");
        restarts("postgresql", postgres.getJdbcUrl("postgres", "clm_restart"), postgres.getJdbcUrl("postgres", "clm_copy"),
            postgres.getJdbcUrl("postgres", "clm_copy2"), bound, dueAt);
      }
    }
  }

  private static void execute(EmbeddedPostgres postgres, String sql) throws IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /**
   * Restarts over three copies of one filled database: every customer in memory, the bound, and
   * the bound over a store that reads customers back one at a time (the SPI's default {@code
   * loadAll}).
   */
  private static void restarts(String name, String url, String copy, String copy2, int bound, Instant dueAt) {
    restart(name + ", every customer in memory", url, builder(), dueAt, false);
    restart(name + ", at most " + bound + " in memory", copy, builder().customersInMemory(bound), dueAt, false);
    restart(name + ", at most " + bound + " in memory, one load per customer", copy2,
        builder().customersInMemory(bound), dueAt, true);
  }

  private static Clm.Builder builder() {
    return Clm.builder().model("banking-six-stage").currency("EUR");
  }

  private static Event transaction(int i) {
    return new Transaction("p-" + i, CustomerId.of(String.format("C-%08d", i)),
        T0.plus(Duration.ofDays(i % 100)).plusMillis(i / 100), Direction.CREDIT, Money.of("25.00", "EUR"),
        ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  /** Fills the database; returns the instant at which 1 % of its customers are due. */
  private static Instant fill(String name, String url, int customers) {
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      LifecycleEngine engine = builder().store(store).build();
      long t0 = System.nanoTime();
      List<Event> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < customers; i++) {
        batch.add(transaction(i));
        if (batch.size() == BATCH || i == customers - 1) {
          engine.ingestAll(batch);
          batch.clear();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%s: filled with %,d customers in %.1f s (%,.0f customers/s)%n",
          name, customers, seconds, customers / seconds);
      // what PostgreSQL's autovacuum does within a minute of a bulk load: without current
      // statistics its planner reads whole tables for loadAll's key lists instead of the indexes
      try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      } catch (SQLException e) {
        throw new UncheckedIOException(new IOException("cannot analyze " + name, e));
      }
      return Instant.ofEpochMilli(percentile(store, customers / 100));
    }
  }

  /** The due instant of the {@code k}-th customer in due order: at it, k + 1 customers are due. */
  private static long percentile(JdbcStore store, int k) {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT due_at FROM clm_customer ORDER BY due_at LIMIT 1 OFFSET ?")) {
      ps.setInt(1, k);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot read the due instants", e));
    }
  }

  /** A store that reads customers back one at a time: the SPI's default {@code loadAll}. */
  private static final class OneByOne implements CustomerStore {
    private final CustomerStore store;

    OneByOne(CustomerStore store) {
      this.store = store;
    }

    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      return store.load(customer);
    }

    @Override
    public void scan(Consumer<StoredCustomer> action) {
      store.scan(action);
    }

    @Override
    public void scanDue(long epochMillis, Consumer<CustomerId> action) {
      store.scanDue(epochMillis, action);
    }

    @Override
    public List<Tombstone> tombstones() {
      return store.tombstones();
    }

    @Override
    public Optional<String> position() {
      return store.position();
    }

    @Override
    public void write(StoreBatch batch) {
      store.write(batch);
    }
  }

  private static long heap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static void restart(String name, String url, Clm.Builder builder, Instant dueAt, boolean oneByOne) {
    long heapBefore = heap();
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      long t0 = System.nanoTime();
      LifecycleEngine engine = builder.store(oneByOne ? new OneByOne(store) : store).build();
      long built = System.nanoTime();
      long heapBuilt = heap();
      long t1 = System.nanoTime();
      engine.ingest(StoreTimings.freshEvent(transaction(0)));
      long ingested = System.nanoTime();
      int moved = engine.advanceTo(dueAt).size();
      long advanced = System.nanoTime();
      long heapAdvanced = heap();
      long t2 = System.nanoTime();
      long count = engine.customerCount();
      long counted = System.nanoTime();
      long heapCounted = heap();
      System.out.printf("%s: build %.2f s, first ingest %.3f s, first advanceTo %.2f s (%,d stage changes),"
              + " first customerCount %.2f s (%,d); heap held after the build %,d MB, after advanceTo %,d MB,"
              + " after the count %,d MB%n",
          name, (built - t0) / 1e9, (ingested - t1) / 1e9, (advanced - ingested) / 1e9, moved, (counted - t2) / 1e9,
          count, (heapBuilt - heapBefore) >> 20, (heapAdvanced - heapBefore) >> 20, (heapCounted - heapBefore) >> 20);
    }
  }
}
