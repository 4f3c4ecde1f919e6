package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.StoreFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's position is stored exactly as given, whatever its characters and up to 1,048,576 of
 * them, on H2 and on PostgreSQL; a longer one is refused before anything is written; a position
 * stored by schema version 5 reads back the same after the upgrade.
 */
class StreamPositionTest {
  /** A position longer than the 4096 characters of schema version 1's column. */
  private static final String LONG = "orders-0@1234567;".repeat(400);
  /** NUL, which PostgreSQL text cannot hold; a lone surrogate; a pair; the line separator. */
  private static final String ODD = "a\u0000b\uD800c\uD83D\uDE00d\u2028e\uDC00";

  @TempDir Path dir;

  @Test
  void onH2EveryPositionRoundTrips() {
    roundTrips(Databases.h2(dir));
  }

  @Test
  void onPostgresEveryPositionRoundTrips() {
    roundTrips(Databases.postgresDatabase());
  }

  @Test
  void onH2APositionLongerThanTheLimitIsRefusedBeforeAnythingIsWritten() {
    refusesTooLong(Databases.h2(dir));
  }

  @Test
  void onPostgresAPositionLongerThanTheLimitIsRefusedBeforeAnythingIsWritten() {
    refusesTooLong(Databases.postgresDatabase());
  }

  @Test
  void onH2APositionStoredByVersionFiveReadsTheSameAfterTheUpgrade() throws SQLException {
    upgradesFromVersionFive(Databases.h2(dir));
  }

  @Test
  void onPostgresAPositionStoredByVersionFiveReadsTheSameAfterTheUpgrade() throws SQLException {
    upgradesFromVersionFive(Databases.postgresDatabase());
  }

  private static void roundTrips(String url) {
    String longest = "x".repeat(1_048_576);
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      for (String position : List.of(LONG, ODD, "\u0000", longest, "p")) {
        store.write(StoreContract.batch(Optional.of(position), StoreContract.write("C-1", 1, "a", List.of())));
        assertThat(store.position()).as("a position of %s characters", position.length()).contains(position);
      }
    }
    try (JdbcStore reopened = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      assertThat(reopened.position()).contains("p");
    }
  }

  @Test
  void onH2ADatabaseOfVersionFiveWithoutAPositionHasNoneAfterTheUpgrade() throws SQLException {
    String url = Databases.h2(dir);
    migrateToVersionFive(url);
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      assertThat(store.position()).isEmpty();
      holdsOnlyTheBytesColumn(store);
      store.write(StoreContract.batch(Optional.of(ODD), StoreContract.write("C-1", 1, "a", List.of())));
      assertThat(store.position()).contains(ODD);
    }
  }

  /** The text column of version 5 is gone, and the column of bytes refuses a row without a position. */
  private static void holdsOnlyTheBytesColumn(JdbcStore store) throws SQLException {
    for (String statement : List.of("SELECT stream_position FROM clm_position",
        "INSERT INTO clm_position (id, stream_position_utf16) VALUES (2, NULL)")) {
      try (Connection c = store.dataSource().getConnection()) {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
          assertThatThrownBy(ps::execute).as(statement).isInstanceOf(SQLException.class);
        } catch (SQLException refusedAtPrepare) {
          // H2 checks the columns when it prepares the statement
        }
        c.rollback();
      }
    }
  }

  private static void migrateToVersionFive(String url) {
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(Schema.LOCATION)
        .javaMigrations(new SeenEventsMigration())
        .table(Schema.HISTORY_TABLE)
        .target("5")
        .load()
        .migrate();
  }

  private static void refusesTooLong(String url) {
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      store.write(StoreContract.batch(Optional.of("p1"), StoreContract.write("C-1", 1, "a", List.of())));
      String tooLong = "y".repeat(1_048_577);

      assertThatThrownBy(() -> store.write(StoreContract.batch(Optional.of(tooLong),
              StoreContract.write("C-1", 2, "b", List.of()), StoreContract.write("C-2", 2, "b", List.of()))))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessage("store " + store.id() + " could not write a batch of 2 customers: position"
              + " 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'... (1048577 characters) is longer than the 1048576 characters"
              + " a position may have; nothing of the batch was written")
          .hasNoCause()
          .extracting(e -> ((JdbcStoreException) e).kind())
          .isEqualTo(StoreFailure.REFUSED);

      assertThat(store.position()).contains("p1");
      assertThat(store.load(StoreContract.id("C-1")).orElseThrow().record().dueAt()).isEqualTo(1);
      assertThat(store.load(StoreContract.id("C-2"))).isEmpty();
    }
  }

  private static void upgradesFromVersionFive(String url) throws SQLException {
    migrateToVersionFive(url);
    // The longest position version 5 could hold, with characters outside ASCII and a surrogate pair.
    String stored = ("é€\uD83D\uDE00" + "topic-7@99;").repeat(273) + "z";
    assertThat(stored).hasSize(4096);
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("INSERT INTO clm_position (id, stream_position) VALUES (1, ?)")) {
      ps.setString(1, stored);
      ps.executeUpdate();
    }

    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      assertThat(store.position()).contains(stored);
      holdsOnlyTheBytesColumn(store);

      store.write(StoreContract.batch(Optional.of(LONG + ODD), StoreContract.write("C-1", 1, "a", List.of())));
      assertThat(store.position()).contains(LONG + ODD);
    }
  }
}
