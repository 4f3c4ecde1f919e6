package io.clm.store.jdbc;

import static io.clm.store.jdbc.EngineOverJdbcStoreTest.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.ErasureKeyException;
import io.clm.api.LifecycleEngine;
import io.clm.api.UnknownCustomerException;
import io.clm.api.spi.Tombstone;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed tombstones in the JDBC store, and the salted ones of a database written before them. */
class KeyedTombstonesTest {
  @TempDir Path dir;

  private static CustomerIdMask mask(int first) {
    byte[] key = new byte[CustomerIdMask.MIN_KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return CustomerIdMask.withKey(key);
  }

  private static LifecycleEngine engine(JdbcStore store, CustomerIdMask mask) {
    return Clm.builder().model("banking-six-stage").currency("EUR").idMask(mask).store(store).build();
  }

  @Test
  void aDatabaseOfSchemaVersionTwoKeepsItsSaltedTombstonesAfterTheUpgrade() throws SQLException {
    String url = Databases.h2(dir);
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(Schema.LOCATION)
        .table(Schema.HISTORY_TABLE)
        .target("2")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO clm_tombstone (salt, fingerprint, stage) VALUES (7, 42, 'growth')");
    }
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      assertThat(store.tombstones()).containsExactly(new Tombstone(Tombstone.Scheme.SALTED, 7, 42, "growth"));
    }
  }

  @Test
  void anEngineRestartedOverTheStoreRemembersErasuresOnlyWithItsKey() {
    String url = Databases.h2(dir);
    CustomerId erased = CustomerId.of("C-1001");
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      LifecycleEngine engine = engine(store, mask(0));
      engine.ingest(credit("posting-1", erased, "2026-01-05T10:00:00Z"));
      engine.erase(erased);
      // HMAC-SHA256 under key bytes 0..31, checked independently (see CustomerIdMaskTest).
      assertThat(store.tombstones())
          .extracting(Tombstone::scheme, Tombstone::check, Tombstone::fingerprint)
          .containsExactly(tuple(
              Tombstone.Scheme.KEYED, 0x4f263db1bd4963afL, 0x3e340c51674eff1aL));
    }
    try (JdbcStore store = JdbcStore.builder().url(url).build()) {
      LifecycleEngine restarted = engine(store, mask(0));
      assertThatThrownBy(() -> restarted.ingest(credit("posting-2", erased, "2026-01-06T10:00:00Z")))
          .isInstanceOf(UnknownCustomerException.class)
          .hasMessage("customer " + erased.masked() + " was erased");
      assertThatThrownBy(() -> engine(store, mask(1)))
          .isExactlyInstanceOf(ErasureKeyException.class)
          .hasMessageStartingWith("the customer store holds erased customers' fingerprints taken under another key");
      assertThat(store.tombstones()).hasSize(1);
    }
  }
}
