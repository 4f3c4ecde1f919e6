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
 * when the connection or the query fails (with an {@code SQLException} or any other exception:
 * {@link FailedHealth}), or when they take longer than {@code
 * clm.store.health-timeout}. The check runs on a daemon thread of its own ({@code
 * clm-store-health}), so that a database that does not answer holds up no health request for
 * longer than the timeout; while one check has not returned, later requests wait for that one
 * rather than start another, so a database that never answers holds one thread, not one per
 * request. The query is also given the timeout, rounded up to whole seconds, as its JDBC query
 * timeout: the database cancels a query it holds up, and the check gives its connection back,
 * rather than keeping it until the driver's socket timeout. It implements no Spring interface, so
 * that tools which load the module's classes without Actuator on the class path can still load it;
 * the auto-configuration hands out its {@link #health()} as the indicator.
 */
final class StoreHealth {
  /** The store's Flyway history table (clm-store-jdbc keeps it apart from the application's). */
  private static final String SCHEMA_VERSION =
      "SELECT \"version\" FROM \"clm_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\" DESC";

  /** The longest query timeout H2 takes, in seconds: it counts the timeout in milliseconds in an int. */
  static final int MAX_QUERY_TIMEOUT_SECONDS = Integer.MAX_VALUE / 1000;

  private final JdbcStore store;
  private final Duration timeout;
  private final int queryTimeoutSeconds;
  private Check running;

  StoreHealth(JdbcStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
    this.queryTimeoutSeconds = queryTimeoutSeconds(timeout);
  }

  /**
   * The timeout in whole seconds, rounded up, as JDBC counts a query's timeout (0 would mean none),
   * and at most {@value #MAX_QUERY_TIMEOUT_SECONDS} seconds (some 24 days): H2 counts it in
   * milliseconds in an {@code int}, and refuses a longer one as negative.
   */
  static int queryTimeoutSeconds(Duration timeout) {
    long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
    return (int) Math.min(seconds, MAX_QUERY_TIMEOUT_SECONDS);
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
      // An error of the check, as if it had run on the caller's thread.
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
        } catch (RuntimeException e) {
          // Such as a data source that routes to others and finds none: thrown on, it would fail
          // the whole health endpoint instead of reporting this component.
          result.complete(FailedHealth.down(e).withDetail("store", store.id()).build());
        } catch (Error e) {
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
      // Else a query the database holds up (a lock, say) keeps its connection, and with a pool one
      // connection of it, until the driver's socket timeout, which is often none. H2 sets it on the
      // whole connection, which a pool hands out again: it is put back as it was.
      int before = query.getQueryTimeout();
      query.setQueryTimeout(queryTimeoutSeconds);
      try (ResultSet rows = query.executeQuery()) {
        return Health.up()
            .withDetail("store", store.id())
            .withDetail("database", c.getMetaData().getDatabaseProductName())
            .withDetail("schemaVersion", rows.next() ? rows.getString(1) : "none")
            .build();
      } finally {
        query.setQueryTimeout(before);
      }
    } catch (SQLException e) {
      // The driver's message may name the database's user or host: the class and the SQLState only.
      Health.Builder down = FailedHealth.down(e).withDetail("store", store.id());
      return (e.getSQLState() == null ? down : down.withDetail("sqlState", e.getSQLState())).build();
    }
  }

  private record Check(Instant started, CompletableFuture<Health> result) {}
}
