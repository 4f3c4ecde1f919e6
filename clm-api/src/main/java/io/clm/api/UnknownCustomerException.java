package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * An event or a query names a customer that the engine does not know, and the engine is configured to reject unknown customers (or the customer was erased).
 */
@Stable
public class UnknownCustomerException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public UnknownCustomerException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public UnknownCustomerException(String message, Throwable cause) {
    super(message, cause);
  }
}
