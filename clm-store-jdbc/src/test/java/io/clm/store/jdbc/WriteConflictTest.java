package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.StoreFailure;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that another transaction wins against is rolled back whole by the database; the store
 * reports it as a conflict, which a caller may retry, and stores nothing of it: a customer batch
 * as a {@link JdbcStoreException}, a ticket change as a {@link TicketStoreException}, both of kind
 * {@link StoreFailure#CONFLICT}.
 */
class WriteConflictTest {
  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");

  @TempDir Path dir;

  @Test
  void everyStateOfAWriteLostToAnotherTransactionIsAConflict() {
    // The meanings of the states, from PostgreSQL's appendix of error codes and H2's ErrorCode.
    Map<String, String> states = Map.of(
        "40001", "PostgreSQL serialization_failure; H2 DEADLOCK_1",
        "40P01", "PostgreSQL deadlock_detected",
        "55P03", "PostgreSQL lock_not_available",
        "90131", "H2 CONCURRENT_UPDATE_1",
        "HYT00", "H2 LOCK_TIMEOUT_1");
    states.forEach((state, meaning) -> {
      JdbcStoreException e = Failures.of("s", "write a batch of 1 customers", new SQLException(meaning, state));

      assertThat(e.kind()).as(meaning).isEqualTo(StoreFailure.CONFLICT);
      assertThat(e).as(meaning).hasMessage("store s could not write a batch of 1 customers: another transaction"
          + " conflicted with this write, nothing of it was stored; retrying the write may succeed (SQLState " + state
          + ", SQLException)");
    });
  }

  @Test
  void otherStatesOfTheTransactionRollbackClassAreNoConflict() {
    // 40002: a deferred constraint refused the commit; 40003: whether the statement completed is unknown.
    assertThat(Failures.kind(new SQLException("integrity", "40002"))).isEqualTo(StoreFailure.FAILED);
    assertThat(Failures.kind(new SQLException("unknown", "40003"))).isEqualTo(StoreFailure.FAILED);
  }

  @Test
  void onPostgresAWriteLosingAConcurrentUpdateIsAConflictStoresNothingAndSucceedsWhenRetried() throws Exception {
    String url = Databases.postgresDatabase();
    try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
      // Databases run at REPEATABLE READ (or SERIALIZABLE) so that no write is based on data changed under it.
      s.execute("ALTER DATABASE " + single(admin, "SELECT current_database()") + " SET default_transaction_isolation TO 'repeatable read'");
    }
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build();
        Connection other = DriverManager.getConnection(url);
        Connection monitor = DriverManager.getConnection(url)) {
      store.write(StoreContract.batch(Optional.of("p1"), StoreContract.write("C-1", 1, "a", List.of())));
      other.setAutoCommit(false);
      try (PreparedStatement ps = other.prepareStatement("UPDATE clm_customer SET record = ? WHERE customer_key = 'C-1'")) {
        ps.setBytes(1, "other".getBytes(StandardCharsets.UTF_8));
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      String otherPid = single(other, "SELECT pg_backend_pid()");

      Future<?> write = writer.submit(
          () -> store.write(StoreContract.batch(Optional.of("p2"), StoreContract.write("C-1", 2, "b", List.of()))));
      awaitBlockedBy(monitor, otherPid, write);
      other.commit();

      assertThatThrownBy(write::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(JdbcStoreException.class)
          .hasMessage("store " + store.id() + " could not write a batch of 1 customers: another transaction conflicted"
              + " with this write, nothing of it was stored; retrying the write may succeed (SQLState 40001, PSQLException)")
          .extracting(e -> ((JdbcStoreException) e).kind())
          .isEqualTo(StoreFailure.CONFLICT);
      assertThat(store.load(StoreContract.id("C-1")).orElseThrow().record().state()).asString(StandardCharsets.UTF_8)
          .isEqualTo("other");
      assertThat(store.position()).contains("p1");

      store.write(StoreContract.batch(Optional.of("p2"), StoreContract.write("C-1", 2, "b", List.of())));
      assertThat(store.load(StoreContract.id("C-1")).orElseThrow().record().state()).asString(StandardCharsets.UTF_8)
          .isEqualTo("b");
      assertThat(store.position()).contains("p2");
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void onH2AWriteWaitingLongerThanTheLockTimeoutIsAConflictAndStoresNothing() throws Exception {
    String url = Databases.h2(dir) + ";LOCK_TIMEOUT=200";
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build();
        Connection other = DriverManager.getConnection(url)) {
      store.write(StoreContract.batch(Optional.of("p1"), StoreContract.write("C-1", 1, "a", List.of())));
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        assertThat(s.executeUpdate("UPDATE clm_customer SET due_at = 7 WHERE customer_key = 'C-1'")).isEqualTo(1);
      }

      // The other transaction holds C-1 until after the write has given up.
      assertThatThrownBy(() -> store.write(StoreContract.batch(Optional.of("p2"), StoreContract.write("C-1", 2, "b", List.of()))))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageStartingWith("store " + store.id() + " could not write a batch of 1 customers: another transaction"
              + " conflicted with this write")
          .extracting(e -> ((JdbcStoreException) e).kind())
          .isEqualTo(StoreFailure.CONFLICT);
      other.rollback();

      assertThat(store.load(StoreContract.id("C-1")).orElseThrow().record().state()).asString(StandardCharsets.UTF_8)
          .isEqualTo("a");
      assertThat(store.position()).contains("p1");
    }
  }

  @Test
  void onPostgresATicketChangeLosingAConcurrentUpdateIsAConflictStoresNothingAndSucceedsWhenRetried() throws Exception {
    String url = Databases.postgresDatabase();
    try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
      s.execute("ALTER DATABASE " + single(admin, "SELECT current_database()") + " SET default_transaction_isolation TO 'repeatable read'");
    }
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build();
        Connection other = DriverManager.getConnection(url);
        Connection monitor = DriverManager.getConnection(url)) {
      TicketStore tickets = store.tickets();
      tickets.save(ticketChange(1, T0));
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        assertThat(s.executeUpdate("UPDATE clm_ticket SET is_open = FALSE WHERE ticket_id = 'T-1'")).isEqualTo(1);
      }
      String otherPid = single(other, "SELECT pg_backend_pid()");

      Future<?> save = writer.submit(() -> tickets.save(ticketChange(2, T0.plusSeconds(60))));
      awaitBlockedBy(monitor, otherPid, save);
      other.commit();

      assertThatThrownBy(save::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(TicketStoreException.class)
          .hasMessage("store " + store.id() + " could not save a ticket change: another transaction conflicted"
              + " with this write, nothing of it was stored; retrying the write may succeed (SQLState 40001, PSQLException)")
          .extracting(e -> ((TicketStoreException) e).kind())
          .isEqualTo(StoreFailure.CONFLICT);
      assertThat(tickets.lastSequence()).isEqualTo(1);
      assertThat(tickets.deskTime()).contains(T0);

      tickets.save(ticketChange(2, T0.plusSeconds(60)));
      assertThat(tickets.lastSequence()).isEqualTo(2);
      assertThat(tickets.deskTime()).contains(T0.plusSeconds(60));
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void onH2ATicketChangeWaitingLongerThanTheLockTimeoutIsAConflictAndStoresNothing() throws Exception {
    String url = Databases.h2(dir) + ";LOCK_TIMEOUT=200";
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build();
        Connection other = DriverManager.getConnection(url)) {
      TicketStore tickets = store.tickets();
      tickets.save(ticketChange(1, T0));
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        assertThat(s.executeUpdate("UPDATE clm_ticket SET is_open = FALSE WHERE ticket_id = 'T-1'")).isEqualTo(1);
      }

      // The other transaction holds T-1 until after the save has given up.
      assertThatThrownBy(() -> tickets.save(ticketChange(2, T0.plusSeconds(60))))
          .isInstanceOf(TicketStoreException.class)
          .hasMessageStartingWith("store " + store.id() + " could not save a ticket change: another transaction"
              + " conflicted with this write")
          .extracting(e -> ((TicketStoreException) e).kind())
          .isEqualTo(StoreFailure.CONFLICT);
      other.rollback();

      assertThat(tickets.lastSequence()).isEqualTo(1);
      assertThat(tickets.deskTime()).contains(T0);
    }
  }

  @Test
  void aTicketChangeTheDatabaseRefusesIsNoConflict() {
    String url = Databases.h2(dir);
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      // A ticket id longer than the column: refused, and retrying would not help.
      TicketChange change = new TicketChange(
          List.of(TicketStoreFailureTest.ticket(1, "T-" + "9".repeat(300))), List.of(), List.of(), List.of(), T0);

      assertThatThrownBy(() -> store.tickets().save(change))
          .isInstanceOf(TicketStoreException.class)
          .extracting(e -> ((TicketStoreException) e).kind())
          .isEqualTo(StoreFailure.REFUSED);
    }
  }

  /** A change saving ticket T-1 as the ticket of a sequence number, at a desk time. */
  private static TicketChange ticketChange(long sequence, Instant deskTime) {
    return new TicketChange(List.of(TicketStoreFailureTest.ticket(sequence, "T-1")), List.of(), List.of(), List.of(), deskTime);
  }

  /** Waits until the write's connection waits for a lock the other transaction holds. */
  private static void awaitBlockedBy(Connection monitor, String otherPid, Future<?> write) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    try (PreparedStatement ps = monitor.prepareStatement(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
      ps.setInt(1, Integer.parseInt(otherPid));
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        if (write.isDone()) {
          write.get();
          throw new AssertionError("the write ended without waiting for the other transaction");
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the write did not wait for the other transaction");
        }
        Thread.onSpinWait();
      }
    }
  }

  private static String single(Connection c, String query) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
