package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clm.api.CustomerId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection pool a store opens for a URL (docs/integration.md, "Pool"): its settings, that
 * the store closes it and no one else's, that a build that fails closes what it opened, and that a
 * failure inside a unit of work hands its connection back.
 */
class PoolTest {
  @TempDir Path dir;

  @Test
  void aStoreOnAUrlPoolsWithItsSettingsAndClosesThePoolWhenClosed() throws SQLException {
    String url = Databases.h2(dir);
    JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(3).build();
    HikariDataSource pool = (HikariDataSource) store.dataSource();
    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
    assertThat(pool.getPoolName()).isEqualTo("clm-store");
    assertThat(pool.isAutoCommit()).as("every unit of work is a transaction").isFalse();
    assertThat(pool.getConnectionTimeout()).as("waiting for a connection, millis").isEqualTo(5_000);
    assertThat(pool.getInitializationFailTimeout()).as("fail at once when the database is down").isEqualTo(1);
    // H2 may compact its file for up to 5 seconds when the store closes
    assertThat(pool.getDataSourceProperties()).containsEntry("MAX_COMPACT_TIME", "5000");
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).as("H2 writes a commit to its file at the commit").isEqualTo("0");
      c.rollback();
    }

    store.close();
    assertThat(pool.isClosed()).isTrue();
  }

  @Test
  void aUrlThatSetsTheCompactionTimeKeepsIt() {
    String url = Databases.h2(dir) + ";MAX_COMPACT_TIME=100";
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      assertThat(((HikariDataSource) store.dataSource()).getDataSourceProperties()).doesNotContainKey("MAX_COMPACT_TIME");
    }
  }

  @Test
  void theCallersOwnDataSourceIsNeverClosed() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Databases.h2(dir));
    try (HikariDataSource own = new HikariDataSource(config)) {
      JdbcStore store = JdbcStore.builder().dataSource(own).build();
      store.close();
      assertThat(own.isClosed()).isFalse();
    }
  }

  @Test
  void aBuildThatFailsAfterOpeningItsPoolClosesIt() throws SQLException {
    String url = Databases.h2(dir);
    JdbcStore.builder().url(url).extraMigrations("classpath:db/future").build().close();

    // the pool opens, then the schema, newer than the code, is refused
    assertThatThrownBy(() -> JdbcStore.builder().url(url).build()).isInstanceOf(JdbcStoreException.class);

    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).as("sessions open on the database, this one included").isEqualTo(1);
    }
  }

  @Test
  void anExceptionInsideAScanHandsTheConnectionBack() {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build()) {
      store.write(StoreContract.batch(Optional.empty(),
          StoreContract.write("C-1", 5, "a", List.of()), StoreContract.write("C-2", 6, "b", List.of())));
      IllegalStateException stop = new IllegalStateException("enough");
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> store.scan(c -> {
              throw stop;
            }))
            .isSameAs(stop);
      }
      assertThat(((HikariDataSource) store.dataSource()).getHikariPoolMXBean().getActiveConnections())
          .as("connections in use after the scans").isZero();
      assertThat(store.load(CustomerId.of("C-2"))).isPresent();
    }
  }

  @Test
  void eachSettingIsSetOnce() {
    JdbcDataSource h2 = new JdbcDataSource();
    assertThatThrownBy(() -> JdbcStore.builder().dataSource(h2).dataSource(h2))
        .isInstanceOf(IllegalStateException.class).hasMessage("dataSource was already set");
    assertThatThrownBy(() -> JdbcStore.builder().maximumPoolSize(2).maximumPoolSize(3))
        .isInstanceOf(IllegalStateException.class).hasMessage("maximumPoolSize was already set");
    assertThatThrownBy(() -> JdbcStore.builder().name("a").name("b"))
        .isInstanceOf(IllegalStateException.class).hasMessage("name was already set");
    assertThatThrownBy(() -> JdbcStore.builder().user("a").user("b"))
        .isInstanceOf(IllegalStateException.class).hasMessage("user was already set");
    assertThatThrownBy(() -> JdbcStore.builder().password("a").password("b"))
        .isInstanceOf(IllegalStateException.class).hasMessage("password was already set");
  }
}
