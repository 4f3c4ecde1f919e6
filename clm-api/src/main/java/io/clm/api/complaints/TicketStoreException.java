package io.clm.api.complaints;

import io.clm.api.ClmException;
import io.clm.api.annotation.Experimental;

/**
 * A {@link TicketStore} could not read or write. The message names the store and the operation;
 * the desk's operation that needed it changed nothing.
 */
@Experimental
public class TicketStoreException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the store and the operation
   * @param cause the underlying failure, or null
   */
  public TicketStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
