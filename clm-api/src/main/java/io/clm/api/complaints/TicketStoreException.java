package io.clm.api.complaints;

import io.clm.api.ClmException;
import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * A {@link TicketStore} could not read or write. The message names the store and the operation;
 * the desk's operation that needed it changed nothing. The {@link #kind() kind} tells a write that
 * lost to another transaction ({@link StoreFailure#CONFLICT CONFLICT}: nothing of it was stored,
 * and retrying it may succeed) from other failures.
 */
@Experimental
public class TicketStoreException extends ClmException {
  private static final long serialVersionUID = 1L;

  /** The kind of failure. */
  private final StoreFailure kind;

  /**
   * Creates the exception for a failure of no particular kind ({@link StoreFailure#FAILED FAILED}).
   *
   * @param message what failed, naming the store and the operation
   * @param cause the underlying failure, or null
   */
  public TicketStoreException(String message, Throwable cause) {
    this(message, StoreFailure.FAILED, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the store and the operation
   * @param kind the kind of failure
   * @param cause the underlying failure, or null
   */
  public TicketStoreException(String message, StoreFailure kind, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * The kind of failure: {@link StoreFailure#CONFLICT CONFLICT} when another transaction won
   * against the write, which may then be retried; {@link StoreFailure#FAILED FAILED} when the
   * store did not say.
   *
   * @return the kind
   */
  public StoreFailure kind() {
    return kind;
  }
}
