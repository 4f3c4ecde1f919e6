package io.clm.store.jdbc;

import io.clm.api.spi.SeenEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 5: moves the seen events stored one row per event (versions 1 to 4, table
 * {@code clm_seen_event}) into {@code clm_seen_batch} (version 4), in their order, and drops the
 * old table. Written in Java because packing the events into bytes has no SQL common to H2 and
 * PostgreSQL. Flyway runs it in one transaction on PostgreSQL; H2 commits the final {@code DROP}
 * at once, after the copy.
 */
final class SeenEventsMigration extends JavaSchemaStep {
  /** Most events per packed row the migration writes. */
  static final int ROW = 1_000;

  SeenEventsMigration() {
    super(5, "move seen events to clm_seen_batch");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (PreparedStatement read = c.prepareStatement(
            "SELECT customer_key, id_fingerprint, content_fingerprint, event_at FROM clm_seen_event ORDER BY customer_key, seq");
        PreparedStatement write = c.prepareStatement(
            "INSERT INTO clm_seen_batch (customer_key, event_count, events) VALUES (?, ?, ?)")) {
      read.setFetchSize(CustomerTables.PAGE);
      String key = null;
      List<SeenEvent> events = new ArrayList<>();
      int pending = 0;
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          String next = rs.getString(1);
          if (key != null && (!key.equals(next) || events.size() == ROW)) {
            pending += add(write, key, events);
          }
          key = next;
          events.add(new SeenEvent(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
          if (pending >= CustomerTables.PAGE) {
            write.executeBatch();
            pending = 0;
          }
        }
      }
      if (key != null) {
        add(write, key, events);
      }
      write.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE clm_seen_event");
    }
  }

  private static int add(PreparedStatement write, String key, List<SeenEvent> events) throws SQLException {
    write.setString(1, key);
    write.setInt(2, events.size());
    write.setBytes(3, SeenEvents.pack(events));
    write.addBatch();
    events.clear();
    return 1;
  }
}
