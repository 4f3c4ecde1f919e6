package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of schema version 3 (one row per seen event) opened by this code: the events move to
 * the packed table in their order, the old table is dropped, and later writes append after them.
 */
class SeenEventsUpgradeTest {
  @TempDir Path dir;

  @Test
  void onH2SeenEventsStoredByVersionThreeLoadInTheirOrderAfterTheUpgrade() throws SQLException {
    upgradeFromVersionThree(Databases.h2(dir));
  }

  @Test
  void onPostgresSeenEventsStoredByVersionThreeLoadInTheirOrderAfterTheUpgrade() throws SQLException {
    upgradeFromVersionThree(Databases.postgresDatabase());
  }

  @Test
  void onH2TheEventsOfMoreCustomersThanOneBatchOfRowsAllMove() throws SQLException {
    manyCustomersFromVersionThree(Databases.h2(dir));
  }

  @Test
  void onPostgresTheEventsOfMoreCustomersThanOneBatchOfRowsAllMove() throws SQLException {
    manyCustomersFromVersionThree(Databases.postgresDatabase());
  }

  @Test
  void onH2ACustomersEventsArePackedAtMostOneRowsWorthToARowInTheirOrder() throws SQLException {
    String url = Databases.h2(dir);
    migrateToVersionThree(url);
    int row = SeenEventsMigration.ROW;
    // customers A to D: one event fewer than a row holds, exactly a row, one more, exactly two rows
    int[] counts = {row - 1, row, row + 1, 2 * row};
    Map<String, List<SeenEvent>> expected = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement customer = c.prepareStatement("INSERT INTO clm_customer (customer_key, due_at, record) VALUES (?, 5, ?)");
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO clm_seen_event (customer_key, id_fingerprint, content_fingerprint, event_at) VALUES (?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int k = 0; k < counts.length; k++) {
        String key = "C-" + (char) ('A' + k);
        customer.setString(1, key);
        customer.setBytes(2, key.getBytes(StandardCharsets.UTF_8));
        customer.executeUpdate();
        for (int i = 0; i < counts[k]; i++) {
          addSeen(ps, key, new SeenEvent(k + 1, i, 1_767_600_000_000L - i), expected);
        }
      }
      ps.executeBatch();
      c.commit();
    }

    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      Map<String, List<SeenEvent>> moved = seenByCustomer(store);
      assertThat(moved).isEqualTo(expected);
      List<String> rows = new ArrayList<>();
      try (Connection c = store.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT customer_key, event_count FROM clm_seen_batch ORDER BY seq");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + ":" + rs.getInt(2));
        }
        c.rollback();
      }
      assertThat(rows).containsExactly("C-A:999", "C-B:1000", "C-C:1000", "C-C:1", "C-D:1000", "C-D:1000");
    }
  }

  private static void migrateToVersionThree(String url) {
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(Schema.LOCATION)
        .table(Schema.HISTORY_TABLE)
        .target("3")
        .load()
        .migrate();
  }

  /**
   * Two and a half times as many customers as the migration writes rows per round trip, with one
   * to three events each, the rows in the order of the events' arrival: every customer's events
   * arrive whole and in order, none lost at the boundaries of the migration's batches.
   */
  private static void manyCustomersFromVersionThree(String url) throws SQLException {
    migrateToVersionThree(url);
    int customers = CustomerTables.PAGE * 5 / 2;
    Map<String, List<SeenEvent>> expected = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement customer = c.prepareStatement("INSERT INTO clm_customer (customer_key, due_at, record) VALUES (?, 5, ?)");
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO clm_seen_event (customer_key, id_fingerprint, content_fingerprint, event_at) VALUES (?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < customers; i++) {
        String key = String.format("C-%05d", i);
        customer.setString(1, key);
        customer.setBytes(2, key.getBytes(StandardCharsets.UTF_8));
        customer.addBatch();
      }
      customer.executeBatch();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < customers; i++) {
          if (round > i % 3) {
            continue;
          }
          String key = String.format("C-%05d", i);
          addSeen(ps, key, new SeenEvent(i * 10L + round + 1, -i, 1_767_600_000_000L + round), expected);
        }
      }
      ps.executeBatch();
      c.commit();
    }

    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      Map<String, List<SeenEvent>> moved = seenByCustomer(store);
      assertThat(moved).hasSize(customers).isEqualTo(expected);
      // 834 customers with one event, 833 with two and 833 with three
      assertThat(moved.values().stream().mapToInt(List::size).sum()).isEqualTo(4_999);
    }
  }

  private static void upgradeFromVersionThree(String url) throws SQLException {
    migrateToVersionThree(url);
    // Two customers, their rows interleaved as a feed would write them; more events for C-2 than
    // the migration packs into one row (1716 of 2003; 287 for C-1).
    Map<String, List<SeenEvent>> expected = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement customer = c.prepareStatement("INSERT INTO clm_customer (customer_key, due_at, record) VALUES (?, 5, ?)");
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO clm_seen_event (customer_key, id_fingerprint, content_fingerprint, event_at) VALUES (?, ?, ?, ?)")) {
      for (String key : List.of("C-1", "C-2")) {
        customer.setString(1, key);
        customer.setBytes(2, key.getBytes(StandardCharsets.UTF_8));
        customer.executeUpdate();
      }
      int total = 2 * SeenEventsMigration.ROW + 3;
      for (int i = 0; i < total; i++) {
        String key = i % 7 == 0 ? "C-1" : "C-2";
        addSeen(ps, key, new SeenEvent(1_000_000L + i, -i, 1_767_600_000_000L + i), expected);
      }
      ps.executeBatch();
    }

    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      assertThat(store.load(CustomerId.of("C-1")).orElseThrow().seen()).containsExactlyElementsOf(expected.get("C-1"));
      assertThat(store.load(CustomerId.of("C-2")).orElseThrow().seen()).containsExactlyElementsOf(expected.get("C-2"));
      assertThatThrownBy(() -> CrashRestartContract.single(store, "SELECT COUNT(*) FROM clm_seen_event"))
          .isInstanceOf(SQLException.class);

      SeenEvent later = new SeenEvent(7, 7, 1_767_700_000_000L);
      store.write(StoreBatch.of(List.of(new StoreBatch.Write(
          new CustomerRecord(CustomerId.of("C-1"), 9, "b".getBytes(StandardCharsets.UTF_8)), List.of(later), List.of()))));
      List<SeenEvent> c1 = new ArrayList<>(expected.get("C-1"));
      c1.add(later);
      List<StoredCustomer> scanned = new ArrayList<>();
      store.scan(scanned::add);
      assertThat(scanned).hasSize(2);
      assertThat(scanned.get(0).seen()).containsExactlyElementsOf(c1);
      assertThat(scanned.get(1).seen()).containsExactlyElementsOf(expected.get("C-2"));
    }
  }

  /** Adds a version-three seen-event row to the batch, and the event to what the migration must move. */
  private static void addSeen(PreparedStatement ps, String key, SeenEvent e, Map<String, List<SeenEvent>> expected)
      throws SQLException {
    ps.setString(1, key);
    ps.setLong(2, e.id());
    ps.setLong(3, e.content());
    ps.setLong(4, e.at());
    ps.addBatch();
    expected.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
  }

  /** Every customer's seen events, as the migrated store hands them back. */
  private static Map<String, List<SeenEvent>> seenByCustomer(JdbcStore store) {
    Map<String, List<SeenEvent>> seen = new TreeMap<>();
    store.scan(stored -> seen.put(stored.record().customer().value(), stored.seen()));
    return seen;
  }
}
