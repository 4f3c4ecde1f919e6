package io.clm.kafka.streams;

import io.clm.api.ClmException;
import io.clm.api.annotation.Experimental;

/** A customer query could not be answered now: the stores are moving, or the owner is unreachable. */
@Experimental
public class CustomerQueryException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public CustomerQueryException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public CustomerQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
