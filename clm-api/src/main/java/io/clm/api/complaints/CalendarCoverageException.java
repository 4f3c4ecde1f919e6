package io.clm.api.complaints;

import io.clm.api.ClmException;
import io.clm.api.annotation.Experimental;

/**
 * A deadline needs a year that the business calendar has no holidays for. clm never guesses a
 * date: configure the year's holidays (an empty year must be declared explicitly). Nothing was
 * changed.
 */
@Experimental
public class CalendarCoverageException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the calendar and the year
   */
  public CalendarCoverageException(String message) {
    super(message);
  }
}
