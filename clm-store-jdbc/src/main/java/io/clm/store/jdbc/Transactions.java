package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work on connections of a data source, each in one transaction: committed whole,
 * or rolled back and reported as a {@link JdbcStoreException} naming the store and the operation.
 * Whether a unit is reported done depends on its commit alone: a connection that cannot be handed
 * back after the commit (auto-commit not restored, close failed) is logged, not reported as a
 * failed unit, since what it stored is in the database.
 */
final class Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  private final String store;
  private final DataSource dataSource;

  Transactions(String store, DataSource dataSource) {
    this.store = store;
    this.dataSource = dataSource;
  }

  String store() {
    return store;
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T run(String operation, Work<T> work) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw Failures.of(store, operation, e);
    }
    boolean auto;
    T result;
    try {
      auto = c.getAutoCommit();
      if (auto) {
        // One transaction per unit; PostgreSQL also streams result sets only inside one.
        c.setAutoCommit(false);
      }
      result = inTransaction(c, auto, work);
    } catch (SQLException e) {
      closeAfterFailure(c, e);
      throw Failures.of(store, operation, e);
    } catch (RuntimeException | Error e) {
      closeAfterFailure(c, e);
      throw e;
    }
    release(c, auto, operation);
    return result;
  }

  /**
   * Runs the work and commits, or rolls back whatever was thrown, errors included. Restoring
   * auto-commit commits a transaction still open, so after a failure it is restored only once the
   * rollback has ended the transaction; after the commit it is restored by {@link #release}.
   */
  private static <T> T inTransaction(Connection c, boolean auto, Work<T> work) throws SQLException {
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (Throwable e) {
      try {
        c.rollback();
        if (auto) {
          c.setAutoCommit(true);
        }
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    }
  }

  private static void closeAfterFailure(Connection c, Throwable failure) {
    try {
      c.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Hands back the connection of a committed unit; a failure to do so changes nothing stored. */
  private void release(Connection c, boolean auto, String operation) {
    if (auto) {
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        warn("restore auto-commit on its connection", operation, e);
      }
    }
    try {
      c.close();
    } catch (SQLException e) {
      warn("close its connection", operation, e);
    }
  }

  private void warn(String step, String operation, SQLException e) {
    // The database's message may quote stored values; only its SQLState and class are logged.
    LOG.warn("store {} committed the transaction to {}, then could not {} (SQLState {}, {})",
        store, operation, step, e.getSQLState(), e.getClass().getSimpleName());
  }
}
