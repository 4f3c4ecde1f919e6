package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A stored customer record cannot be read: its format version is unknown to this library, or its
 * bytes are corrupt. Nothing of it is loaded. The message names the customer's masked id and the
 * version.
 */
@Stable
public class CorruptRecordException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the masked customer id and the format version
   */
  public CorruptRecordException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the masked customer id and the format version
   * @param cause the underlying failure
   */
  public CorruptRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
