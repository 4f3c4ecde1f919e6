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
import io.clm.benchmarks.workload.EventStream;
import io.clm.store.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A timed harness for the durable store, not JMH: ingests one generated feed in batches into an
 * engine in memory, over an H2 file and over PostgreSQL (embedded binaries, started here), then
 * restarts the engine over each database and times its build, its first ingest and its first
 * {@code advanceTo}, and measures the bytes the database holds per customer. The in-memory engine
 * runs in the same process and the same run, so the ratios are what to read on a shared machine.
 *
 * <p>Arguments: customers (default 100,000), events per customer (10), batch size (1,000).
 */
public final class StoreTimings {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private StoreTimings() {}

  /**
   * Runs the measurements and prints one line per backend.
   *
   * @param args customers, events per customer, batch size
   * @throws IOException if a temporary directory or PostgreSQL cannot be created
   * @throws SQLException if a database cannot be measured
   */
  public static void main(String[] args) throws IOException, SQLException {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int perCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    EventStream stream = EventStream.generate(customers, perCustomer, EventStream.SEED);
    List<Event> events = Arrays.asList(stream.events());
    System.out.printf("feed: %,d customers, %,d events, batches of %,d%n", customers, events.size(), batch);

    // one pass to compile the engine's hot paths before anything is timed
    ingest("warm-up, memory", engine(null), events, batch);
    double memory = ingest("memory", engine(null), events, batch);
    Path dir = Files.createTempDirectory("clm-store-timings");
    String h2 = "jdbc:h2:" + dir.resolve("clm").toAbsolutePath();
    double onH2 = measure("h2 file", h2, events, batch, memory);
    long h2Bytes = Files.size(dir.resolve("clm.mv.db"));
    System.out.printf("h2 file: %,d bytes on disk, %.0f bytes per customer%n", h2Bytes, (double) h2Bytes / customers);

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE clm_timings");
        s.execute("CREATE DATABASE clm_empty");
      }
      String pg = postgres.getJdbcUrl("postgres", "clm_timings");
      String empty = postgres.getJdbcUrl("postgres", "clm_empty");
      JdbcStore.builder().url(empty).build().close();
      double onPostgres = measure("postgresql", pg, events, batch, memory);
      long pgBytes = databaseSize(pg) - databaseSize(empty);
      System.out.printf("postgresql: %,d bytes above an empty migrated database, %.0f bytes per customer%n",
          pgBytes, (double) pgBytes / customers);
      System.out.printf("ratios to memory: h2 %.3f, postgresql %.3f%n", onH2 / memory, onPostgres / memory);
    }
  }

  private static LifecycleEngine engine(JdbcStore store) {
    Clm.Builder b = Clm.builder().model("banking-six-stage").currency("EUR");
    if (store != null) {
      b.store(store);
    }
    return b.build();
  }

  /** Ingests the feed in batches; returns events per second. */
  private static double ingest(String name, LifecycleEngine engine, List<Event> events, int batch) {
    long t0 = System.nanoTime();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    for (int from = 0; from < events.size(); from += batch) {
      engine.ingestAll(events.subList(from, Math.min(events.size(), from + batch)));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double rate = events.size() / seconds;
    // On a shared machine the calling thread's CPU time says what the wall clock cannot: for memory
    // and H2 (in the process) it is the work itself; for PostgreSQL only the client's part of it.
    System.out.printf("%s: ingestAll %,d events in %.1f s, %,.0f events/s; calling thread's CPU %.1f s, %,.0f events"
        + " per CPU second%n", name, events.size(), seconds, rate, cpu, events.size() / cpu);
    return rate;
  }

  /** Ingests into a database, then restarts an engine over it and times the first calls. */
  private static double measure(String name, String url, List<Event> events, int batch, double memory) {
    double rate;
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      rate = ingest(name, engine(store), events, batch);
    }
    System.out.printf("%s: %.3f of the in-memory rate%n", name, rate / memory);
    System.gc();
    long heapBefore = MEMORY.getHeapMemoryUsage().getUsed();
    long t0 = System.nanoTime();
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      LifecycleEngine engine = engine(store);
      long built = System.nanoTime();
      Event last = events.get(events.size() - 1);
      engine.ingest(freshEvent(last));
      long ingested = System.nanoTime();
      int moved = engine.advanceTo(last.at().plus(Duration.ofDays(1))).size();
      long advanced = System.nanoTime();
      System.gc();
      long heapAfter = MEMORY.getHeapMemoryUsage().getUsed();
      System.out.printf("%s restart over %,d customers: build %.2f s, first ingest %.3f s after, first advanceTo %.2f s"
              + " after that (%,d stage changes), heap held after restart %,d MB%n",
          name, store.count(), (built - t0) / 1e9, (ingested - built) / 1e9, (advanced - ingested) / 1e9, moved,
          (heapAfter - heapBefore) / (1 << 20));
    }
    return rate;
  }

  /** A credit for a customer the feed does not have, just after its last event. */
  static Event freshEvent(Event last) {
    return new Transaction("restart-probe", CustomerId.of("restart-probe"), last.at().plusSeconds(1), Direction.CREDIT,
        Money.of("10.00", "EUR"), ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  private static long databaseSize(String url) {
    try (JdbcStore store = JdbcStore.builder().url(url).build();
        Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot measure " + url, e));
    }
  }
}
