package io.clm.store.jdbc;

import java.io.PrintStream;
import java.util.Map;

/**
 * The process the crash test kills: ingests the generated feed into a store from the position the
 * store recorded, in batches, and prints {@code resume N} when it starts and {@code committed N}
 * after every batch the database committed.
 *
 * <p>Arguments: JDBC URL, number of events, number of customers, batch size.
 */
public final class CrashIngestMain {
  private CrashIngestMain() {}

  /**
   * Runs the ingest.
   *
   * @param args URL, events, customers, batch size
   */
  public static void main(String[] args) {
    String url = args[0];
    long events = Long.parseLong(args[1]);
    FeedLog feed = new FeedLog(Integer.parseInt(args[2]));
    int batchSize = Integer.parseInt(args[3]);
    PrintStream out = System.out;
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      long position = store.position().map(Long::parseLong).orElse(0L);
      Map<String, FeedLog.State> states = FeedLog.states(store);
      out.println("resume " + position);
      out.flush();
      while (position < events) {
        long to = Math.min(events, position + batchSize);
        store.write(feed.batch(position, to, states));
        position = to;
        out.println("committed " + position);
        out.flush();
      }
      out.println("done " + position);
      out.flush();
    }
  }
}
