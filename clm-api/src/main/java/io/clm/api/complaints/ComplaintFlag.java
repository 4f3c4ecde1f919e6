package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/** Something on a ticket that needs a person's attention. The ticket itself is always kept. */
@Experimental
public enum ComplaintFlag {
  /** The caller or sender could not be matched to a customer; identify them later. */
  UNIDENTIFIED_CUSTOMER,
  /** The order number named in the complaint is not known to the order book. */
  UNKNOWN_ORDER,
  /**
   * A deadline could not be computed because the business calendar lacks a year it needs; the
   * deadline is missing rather than wrong. Configure the year.
   */
  CALENDAR_INCOMPLETE
}
