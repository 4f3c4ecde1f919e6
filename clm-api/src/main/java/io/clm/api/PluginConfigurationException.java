package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * Plugin discovery failed: no engine or several engines on the class path, two plugins with the same id (both classes are named), a provider that cannot be instantiated (its class is named), or an id that is not known.
 */
@Stable
public class PluginConfigurationException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the field and the value
   */
  public PluginConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public PluginConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
