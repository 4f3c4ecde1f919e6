package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A lifecycle model is inconsistent (an unreachable stage, a transition to an unknown stage, two rules that tie, an unknown or out-of-range parameter). Thrown by {@code build()} and by model providers.
 */
@Stable
public class InvalidModelException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public InvalidModelException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public InvalidModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
