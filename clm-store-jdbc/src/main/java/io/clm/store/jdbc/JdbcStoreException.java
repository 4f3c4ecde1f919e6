package io.clm.store.jdbc;

import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerStoreException;
import java.util.Objects;

/**
 * The database behind a {@link JdbcStore} could not do what was asked. The message names the
 * store (its URL without credentials), the operation and the {@link StoreFailure kind} of failure;
 * the database's own exception is the cause. A write that fails this way stored nothing: every write
 * of the store is one transaction.
 *
 * <p>It is the {@link CustomerStoreException} of the JDBC store, with the same {@link #kind()
 * kind}: {@link StoreFailure#SCHEMA SCHEMA} also when no JDBC driver accepts the URL or the
 * database is neither H2 nor PostgreSQL, {@link StoreFailure#REFUSED REFUSED} also for a position
 * longer than the store keeps, refused before anything was written. The store's ticket store
 * reports its failures as {@code TicketStoreException}s with this exception as the cause.
 *
 * <p>Messages contain no customer data: the database's own message, which may quote key values,
 * is only in the cause.
 */
@Experimental
public class JdbcStoreException extends CustomerStoreException {
  private static final long serialVersionUID = 1L;

  /** The store's name. */
  private final String store;
  /** What the store was doing, in a few words. */
  private final String operation;

  /**
   * Creates the exception.
   *
   * @param store the store's name
   * @param operation what the store was doing, in a few words
   * @param kind the kind of failure
   * @param detail what went wrong, without customer data
   * @param cause the database's exception, or null
   */
  public JdbcStoreException(String store, String operation, StoreFailure kind, String detail, Throwable cause) {
    super(
        "store " + Objects.requireNonNull(store, "store") + " could not " + Objects.requireNonNull(operation, "operation")
            + ": " + Objects.requireNonNull(detail, "detail"),
        kind,
        cause);
    this.store = store;
    this.operation = operation;
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
}
