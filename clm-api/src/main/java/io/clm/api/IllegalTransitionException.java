package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A move that the lifecycle model or the complaint workflow forbids: a manual move when manual moves are off, to an unknown stage, or to the stage the customer is already in; a complaint moved to a state its workflow does not allow. The customer or ticket is unchanged.
 */
@Stable
public class IllegalTransitionException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public IllegalTransitionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public IllegalTransitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
