package io.clm.spring.boot.autoconfigure;

import io.clm.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of the JDBC store: one query on a connection, and the version of its schema; DOWN
 * when the connection or the query fails, or when they take longer than {@code
 * clm.store.health-timeout}. The check runs on a daemon thread of its own ({@code
 * clm-store-health}), so that a database that does not answer holds up no health request for
 * longer than the timeout; while one check has not returned, later requests wait for that one
 * rather than start another, so a database that never answers holds one thread, not one per
 * request. It implements no Spring interface, so that tools which load the module's classes
 * without Actuator on the class path can still load it; the auto-configuration hands out its
 * {@link #health()} as the indicator.
 */
final class StoreHealth {
  /** The store's Flyway history table (clm-store-jdbc keeps it apart from the application's). */
  private static final String SCHEMA_VERSION =
      "SELECT \"version\" FROM \"clm_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\" DESC";

  private final JdbcStore store;
  private final Duration timeout;
  private Check running;

  StoreHealth(JdbcStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
  }

  /**
   * The store's health, waiting at most the timeout for the check under way or a new one.
   *
   * @return UP with the database and schema version, or DOWN with the error
   */
  Health health() {
    Check check = check();
    try {
      return check.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return Health.down().withDetail("store", store.id())
          .withDetail("error", "timed out after " + timeout + " (clm.store.health-timeout): the check started at "
              + check.started() + " has not returned")
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("store", store.id())
          .withDetail("error", "interrupted while waiting for the check started at " + check.started())
          .build();
    } catch (ExecutionException e) {
      // What the query lets out besides an SQLException, as if it had run on the caller's thread.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e.getCause();
    }
  }

  /** The check under way, or a new one when none is. */
  private synchronized Check check() {
    if (running == null || running.result().isDone()) {
      CompletableFuture<Health> result = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          result.complete(query());
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      }, "clm-store-health");
      t.setDaemon(true);
      running = new Check(Instant.now(), result);
      t.start();
    }
    return running;
  }

  private Health query() {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement query = c.prepareStatement(SCHEMA_VERSION)) {
      query.setMaxRows(1);
      try (ResultSet rows = query.executeQuery()) {
        return Health.up()
            .withDetail("store", store.id())
            .withDetail("database", c.getMetaData().getDatabaseProductName())
            .withDetail("schemaVersion", rows.next() ? rows.getString(1) : "none")
            .build();
      }
    } catch (SQLException e) {
      // The driver's message may name the database's user or host: the class and the SQLState only.
      Health.Builder down = FailedHealth.down(e).withDetail("store", store.id());
      return (e.getSQLState() == null ? down : down.withDetail("sqlState", e.getSQLState())).build();
    }
  }

  private record Check(Instant started, CompletableFuture<Health> result) {}
}
