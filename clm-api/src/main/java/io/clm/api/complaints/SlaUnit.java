package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/**
 * How an SLA limit counts time: each unit is worded the way a rule states its limit. Every day
 * count starts from the local date of receipt in the calendar's zone; the day of receipt is never
 * counted. Time while the clocks are paused is not counted, and is measured in the same unit (see
 * each constant).
 */
@Experimental
public enum SlaUnit {
  /**
   * "Within n business days": the deadline is the end (24:00) of the n-th business day after the
   * day of receipt, whatever time and day the complaint came in. PSD2 Art. 101(2), the UK Payment
   * Services Regulations 2017 reg. 101 and FCA DISP 1.6.2AR. A pause counts the business days whose
   * end passed while paused.
   */
  BUSINESS_DAYS,
  /**
   * "By close of business on the n-th business day": the deadline is the calendar's close of
   * business on the n-th business day after the day of receipt. FCA DISP 1.5.1R (summary
   * resolution). A pause counts as for {@link #BUSINESS_DAYS}.
   */
  BUSINESS_DAYS_CLOSE_OF_BUSINESS,
  /**
   * "Within n days", calendar days: the end of day (24:00) of the date of receipt + n. Weekends and
   * holidays count. CFPB (15 and 60 days). A pause counts the days whose end passed while paused.
   */
  CALENDAR_DAYS,
  /**
   * Calendar days whose last day, if not a business day, moves to the next business day; the
   * deadline is the end of that day. The PRC Civil Code rule for periods (arts. 200 to 203), used
   * by the Chinese banking and insurance complaint rules. A pause counts calendar days, as for
   * {@link #CALENDAR_DAYS}, before the last day is moved.
   */
  CALENDAR_DAYS_TO_BUSINESS_DAY,
  /**
   * "By the end of n weeks after receipt": the end of day of the date of receipt + 7n. FCA DISP
   * 1.6.2R (eight weeks). A pause counts calendar days.
   */
  WEEKS,
  /**
   * Hours inside business hours, starting at receipt (or at the next opening). A pause counts the
   * business time that passed while paused.
   */
  BUSINESS_HOURS
}
