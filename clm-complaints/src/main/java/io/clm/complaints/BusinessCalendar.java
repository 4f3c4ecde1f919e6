package io.clm.complaints;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.SlaCalendar;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.StoredTicket.Pause;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Business days and hours in one time zone: working weekdays, business hours, and per year the
 * public holidays and the weekend days that are worked instead (the Chinese 调休 make-up days).
 *
 * <p>A calendar knows only the years it was given. Any date in another year raises {@link
 * CalendarCoverageException} rather than a guess; declare a year without holidays with {@code
 * noHolidays(y)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * BusinessCalendar england = BusinessCalendar.builder("england", ZoneId.of("Europe/London"))
 *     .businessHours(LocalTime.of(9, 0), LocalTime.of(17, 0))
 *     .holidays(2026, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), ...)
 *     .build();
 * }</pre>
 */
@Experimental
public final class BusinessCalendar implements SlaCalendar {

  private final String id;
  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final LocalTime open;
  private final LocalTime close;
  private final Set<Integer> years;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workedWeekendDays;
  private final boolean allYears;
  private final int firstYear;
  private final java.util.BitSet[] businessDays;
  private final HolidaySource source;
  private final AtomicReferenceArray<BitSet> loaded = new AtomicReferenceArray<>(LOADABLE_YEARS);

  /** Years a holiday source can answer for: 1900 to 2199. */
  private static final int FIRST_LOADABLE = 1900;
  private static final int LOADABLE_YEARS = 300;

  private BusinessCalendar(Builder b) {
    this.allYears = b.allYears;
    this.source = b.source;
    this.id = b.id;
    this.zone = b.zone;
    this.workingDays = Set.copyOf(b.workingDays);
    this.open = b.open;
    this.close = b.close;
    this.years = Set.copyOf(b.years);
    this.holidays = Set.copyOf(b.holidays);
    this.workedWeekendDays = Set.copyOf(b.workedWeekendDays);
    int first = years.isEmpty() ? 0 : java.util.Collections.min(years);
    int last = years.isEmpty() ? -1 : java.util.Collections.max(years);
    this.firstYear = first;
    this.businessDays = new java.util.BitSet[last - first + 1];
    for (int year : years) {
      businessDays[year - first] = businessDaysOf(year, holidays, workedWeekendDays);
    }
  }

  /**
   * Starts a calendar: Monday to Friday, 09:00 to 17:00, no years yet.
   *
   * @param id a name for messages ({@code england}, {@code cn-mainland})
   * @param zone the time zone of the business days
   * @return a builder
   */
  public static Builder builder(String id, ZoneId zone) {
    return new Builder(id, zone);
  }

  /**
   * A calendar that treats every day as a business day, for calendar-day policies: open all day,
   * covering all years.
   *
   * @param zone the time zone
   * @return the calendar
   */
  public static BusinessCalendar everyDay(ZoneId zone) {
    Builder b = new Builder("every-day", zone);
    b.workingDays = EnumSet.allOf(DayOfWeek.class);
    b.open = LocalTime.MIDNIGHT;
    b.close = LocalTime.MAX;
    b.allYears = true;
    return new BusinessCalendar(b);
  }

  /**
   * The calendar's name.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The calendar's time zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The years the calendar covers.
   *
   * @return the years, sorted
   */
  public Set<Integer> years() {
    return new TreeSet<>(years);
  }

  /**
   * Whether a date is a business day.
   *
   * @param date the date
   * @return true on a working weekday that is not a holiday, or a worked weekend day
   * @throws CalendarCoverageException if the calendar has no holidays for the date's year
   */
  public boolean isBusinessDay(LocalDate date) {
    if (allYears) {
      return workingDays.contains(date.getDayOfWeek());
    }
    int slot = date.getYear() - firstYear;
    if (slot >= 0 && slot < businessDays.length && businessDays[slot] != null) {
      return businessDays[slot].get(date.getDayOfYear());
    }
    return loaded(date.getYear()).get(date.getDayOfYear());
  }

