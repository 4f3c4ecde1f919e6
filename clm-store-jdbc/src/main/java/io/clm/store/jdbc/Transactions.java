package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs units of work on connections of a data source, each in one transaction: committed whole,
 * or rolled back and reported as a {@link JdbcStoreException} naming the store and the operation.
 */
final class Transactions {
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
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      if (auto) {
        // One transaction per unit; PostgreSQL also streams result sets only inside one.
        c.setAutoCommit(false);
      }
      // Restoring auto-commit commits a transaction still open, so it is restored only once the
      // transaction has ended: committed, or rolled back whatever was thrown, errors included.
      boolean ended = false;
      try {
        T result = work.run(c);
        c.commit();
        ended = true;
        return result;
      } catch (Throwable e) {
        try {
          c.rollback();
          ended = true;
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        if (auto && ended) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw Failures.of(store, operation, e);
    }
  }
}
