package io.clm.api.spi;

import io.clm.api.ClmException;
import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * A {@link CustomerStore} could not read or write. The message names the operation, and the
 * customer by its masked id where there is one; the engine's operation that needed the store
 * changed nothing. The {@link #kind() kind} tells a write that lost to another transaction
 * ({@link StoreFailure#CONFLICT CONFLICT}: nothing of it was stored, and retrying it may succeed)
 * and a write the store refused ({@link StoreFailure#REFUSED REFUSED}: retrying it fails again)
 * from other failures.
 *
 * <p>A store throws it with the kind it knows; the engine wraps any other exception a store throws
 * in one of kind {@link StoreFailure#FAILED FAILED}, naming the exception's class and never its
 * message, which may hold data.
 */
@Experimental
public class CustomerStoreException extends ClmException {
  private static final long serialVersionUID = 1L;

  /** The kind of failure. */
  private final StoreFailure kind;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the store or the operation, without customer data
   * @param kind the kind of failure
   * @param cause the underlying failure, or null
   */
  public CustomerStoreException(String message, StoreFailure kind, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * The kind of failure: {@link StoreFailure#REFUSED REFUSED} for a write the store will not
   * take (such as a history entry under a sequence the customer already holds), {@link
   * StoreFailure#CONFLICT CONFLICT} when another transaction won against the write, {@link
   * StoreFailure#FAILED FAILED} when the store did not say.
   *
   * @return the kind
   */
  public StoreFailure kind() {
    return kind;
  }
}
