package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/**
 * How an SLA limit counts time. Every count starts from the local date of receipt in the
 * calendar's zone; the day of receipt is never counted.
 */
@Experimental
public enum SlaUnit {
  /**
   * Calendar days: the deadline is the end of day (24:00) of receipt date + n. Weekends and
   * holidays count. Used for "8 weeks" (FCA DISP 1.6.2R) and "15 / 60 days" (CFPB).
   */
  CALENDAR_DAYS,
  /**
   * Calendar days, but a last day that is not a business day moves to the next business day; the
   * deadline is the end of that day. The PRC Civil Code rule for periods (arts. 201, 203), used for
   * the Chinese banking and insurance complaint rules.
   */
  CALENDAR_DAYS_TO_BUSINESS_DAY,
  /**
   * Business days: the deadline is the close of business of the n-th business day following the
   * day of receipt, whatever that day was (a complaint received on a Saturday or after close of
   * business is not moved to the next business day first: the stricter reading). Used for FCA DISP
   * 1.5 and PSD2 Art. 101.
   */
  BUSINESS_DAYS,
  /** Hours inside business hours, starting at receipt (or at the next opening). */
  BUSINESS_HOURS
}
