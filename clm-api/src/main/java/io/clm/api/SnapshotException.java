package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A snapshot cannot be read: malformed JSON, a missing field, or a format version this library does not read. The engine is unchanged.
 */
@Stable
public class SnapshotException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public SnapshotException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
