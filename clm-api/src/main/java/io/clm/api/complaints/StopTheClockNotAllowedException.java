package io.clm.api.complaints;

import io.clm.api.IllegalTransitionException;
import io.clm.api.annotation.Experimental;

/**
 * A ticket was asked to pause its SLA clocks under a policy whose rule has no stop-the-clock
 * provision (FCA DISP, PSD2, CFPB: the time limits run whatever the bank waits for). The message
 * names the ticket, the policy and its rule. Nothing was changed.
 */
@Experimental
public class StopTheClockNotAllowedException extends IllegalTransitionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused, naming the ticket, the policy and its rule
   */
  public StopTheClockNotAllowedException(String message) {
    super(message);
  }
}
