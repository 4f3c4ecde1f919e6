package io.clm.store.jdbc;

import io.clm.api.StoreFailure;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Turns a database's exception into the store's typed one. */
final class Failures {
  private Failures() {}

  static JdbcStoreException of(String store, String operation, SQLException e) {
    StoreFailure kind = kind(e);
    String state = e.getSQLState();
    String detail = switch (kind) {
          case UNAVAILABLE -> "the database is unavailable";
          case FULL -> "the database is out of space or resources";
          case REFUSED -> "the database refused it";
          case SCHEMA -> "the schema does not fit";
          case CONFLICT -> "another transaction conflicted with this write, nothing of it was stored;"
              + " retrying the write may succeed";
          case FAILED -> "the database failed";
        }
        + " (SQLState " + state + ", " + e.getClass().getSimpleName() + ")";
    return new JdbcStoreException(store, operation, kind, detail, e);
  }

  static StoreFailure kind(SQLException e) {
    if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
      return StoreFailure.UNAVAILABLE;
    }
    String state = e.getSQLState();
    if (state == null) {
      return StoreFailure.FAILED;
    }
    switch (state) {
      case "90098", "90121", "90067", "90020", "57P01", "57P02", "57P03" -> {
        // H2: database closed, shut down, connection broken, in use by another process;
        // PostgreSQL: administrator shutdown, crash shutdown, cannot connect now.
        return StoreFailure.UNAVAILABLE;
      }
      case "40001", "40P01", "55P03", "90131", "HYT00" -> {
        // PostgreSQL: serialization failure, deadlock detected, lock not available; H2: deadlock,
        // concurrent update, lock timeout. The database rolled the write back to let another
        // transaction go on.
        return StoreFailure.CONFLICT;
      }
      case "90097" -> {
        // H2: the database is read-only.
        return StoreFailure.REFUSED;
      }
      case "90100", "90108" -> {
        // H2: no disk space available; out of memory.
        return StoreFailure.FULL;
      }
      default -> {
        // classes below
      }
    }
    if (state.startsWith("08")) {
      return StoreFailure.UNAVAILABLE;
    }
    if (state.startsWith("53")) {
      return StoreFailure.FULL;
    }
    if (state.startsWith("22") || state.startsWith("23") || state.startsWith("25") || state.startsWith("42")
        || state.startsWith("44")) {
      return StoreFailure.REFUSED;
    }
    return StoreFailure.FAILED;
  }
}
