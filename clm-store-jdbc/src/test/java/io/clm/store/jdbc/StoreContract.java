package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does beyond the store contract of the test kit, on every database it
 * supports: failures, schema versions, durability, erasure in the tables, paging of scans. One
 * subclass per database.
 */
abstract class StoreContract {
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

  static CustomerId id(String key) {
    return CustomerId.of(key);
  }

  static StoreBatch.Write write(String key, long due, String state, List<SeenEvent> seen, HistoryEntry... history) {
    return new StoreBatch.Write(
        new CustomerRecord(id(key), due, state.getBytes(StandardCharsets.UTF_8)), seen, List.of(history));
  }

  static HistoryEntry entry(long sequence, String change) {
    return new HistoryEntry(sequence, change.getBytes(StandardCharsets.UTF_8));
  }

  static StoreBatch batch(Optional<String> position, StoreBatch.Write... writes) {
    return new StoreBatch(List.of(writes), List.of(), List.of(), position, false);
  }

  void sql(String statement) {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long rowsMentioning(String key) {
    long n = 0;
    for (String table : List.of("clm_customer", "clm_seen_batch", "clm_history")) {
      try (Connection c = store.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE customer_key = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
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
  void aBatchThatFailsStoresNothingOfItself() {
    store.write(batch(Optional.of("p10"), write("C-1", 5, "a", List.of(new SeenEvent(1, 1, 1)), entry(0, "h0"))));

    // C-1's history entry 0 is already stored: the database refuses to store it twice.
    assertThatThrownBy(() -> store.write(batch(Optional.of("p20"),
            write("C-2", 5, "b", List.of(new SeenEvent(2, 2, 2)), entry(0, "g0")),
            write("C-1", 5, "a2", List.of(new SeenEvent(3, 3, 3)), entry(0, "h0-again")))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store " + store.id() + " could not write a batch of 2 customers: the database refused it")
        .satisfies(e -> {
          JdbcStoreException j = (JdbcStoreException) e;
          assertThat(j.kind()).isEqualTo(StoreFailure.REFUSED);
          assertThat(j.operation()).isEqualTo("write a batch of 2 customers");
          assertThat(j.store()).isEqualTo(store.id());
        });

    assertThat(store.load(id("C-2"))).isEmpty();
    StoredCustomer one = store.load(id("C-1")).orElseThrow();
    assertThat(one.record().state()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    assertThat(one.seen()).containsExactly(new SeenEvent(1, 1, 1));
    assertThat(one.history()).containsExactly(entry(0, "h0"));
    assertThat(store.position()).contains("p10");
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aHistoryEntryThatRepeatsOneAfterTheFirstIsRefusedNamingTheMaskedCustomer() {
    store.write(batch(Optional.of("p1"), write("C-1", 5, "a", List.of(), entry(0, "h0"), entry(1, "h1"))));

    assertThatThrownBy(() -> store.write(batch(Optional.of("p2"), write("C-1", 5, "a2", List.of(), entry(1, "h1 again")))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessage("store " + store.id() + " could not write a batch of 1 customers: history entry 1 of customer "
            + id("C-1").masked() + " is held already: the next is 2; nothing of the batch was written");
    assertThat(store.load(id("C-1")).orElseThrow().history()).containsExactly(entry(0, "h0"), entry(1, "h1"));
  }

  @Test
  void aHistoryEntryThatSkipsASequenceIsRefusedNamingTheMaskedCustomer() {
    store.write(batch(Optional.of("p1"), write("C-1", 5, "a", List.of(), entry(0, "h0"), entry(1, "h1"))));

    assertThatThrownBy(() -> store.write(batch(Optional.of("p2"), write("C-1", 5, "a2", List.of(), entry(3, "h3")))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessage("store " + store.id() + " could not write a batch of 1 customers: history entry 3 of customer "
            + id("C-1").masked() + " leaves a gap: the next is 2; nothing of the batch was written")
        .satisfies(e -> assertThat(((JdbcStoreException) e).kind()).isEqualTo(StoreFailure.REFUSED));

    StoredCustomer one = store.load(id("C-1")).orElseThrow();
    assertThat(one.record().state()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    assertThat(one.history()).containsExactly(entry(0, "h0"), entry(1, "h1"));
    assertThat(store.position()).contains("p1");
  }

  @Test
  void aWriteTheDatabaseRefusesIsATypedErrorAndStoresNothing() {
    sql("ALTER TABLE clm_customer ADD CONSTRAINT clm_small_record CHECK (OCTET_LENGTH(record) <= 8)");

    assertThatThrownBy(() -> store.write(batch(Optional.of("p"),
            write("C-1", 1, "small", List.of()), write("C-2", 1, "far too large a record", List.of()))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("could not write a batch of 2 customers: the database refused it");

    assertThat(store.count()).isZero();
    assertThat(store.position()).isEmpty();
  }

  @Test
  void erasureLeavesNoRowWithTheCustomersKey() {
    store.write(batch(Optional.empty(),
        write("C-1", 5, "a", List.of(new SeenEvent(1, 1, 1), new SeenEvent(2, 2, 2)), entry(0, "h0"), entry(1, "h1")),
        write("C-2", 5, "b", List.of(new SeenEvent(3, 3, 3)))));

    store.write(StoreBatch.erase(id("C-1"), new Tombstone(Tombstone.Scheme.KEYED, 7, 42, "growth")));

    assertThat(rowsMentioning("C-1")).isZero();
    assertThat(rowsMentioning("C-2")).isEqualTo(2);
    assertThat(store.tombstones()).containsExactly(new Tombstone(Tombstone.Scheme.KEYED, 7, 42, "growth"));
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aScanPagesThroughMoreCustomersThanOnePage() {
    int n = CustomerTables.PAGE * 2 + 17;
    List<StoreBatch.Write> writes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      writes.add(write(String.format("C-%05d", i), i, "s" + i, List.of(new SeenEvent(i + 1, i, i)), entry(0, "h" + i)));
    }
    store.write(StoreBatch.of(writes));

    List<String> keys = new ArrayList<>();
    store.scan(c -> {
      String key = c.record().customer().value();
      int i = Integer.parseInt(key.substring(2));
      assertThat(c.seen()).containsExactly(new SeenEvent(i + 1, i, i));
      assertThat(c.history()).containsExactly(entry(0, "h" + i));
      keys.add(key);
    });
    assertThat(keys).hasSize(n).doesNotHaveDuplicates();
    List<CustomerId> due = new ArrayList<>();
    store.scanDue(99, due::add);
    assertThat(due).hasSize(100);
  }

  @Test
  void stateSurvivesClosingAndReopening() {
    store.write(batch(Optional.of("feed@77"), write("C-1", 5, "a", List.of(new SeenEvent(9, 8, 7)), entry(0, "h0"))));
    store.close();

    store = JdbcStore.builder().url(url).build();

    StoredCustomer c = store.load(id("C-1")).orElseThrow();
    assertThat(c.seen()).containsExactly(new SeenEvent(9, 8, 7));
    assertThat(c.history()).containsExactly(entry(0, "h0"));
    assertThat(store.position()).contains("feed@77");
  }

  @Test
  void opensBesideTheApplicationsOwnTablesAndLeavesThemAlone() throws SQLException {
    String shared = newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(shared); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE app_account (id INTEGER PRIMARY KEY, owner VARCHAR(40))");
      s.execute("INSERT INTO app_account VALUES (1, 'bank')");
    }
    try (JdbcStore beside = JdbcStore.builder().url(shared).build()) {
      beside.write(batch(Optional.of("p1"), write("C-1", 1, "a", List.of())));
    }
    try (JdbcStore reopened = JdbcStore.builder().url(shared).build();
        Connection c = reopened.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT owner FROM app_account WHERE id = 1")) {
      assertThat(reopened.load(id("C-1"))).isPresent();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("bank");
      c.rollback();
    }
  }

  @Test
  void aSchemaNewerThanTheCodeIsRefusedAtStart() {
    store.close();
    JdbcStore.builder().url(url).extraMigrations("classpath:db/future").build().close();

    assertThatThrownBy(() -> JdbcStore.builder().url(url).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessage("store " + Urls.withoutCredentials(url) + " could not open its schema: the database's schema is at"
            + " version 900, newer than version 6 that this clm-store-jdbc knows; open it with the clm version that"
            + " wrote it or a later one")
        .extracting(e -> ((JdbcStoreException) e).kind())
        .isEqualTo(StoreFailure.SCHEMA);
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

  @Test
  void aMigrationThatFailsOnStoredRowsIsReportedWithoutTheirCustomerKeys() {
    store.write(batch(Optional.empty(), write("CUST0012345", 1, "a", List.of())));
    store.close();

    assertThatThrownBy(() -> JdbcStore.builder().url(url).extraMigrations("classpath:db/duplicate").build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store " + Urls.withoutCredentials(url) + " could not migrate its schema: migration failed,"
            + " the schema was left at its last complete version: ")
        // Flyway's first line names the script; the database's SQLState and exception class follow
        .hasMessageMatching("[^\n]*: [^\n]*V900__duplicate_customers\\.sql[^\n]* \\(SQLState 23505, \\w+\\)")
        .hasMessageNotContaining("0012345")
        .hasCauseInstanceOf(org.flywaydb.core.api.FlywayException.class)
        .extracting(e -> ((JdbcStoreException) e).kind())
        .isEqualTo(StoreFailure.SCHEMA);
    store = JdbcStore.builder().url(newDatabaseUrl()).build();
  }

  /** What the database shows after a migration failed half-way: see each subclass. */
  abstract void afterFailedMigration();

  @Test
  void theCallersDataSourceIsUsedAndNotClosed() {
    JdbcStore borrowed = JdbcStore.builder().dataSource(store.dataSource()).name("bank-pool").build();
    borrowed.write(batch(Optional.of("p3"), write("C-1", 1, "a", List.of())));
    borrowed.close();

    assertThat(borrowed.id()).isEqualTo("bank-pool");
    assertThat(store.load(id("C-1"))).isPresent();
    assertThat(store.position()).contains("p3");
  }

  @Test
  void theBuilderRefusesBadSettingsNamingThem() {
    assertThatThrownBy(() -> JdbcStore.builder().url("h2:./x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url 'h2:./x' does not start with jdbc:");
    assertThatThrownBy(() -> JdbcStore.builder().url(url).url(url))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("url was already set");
    assertThatThrownBy(() -> JdbcStore.builder().maximumPoolSize(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumPoolSize 1 is below 2");
    assertThatThrownBy(() -> JdbcStore.builder().dataSource(store.dataSource()).url(url).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("dataSource excludes url, user, password and maximumPoolSize");
  }

  @Test
  void passwordsNeverAppearInTheStoresName() {
    assertThat(Urls.withoutCredentials("jdbc:postgresql://db:5432/clm?user=clm&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/clm?user=***&password=***&ssl=true");
    assertThat(Urls.withoutCredentials("jdbc:h2:./clm;USER=sa;PASSWORD=s3cret"))
        .isEqualTo("jdbc:h2:./clm;USER=***;PASSWORD=***");
    assertThat(Urls.withoutCredentials("jdbc:postgresql://clm:s3cret@db/clm")).isEqualTo("jdbc:postgresql://***@db/clm");
  }

  @Test
  void keyPasswordsAndOtherSecretsInTheUrlNeverAppearInTheStoresName() {
    assertThat(Urls.withoutCredentials("jdbc:postgresql://db/clm?sslmode=verify-full&sslpassword=k3y&sslkey=/etc/clm.pk8"))
        .isEqualTo("jdbc:postgresql://db/clm?sslmode=verify-full&sslpassword=***&sslkey=/etc/clm.pk8");
    assertThat(Urls.withoutCredentials("jdbc:postgresql://db/clm?Password=s3cret"))
        .isEqualTo("jdbc:postgresql://db/clm?Password=***");
    String unreachable = "jdbc:postgresql://localhost:1/clm?sslpassword=k3y";
    assertThatThrownBy(() -> JdbcStore.builder().url(unreachable).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store jdbc:postgresql://localhost:1/clm?sslpassword=*** could not open a connection: ")
        .hasMessageNotContaining("k3y");
  }

  @Test
  void aUrlNoDriverAcceptsIsRefusedAsUnsupportedNotAsADatabaseThatIsDown() {
    for (String wrong : List.of("jdbc:postgres://db/clm?password=s3cret", "jdbc:mysql://db/clm")) {
      assertThatThrownBy(() -> JdbcStore.builder().url(wrong).build())
          .isInstanceOf(JdbcStoreException.class)
          .hasMessage("store " + Urls.withoutCredentials(wrong) + " could not open a connection: no JDBC driver accepts"
              + " the URL; the store runs on H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...)")
          .hasNoCause()
          .extracting(e -> ((JdbcStoreException) e).kind())
          .isEqualTo(StoreFailure.SCHEMA);
    }
  }
}
