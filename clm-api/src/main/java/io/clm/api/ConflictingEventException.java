package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * An event arrives with the id of an event already applied to the same customer, but with other
 * content: not a replay but a conflict. Nothing is stored. The message names the event id.
 */
@Stable
public class ConflictingEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the event id
   */
  public ConflictingEventException(String message) {
    super(message);
  }
}
