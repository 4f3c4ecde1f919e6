package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * An event, or a value inside one, is invalid: a blank id, a negative amount, a currency that is not the engine's, a timestamp too far in the future. Nothing was stored.
 */
@Stable
public class InvalidEventException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public InvalidEventException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
