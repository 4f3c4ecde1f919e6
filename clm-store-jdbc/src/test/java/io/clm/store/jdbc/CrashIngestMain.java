package io.clm.store.jdbc;

import io.clm.api.LifecycleEngine;
import java.io.PrintStream;
import java.sql.SQLException;

/**
 * The process the crash test kills: the lifecycle engine over the JDBC store, ingesting the
 * generated feed in batches. It resumes from what the store recorded (one seen event per event
 * applied, so their count is the length of the committed prefix of the feed), a little before it,
 * so that the engine's idempotency has events to drop. It prints {@code resume N} when it starts
 * and {@code committed N} after every batch the engine stored.
 *
 * <p>Arguments: JDBC URL, number of events, number of customers, batch size.
 */
public final class CrashIngestMain {
  private CrashIngestMain() {}

  /**
   * Runs the ingest.
   *
   * @param args URL, events, customers, batch size
   * @throws SQLException if the store cannot be counted
   */
  public static void main(String[] args) throws SQLException {
    String url = args[0];
    long events = Long.parseLong(args[1]);
    FeedLog feed = new FeedLog(Integer.parseInt(args[2]));
    int batchSize = Integer.parseInt(args[3]);
    PrintStream out = System.out;
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      LifecycleEngine engine = FeedLog.engine(store);
      long stored = CrashRestartContract.single(store, "SELECT COALESCE(SUM(event_count), 0) FROM clm_seen_batch");
      out.println("resume " + stored);
      out.flush();
      // replay up to half a batch the store already holds: the engine must drop every one of them
      long position = Math.max(0, stored - batchSize / 2);
      while (position < events) {
        long to = Math.min(events, position + batchSize);
        engine.ingestAll(feed.events(position, to));
        position = to;
        out.println("committed " + position);
        out.flush();
      }
      out.println("done " + position);
      out.flush();
    }
  }
}
