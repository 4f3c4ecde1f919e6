package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A value handed to clm is out of its domain: NaN or negative where that cannot be, an inconsistent input to a statistical model, an empty population. The message names the field, the value and, where there is one, the customer (masked).
 */
@Stable
public class ValidationException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public ValidationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
