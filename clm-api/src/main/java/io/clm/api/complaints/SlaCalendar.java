package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.StoredTicket.Pause;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The calendar a complaint desk counts SLA deadlines on: business days in one time zone, and how
 * each {@link SlaUnit} turns a limit into a deadline. clm-complaints ships one for each UK nation,
 * EU member state, the US and mainland China ({@code HolidayCalendars.of("GB-ENG")}) and a builder
 * for hand-made ones ({@code BusinessCalendar.builder}).
 *
 * <p>A calendar never guesses a year it does not know: every method that needs one throws {@link
 * CalendarCoverageException}. Implementations are immutable and thread-safe.
 */
@Experimental
public interface SlaCalendar {

  /**
   * The calendar's name, for messages ({@code GB-ENG}, {@code CN}).
   *
   * @return the id
   */
  String id();

  /**
   * The zone business days are counted in.
   *
   * @return the zone
   */
  ZoneId zone();

  /**
   * Whether a date is a business day.
   *
   * @param date the date
   * @return true on a working day that is not a holiday, or a worked weekend day
   * @throws CalendarCoverageException if the calendar has no holidays for the date's year
   */
  boolean isBusinessDay(LocalDate date);

  /**
   * The deadline of a limit counted from a start, as {@link SlaUnit} describes.
   *
   * @param start when the clock starts (the receipt of the complaint)
   * @param limit the limit
   * @return the deadline
   * @throws CalendarCoverageException if a year the deadline needs is not covered
   */
  default Instant deadline(Instant start, SlaLimit limit) {
    return deadline(start, limit, List.of());
  }

  /**
   * The deadline of a limit counted from a start with the clock stopped during some pauses: each
   * pause shifts the deadline by exactly its length in the limit's own unit (only the part after
   * {@code start} counts).
   *
   * @param start when the clock starts
   * @param limit the limit
   * @param pauses finished pauses, in any order, not overlapping
   * @return the deadline
   * @throws CalendarCoverageException if a year the deadline needs is not covered
   */
  Instant deadline(Instant start, SlaLimit limit, List<Pause> pauses);

  /**
   * The instant a lead time before a deadline falls on (for warnings): {@code n} business days
   * earlier at the same end of day or close of business, {@code n} calendar days or weeks
   * earlier, or {@code n} business hours earlier.
   *
   * @param deadline the deadline
   * @param lead how long before
   * @return the instant
   * @throws CalendarCoverageException if a year on the way is not covered
   */
  Instant before(Instant deadline, SlaLimit lead);
}