  /** A year from the holiday source, computed once. */
  private BitSet loaded(int year) {
    int slot = year - FIRST_LOADABLE;
    if (source == null || slot < 0 || slot >= LOADABLE_YEARS) {
      throw new CalendarCoverageException("calendar '" + id + "' has no holidays for " + year);
    }
    BitSet days = loaded.get(slot);
    if (days == null) {
      HolidaySource.Year y = source.year(year);
      if (y == null) {
        throw new CalendarCoverageException("calendar '" + id + "' has no holidays for " + year);
      }
      days = businessDaysOf(year, y.holidays(), y.workedDays());
      loaded.compareAndSet(slot, null, days);
    }
    return days;
  }

  private BitSet businessDaysOf(int year, Set<LocalDate> off, Set<LocalDate> worked) {
    BitSet days = new BitSet(367);
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (worked.contains(d) || (workingDays.contains(d.getDayOfWeek()) && !off.contains(d))) {
        days.set(d.getDayOfYear());
      }
    }
    return days;
  }

  /**
   * Whether the calendar can answer for a year: it was given the year's holidays, or its holiday
   * source has them.
   *
   * @param year the year
   * @return true if dates of that year can be used
   */
  public boolean covers(int year) {
    if (allYears || years.contains(year)) {
      return true;
    }
    try {
      loaded(year);
      return true;
    } catch (CalendarCoverageException e) {
      return false;
    }
  }

  /**
   * The first business day on or after a date.
   *
   * @param date the date
   * @return that day
   * @throws CalendarCoverageException if a year on the way is not covered
   */
  public LocalDate businessDayOnOrAfter(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < 400; i++) {
      if (isBusinessDay(d)) {
        return d;
      }
      d = d.plusDays(1);
    }
    throw new ValidationException("calendar '" + id + "' has no business day within 400 days of " + date);
  }

  /**
   * The business day that lies {@code n} business days after {@code date}.
   *
   * @param date the start (not counted)
   * @param n how many business days, at least 0
   * @return the date
   * @throws CalendarCoverageException if a year on the way is not covered
   */
  public LocalDate plusBusinessDays(LocalDate date, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n " + n + " is negative");
    }
    LocalDate d = date;
    int left = n;
    while (left > 0) {
      d = businessDayOnOrAfter(d.plusDays(1));
      left--;
    }
    return d;
  }

  /**
   * The business day that lies {@code n} business days before {@code date}.
   *
   * @param date the start (not counted)
   * @param n how many, at least 0
   * @return the date
   * @throws CalendarCoverageException if a year on the way is not covered
   */
  public LocalDate minusBusinessDays(LocalDate date, int n) {
    LocalDate d = date;
    int left = n;
    while (left > 0) {
      d = d.minusDays(1);
      int guard = 0;
      while (!isBusinessDay(d)) {
        d = d.minusDays(1);
        if (++guard > 400) {
          throw new ValidationException("calendar '" + id + "' has no business day within 400 days before " + date);
        }
      }
      left--;
    }
    return d;
  }

  /**
   * The close of business on a date.
   *
   * @param date the date
   * @return the instant business closes
   */
  public Instant closeOfBusiness(LocalDate date) {
    if (close.equals(LocalTime.MAX)) {
      return endOfDay(date);
    }
    return ZonedDateTime.of(date, close, zone).toInstant();
  }

  /**
   * The end of a date: midnight at the start of the next day.
   *
   * @param date the date
   * @return the instant the date ends
   */
  public Instant endOfDay(LocalDate date) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * The deadline for a limit counted from a start, as described in {@link
   * io.clm.api.complaints.SlaUnit}.
   *
   * @param start when the clock starts (the receipt of the complaint)
   * @param limit the limit
   * @return the deadline
   * @throws CalendarCoverageException if a year the deadline needs is not covered
   */
  public Instant deadline(Instant start, SlaLimit limit) {
    return deadline(start, limit, List.of());
  }

  /**
   * The deadline for a limit counted from a start, with the clock stopped during some pauses. Each
   * pause shifts the deadline by exactly its length measured in the limit's unit (only the part
   * after {@code start} counts): for day units the number of days (business days for business-day
   * units) whose end passed while paused, a business day ending at close of business for {@link
   * io.clm.api.complaints.SlaUnit#BUSINESS_DAYS_CLOSE_OF_BUSINESS}; for business hours the business
   * time that passed while paused.
   *
   * @param start when the clock starts (the receipt of the complaint)
   * @param limit the limit
   * @param pauses finished pauses, in any order, not overlapping
   * @return the deadline
   * @throws CalendarCoverageException if a year the deadline needs is not covered
   */
  public Instant deadline(Instant start, SlaLimit limit, List<Pause> pauses) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(pauses, "pauses");
    LocalDate received = start.atZone(zone).toLocalDate();
    return switch (limit.unit()) {
      case CALENDAR_DAYS -> endOfDay(received.plusDays(limit.amount() + BusinessTime.pausedDays(this, start, pauses, limit.unit())));
      case WEEKS -> endOfDay(received.plusDays(7L * limit.amount() + BusinessTime.pausedDays(this, start, pauses, limit.unit())));
      case CALENDAR_DAYS_TO_BUSINESS_DAY ->
          endOfDay(businessDayOnOrAfter(received.plusDays(limit.amount() + BusinessTime.pausedDays(this, start, pauses, limit.unit()))));
      case BUSINESS_DAYS -> endOfDay(plusBusinessDays(received, limit.amount() + (int) BusinessTime.pausedDays(this, start, pauses, limit.unit())));
      case BUSINESS_DAYS_CLOSE_OF_BUSINESS ->
          closeOfBusiness(plusBusinessDays(received, limit.amount() + (int) BusinessTime.pausedDays(this, start, pauses, limit.unit())));
      case BUSINESS_HOURS -> BusinessTime.plus(this, start, Duration.ofHours(limit.amount()).plus(BusinessTime.pausedBusinessTime(this, start, pauses)));
    };
  }

  /**
   * The business time (time inside business hours on business days) between two instants.
   *
   * @param from the first instant
   * @param to the second, not before {@code from}
   * @return the business time
   * @throws CalendarCoverageException if a year on the way is not covered
   * @throws ValidationException if {@code to} is before {@code from}
   */
  public Duration businessTimeBetween(Instant from, Instant to) {
    return BusinessTime.between(this, from, to);
  }

  /**
   * The instant a lead time before a deadline falls on: {@code n} business days earlier (at the
   * same end of day or close of business), {@code n} calendar days or weeks earlier, or {@code n}
   * business hours earlier.
   *
   * @param deadline the deadline
   * @param lead how long before
   * @return the instant
   * @throws CalendarCoverageException if a year on the way is not covered
   */
  public Instant before(Instant deadline, SlaLimit lead) {
    LocalDate day = deadline.minusNanos(1).atZone(zone).toLocalDate();
    return switch (lead.unit()) {
      case CALENDAR_DAYS, CALENDAR_DAYS_TO_BUSINESS_DAY -> deadline.atZone(zone).minusDays(lead.amount()).toInstant();
      case WEEKS -> deadline.atZone(zone).minusDays(7L * lead.amount()).toInstant();
      case BUSINESS_DAYS -> endOfDay(minusBusinessDays(businessDayOnOrAfter(day), lead.amount()));
      case BUSINESS_DAYS_CLOSE_OF_BUSINESS -> closeOfBusiness(minusBusinessDays(businessDayOnOrAfter(day), lead.amount()));
      case BUSINESS_HOURS -> BusinessTime.minus(this, deadline, Duration.ofHours(lead.amount()));
    };
  }

  /** The opening time of business days. */
  LocalTime opening() {
    return open;
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + id + ", " + zone + ", years " + years() + "]";
  }

  /** Builds a {@link BusinessCalendar}; holidays and years add up, the rest may be set once. */
  public static final class Builder {
    private final String id;
    private final ZoneId zone;
    private Set<DayOfWeek> workingDays =
        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private boolean workingDaysSet;
    private LocalTime open = LocalTime.of(9, 0);
    private LocalTime close = LocalTime.of(17, 0);
    private boolean hoursSet;
    private boolean allYears;
    private final Set<Integer> years = new HashSet<>();
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workedWeekendDays = new HashSet<>();
    private HolidaySource source;

    private Builder(String id, ZoneId zone) {
      this.id = Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new ValidationException("calendar id is blank");
      }
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Sets the working weekdays.
     *
     * @param days the days; not empty
     * @return this builder
     * @throws ValidationException if empty
     * @throws IllegalStateException if already set
     */
    public Builder workingDays(Set<DayOfWeek> days) {
      if (workingDaysSet) {
        throw new IllegalStateException("working days were already set");
      }
      if (days.isEmpty()) {
        throw new ValidationException("working days are empty");
      }
      workingDays = EnumSet.copyOf(days);
      workingDaysSet = true;
      return this;
    }

    /**
     * Sets the business hours.
     *
     * @param opens opening time
     * @param closes closing time, after opening
     * @return this builder
     * @throws ValidationException if closing is not after opening
     * @throws IllegalStateException if already set
     */
    public Builder businessHours(LocalTime opens, LocalTime closes) {
      if (hoursSet) {
        throw new IllegalStateException("business hours were already set");
      }
      if (!closes.isAfter(opens)) {
        throw new ValidationException("business hours close " + closes + " is not after open " + opens);
      }
      open = opens;
      close = closes;
      hoursSet = true;
      return this;
    }

    /**
     * Declares explicitly that a year has no public holidays (only the working weekdays count).
     *
     * @param year the year
     * @return this builder
     */
    public Builder noHolidays(int year) {
      years.add(year);
      return this;
    }

    /**
     * Adds a year's public holidays (and covers the year). At least one date: a year without
     * holidays is declared with {@link #noHolidays}, so that an empty list is never a silent
     * mistake.
     *
     * @param year the year
     * @param dates the holidays, all in that year; at least one
     * @return this builder
     * @throws ValidationException if no date is given or a date lies in another year
     */
    public Builder holidays(int year, LocalDate... dates) {
      if (dates.length == 0) {
        throw new ValidationException(
            "calendar '" + id + "' got no holidays for " + year + "; declare a year without holidays with noHolidays(" + year + ")");
      }
      holidays.addAll(inYear(year, dates, "holiday"));
      years.add(year);
      return this;
    }

    /** Years not given here are asked of the source (computed once per year). */
    Builder source(HolidaySource value) {
      source = Objects.requireNonNull(value, "source");
      return this;
    }

    /**
     * Adds weekend days that are worked (make-up working days), in a year given with {@link
     * #holidays} or {@link #noHolidays}. Worked days alone do not cover a year.
     *
     * @param year the year
     * @param dates the dates, all in that year
     * @return this builder
     * @throws ValidationException if a date lies in another year
     */
    public Builder workedDays(int year, LocalDate... dates) {
      workedWeekendDays.addAll(inYear(year, dates, "worked day"));
      return this;
    }

    /** Checks that every date lies in the year. */
    private Set<LocalDate> inYear(int year, LocalDate[] dates, String what) {
      for (LocalDate d : dates) {
        if (d.getYear() != year) {
          throw new ValidationException(what + " " + d + " is not in " + year);
        }
      }
      return Set.of(dates);
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     * @throws ValidationException if no year is covered, a date is both a holiday and worked, or
     *     worked days are given for a year with neither holidays nor {@link #noHolidays}
     */
    public BusinessCalendar build() {
      if (years.isEmpty() && !allYears && source == null) {
        throw new ValidationException("calendar '" + id + "' covers no year");
      }
      for (LocalDate d : new TreeSet<>(workedWeekendDays)) {
        if (holidays.contains(d)) {
          throw new ValidationException("date " + d + " is both a holiday and a worked day");
        }
        if (!allYears && !years.contains(d.getYear())) {
          throw new ValidationException("calendar '" + id + "' has worked days in " + d.getYear()
              + " but no holidays for " + d.getYear() + "; give them with holidays(" + d.getYear() + ", ...) or noHolidays("
              + d.getYear() + ")");
        }
      }
      return new BusinessCalendar(this);
    }
  }
}
