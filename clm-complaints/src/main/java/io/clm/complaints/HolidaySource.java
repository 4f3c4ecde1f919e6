package io.clm.complaints;

import java.time.LocalDate;
import java.util.Set;

/** Where a calendar finds a year's holidays when it was not given them: Jollyday, shipped data. */
@FunctionalInterface
interface HolidaySource {

  /**
   * A year's days off and worked weekend days.
   *
   * @param year the year
   * @return the year, or null if the source does not know it
   */
  Year year(int year);

  /**
   * One year of a source.
   *
   * @param holidays the dates off (observed dates), all in the year
   * @param workedDays weekend dates worked instead (make-up working days)
   */
  record Year(Set<LocalDate> holidays, Set<LocalDate> workedDays) {
    public Year {
      holidays = Set.copyOf(holidays);
      workedDays = Set.copyOf(workedDays);
    }
  }
}
