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
   * An order was linked while the customer was not identified: it may be another customer's. It is
   * checked again when the customer is identified (and unlinked if it is not theirs).
   */
  ORDER_UNVERIFIED,
  /**
   * A deadline could not be computed because the business calendar lacks a year it needs; the
   * deadline is missing rather than wrong. Configure the year.
   */
  CALENDAR_INCOMPLETE,
  /**
   * The customer's personal data was erased on request: the record the regulator requires is kept
   * (dates, category, states, deadlines, outcomes, who did what), without the customer, the
   * content, the order or the reasons given.
   */
  ERASED
}
