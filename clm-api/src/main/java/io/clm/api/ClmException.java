package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * The root of every failure that clm reports. All of clm's exceptions are unchecked and extend this
 * class, so an integrator can catch one type at the edge of the system; the subclasses name the
 * failure ({@link InvalidEventException}, {@link IllegalTransitionException}, ...).
 *
 * <p>Messages are short, lowercase, and name the offending field and value. They never contain a
 * customer's personal data: customer ids appear only in their masked form (see {@link
 * CustomerId#toString()}).
 */
@Stable
public class ClmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the field and the value
   */
  public ClmException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the field and the value
   * @param cause the underlying failure
   */
  public ClmException(String message, Throwable cause) {
    super(message, cause);
  }
}
