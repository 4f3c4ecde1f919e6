package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A plugin misbehaved while clm called it: it threw, returned null, or returned a segment, stage or action it does not declare. The message names the plugin's id and class, and the customer (masked); other plugins' results stand.
 */
@Stable
public class PluginFailureException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public PluginFailureException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public PluginFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
