package io.clm.store.jdbc;

import io.clm.api.ClmException;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * The database behind a {@link JdbcStore} could not do what was asked. The message names the
 * store (its URL without credentials), the operation and the {@link Kind kind} of failure; the
 * database's own exception is the cause. A write that fails this way stored nothing: every write
 * of the store is one transaction.
 *
 * <p>Messages contain no customer data: the database's own message, which may quote key values,
 * is only in the cause.
 */
@Experimental
public class JdbcStoreException extends ClmException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure the database reported. */
  public enum Kind {
    /** The database cannot be reached, or the connection broke. Retrying later may succeed. */
    UNAVAILABLE,
    /** The database is out of disk, memory or another resource. */
    FULL,
    /**
     * The operation was refused: by the database (a constraint, a read-only database, a missing
     * privilege, for a read as for a write), or by the store before anything was written (a
     * position longer than the store keeps).
     */
    REFUSED,
    /**
     * The schema is not one this code can work with, or the database is not one it supports (no
     * JDBC driver accepts the URL, or the database is neither H2 nor PostgreSQL).
     */
    SCHEMA,
    /**
     * Another transaction conflicted with this write: a serialization failure, a deadlock, a lock
     * that was not granted in time. The database rolled the whole write back, so nothing of it was
     * stored; retrying the write may succeed.
     */
    CONFLICT,
    /** Any other failure. */
    FAILED
  }

  /** The store's name. */
  private final String store;
  /** What the store was doing, in a few words. */
  private final String operation;
  /** The kind of failure. */
  private final Kind kind;

  /**
   * Creates the exception.
   *
   * @param store the store's name
   * @param operation what the store was doing, in a few words
   * @param kind the kind of failure
   * @param detail what went wrong, without customer data
   * @param cause the database's exception, or null
   */
  public JdbcStoreException(String store, String operation, Kind kind, String detail, Throwable cause) {
    super(
        "store " + Objects.requireNonNull(store, "store") + " could not " + Objects.requireNonNull(operation, "operation")
            + ": " + Objects.requireNonNull(detail, "detail"),
        cause);
    this.store = store;
    this.operation = operation;
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * The store's name: its JDBC URL without credentials, or the name given to the builder.
   *
   * @return the name
   */
  public String store() {
    return store;
  }

  /**
   * The operation that failed, in a few words ({@code "save a batch of 1000 customers"}).
   *
   * @return the operation
   */
  public String operation() {
    return operation;
  }

  /**
   * The kind of failure.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
