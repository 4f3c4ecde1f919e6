package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database the store supports must do; one subclass per database. */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  String url;
  JdbcStore store;

  /** A URL of a new, empty database. */
  abstract String newDatabaseUrl();

  @BeforeEach
  void open() {
    url = newDatabaseUrl();
    store = JdbcStore.builder().url(url).maximumPoolSize(2).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static CustomerRecordStore.Write write(String key, String record, Instant due, long[] seen, String... history) {
    List<byte[]> entries = new ArrayList<>();
    for (String h : history) {
      entries.add(bytes(h));
    }
    return new CustomerRecordStore.Write(
        new CustomerRecordStore.Row(key, bytes(record), Optional.ofNullable(due)), seen, entries);
  }

  static CustomerRecordStore.Batch batch(OptionalLong position, CustomerRecordStore.Write... writes) {
    return new CustomerRecordStore.Batch(List.of(writes), position);
  }

  void sql(String statement) {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEmptyStoreHoldsNothing() {
    assertThat(store.load("C-1")).isEmpty();
    assertThat(store.count()).isZero();
    assertThat(store.position()).isEmpty();
    assertThat(store.history("C-1")).isEmpty();
    assertThat(store.erasedPerStage()).isEmpty();
    List<String> scanned = new ArrayList<>();
    store.scan(r -> scanned.add(r.customerKey()));
    assertThat(scanned).isEmpty();
  }

  @Test
  void aSavedCustomerLoadsAsItWasSaved() {
    store.save(batch(OptionalLong.empty(), write("C-1", "state-1", T0.plusNanos(1_234_567), new long[] {7, -3, 5})));

    CustomerRecordStore.Stored stored = store.load("C-1").orElseThrow();
    assertThat(stored.row().record()).isEqualTo(bytes("state-1"));
    // Due instants are kept to the microsecond.
    assertThat(stored.row().due()).contains(T0.plusNanos(1_234_000));
    assertThat(stored.seen()).containsExactly(-3, 5, 7);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aSaveReplacesTheRecordAndAppendsSeenIdsAndHistory() {
    store.save(batch(OptionalLong.empty(), write("C-1", "state-1", T0, new long[] {1, 2}, "h1")));
    store.save(batch(OptionalLong.empty(), write("C-1", "state-2", null, new long[] {3}, "h2", "h3")));
    store.save(batch(OptionalLong.empty(), write("C-1", "state-3", T0, new long[] {})));

    CustomerRecordStore.Stored stored = store.load("C-1").orElseThrow();
    assertThat(stored.row().record()).isEqualTo(bytes("state-3"));
    assertThat(stored.seen()).containsExactly(1, 2, 3);
    assertThat(store.history("C-1")).containsExactly(bytes("h1"), bytes("h2"), bytes("h3"));
  }

  @Test
  void aBatchAndItsPositionAreStoredTogether() {
    store.save(batch(OptionalLong.of(1000), write("C-1", "a", T0, new long[] {1}), write("C-2", "b", null, new long[] {2})));
    assertThat(store.position()).hasValue(1000);
    store.save(batch(OptionalLong.of(2000), write("C-1", "a2", T0, new long[] {3})));
    assertThat(store.position()).hasValue(2000);
    store.save(batch(OptionalLong.empty(), write("C-3", "c", T0, new long[] {4})));
    assertThat(store.position()).hasValue(2000);
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  void aBatchThatFailsStoresNothingOfItself() {
    store.save(batch(OptionalLong.of(10), write("C-1", "a", T0, new long[] {1}, "h1")));

    // C-1's fingerprint 1 is already stored: the database refuses the second insert.
    assertThatThrownBy(() -> store.save(batch(OptionalLong.of(20),
            write("C-2", "b", T0, new long[] {2}, "h2"), write("C-1", "a2", T0, new long[] {1}, "h3"))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store " + store.id() + " could not save a batch of 2 customers: the database refused the write")
        .satisfies(e -> {
          JdbcStoreException j = (JdbcStoreException) e;
          assertThat(j.kind()).isEqualTo(JdbcStoreException.Kind.REFUSED);
          assertThat(j.operation()).isEqualTo("save a batch of 2 customers");
          assertThat(j.store()).isEqualTo(store.id());
        });

    assertThat(store.load("C-2")).isEmpty();
    assertThat(store.load("C-1").orElseThrow().row().record()).isEqualTo(bytes("a"));
    assertThat(store.history("C-1")).containsExactly(bytes("h1"));
    assertThat(store.position()).hasValue(10);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aWriteTheDatabaseRefusesIsATypedErrorAndStoresNothing() {
    sql("ALTER TABLE clm_customer ADD CONSTRAINT clm_small_record CHECK (OCTET_LENGTH(record) <= 8)");

    assertThatThrownBy(() -> store.save(batch(OptionalLong.of(5),
            write("C-1", "small", T0, new long[] {1}), write("C-2", "far too large a record", T0, new long[] {2}))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("could not save a batch of 2 customers: the database refused the write");

    assertThat(store.count()).isZero();
    assertThat(store.position()).isEmpty();
  }

  @Test
  void onlyTheDueCustomersAreFoundEarliestFirst() {
    store.save(batch(OptionalLong.empty(),
        write("C-late", "x", T0.plusSeconds(300), new long[] {}),
        write("C-never", "x", null, new long[] {}),
        write("C-early", "x", T0.plusSeconds(100), new long[] {}),
        write("C-exact", "x", T0.plusSeconds(200), new long[] {})));

    List<String> due = new ArrayList<>();
    store.forEachDue(T0.plusSeconds(200), r -> due.add(r.customerKey()));
    assertThat(due).containsExactly("C-early", "C-exact");

    List<String> none = new ArrayList<>();
    store.forEachDue(T0, r -> none.add(r.customerKey()));
    assertThat(none).isEmpty();
  }

  @Test
  void aScanVisitsEveryCustomerInKeyOrder() {
    store.save(batch(OptionalLong.empty(), write("C-3", "c", null, new long[] {}), write("C-1", "a", T0, new long[] {})));
    store.save(batch(OptionalLong.empty(), write("C-2", "b", null, new long[] {})));

    List<String> keys = new ArrayList<>();
    List<String> records = new ArrayList<>();
    store.scan(r -> {
      keys.add(r.customerKey());
      records.add(new String(r.record(), StandardCharsets.UTF_8));
    });
    assertThat(keys).containsExactly("C-1", "C-2", "C-3");
    assertThat(records).containsExactly("a", "b", "c");
  }

  @Test
  void erasureRemovesPersonalDataAndKeepsTheAggregate() {
    store.save(batch(OptionalLong.empty(), write("C-1", "a", T0, new long[] {1, 2}, "h1", "h2"), write("C-2", "b", T0, new long[] {3})));

    int removed = store.erase("C-1", new CustomerRecordStore.ErasureMark(42L, "growth", T0));

    assertThat(removed).isEqualTo(2);
    assertThat(store.load("C-1")).isEmpty();
    assertThat(store.history("C-1")).isEmpty();
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.isErased(42L)).isTrue();
    assertThat(store.isErased(43L)).isFalse();
    assertThat(store.erasedPerStage()).isEqualTo(Map.of("growth", 1L));
    List<String> due = new ArrayList<>();
    store.forEachDue(T0, r -> due.add(r.customerKey()));
    assertThat(due).containsExactly("C-2");
    // Nothing with the customer's key is left in any table.
    assertThat(rowsMentioning("C-1")).isZero();
  }

  long rowsMentioning(String key) {
    long n = 0;
    for (String table : List.of("clm_customer", "clm_seen_event", "clm_history")) {
      try (Connection c = store.dataSource().getConnection();
          var ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE customer_key = ?")) {
        ps.setString(1, key);
        try (var rs = ps.executeQuery()) {
          rs.next();
          n += rs.getLong(1);
        }
        c.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return n;
  }

  @Test
  void stateSurvivesClosingAndReopening() {
    store.save(batch(OptionalLong.of(77), write("C-1", "a", T0, new long[] {9}, "h1")));
    store.close();

    store = JdbcStore.builder().url(url).build();

    assertThat(store.load("C-1").orElseThrow().seen()).containsExactly(9);
    assertThat(store.history("C-1")).containsExactly(bytes("h1"));
    assertThat(store.position()).hasValue(77);
  }

  @Test
  void aSchemaNewerThanTheCodeIsRefusedAtStart() {
    store.close();
    JdbcStore.builder().url(url).extraMigrations("classpath:db/future").build().close();

    assertThatThrownBy(() -> JdbcStore.builder().url(url).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessage("store " + Urls.withoutCredentials(url) + " could not open its schema: the database's schema is at"
            + " version 2, newer than version 1 that this clm-store-jdbc knows; open it with the clm version that"
            + " wrote it or a later one")
        .extracting(e -> ((JdbcStoreException) e).kind())
        .isEqualTo(JdbcStoreException.Kind.SCHEMA);
    store = JdbcStore.builder().url(url).extraMigrations("classpath:db/future").build();
  }

  @Test
  void aFailedMigrationIsNeverLeftHalfAppliedAndSilent() {
    store.close();
    assertThatThrownBy(() -> JdbcStore.builder().url(url).extraMigrations("classpath:db/broken").build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store " + Urls.withoutCredentials(url) + " could not migrate its schema: migration failed");
    afterFailedMigration();
  }

  /** What the database shows after a migration failed half-way: see each subclass. */
  abstract void afterFailedMigration();

  @Test
  void theCallersDataSourceIsUsedAndNotClosed() {
    store.close();
    try (JdbcStore pool = JdbcStore.builder().url(url).build()) {
      JdbcStore borrowed = JdbcStore.builder().dataSource(pool.dataSource()).name("bank-pool").build();
      borrowed.save(batch(OptionalLong.of(3), write("C-1", "a", T0, new long[] {1})));
      borrowed.close();
      assertThat(borrowed.id()).isEqualTo("bank-pool");
      assertThat(pool.load("C-1")).isPresent();
      assertThat(pool.position()).hasValue(3);
    }
    store = JdbcStore.builder().url(url).build();
  }
}
