package io.clm.complaints;

import io.clm.api.ValidationException;
import io.clm.api.complaints.SlaUnit;
import io.clm.api.complaints.StoredTicket.Pause;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Business time on a {@link BusinessCalendar}: hours inside business hours, and pauses counted in a limit's unit. */
final class BusinessTime {
  private BusinessTime() {}

  /**
   * How many days of a day unit ended while the clock was paused after {@code start}: for the
   * calendar-day units the days {@code d} with {@code date(from) <= d < date(to)}; for the
   * business-day units the business days whose end passed inside the pause ({@code from < end(d) <=
   * to}), the end being close of business for {@link SlaUnit#BUSINESS_DAYS_CLOSE_OF_BUSINESS} and
   * the end of the day for {@link SlaUnit#BUSINESS_DAYS}.
   */
  static long pausedDays(BusinessCalendar cal, Instant start, List<Pause> pauses, SlaUnit unit) {
    long days = 0;
    for (Pause p : pauses) {
      if (!p.to().isAfter(start)) {
        continue;
      }
      Instant from = p.from().isBefore(start) ? start : p.from();
      LocalDate first = from.atZone(cal.zone()).toLocalDate();
      LocalDate last = p.to().atZone(cal.zone()).toLocalDate();
      days += switch (unit) {
        case CALENDAR_DAYS, WEEKS, CALENDAR_DAYS_TO_BUSINESS_DAY -> ChronoUnit.DAYS.between(first, last);
        case BUSINESS_DAYS, BUSINESS_DAYS_CLOSE_OF_BUSINESS -> {
          long ended = 0;
          for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Instant end = unit == SlaUnit.BUSINESS_DAYS ? cal.endOfDay(d) : cal.closeOfBusiness(d);
            if (end.isAfter(from) && !end.isAfter(p.to()) && cal.isBusinessDay(d)) {
              ended++;
            }
          }
          yield ended;
        }
        case BUSINESS_HOURS -> throw new IllegalArgumentException("business hours are not counted in days");
      };
    }
    return days;
  }

  static Duration pausedBusinessTime(BusinessCalendar cal, Instant start, List<Pause> pauses) {
    Duration total = Duration.ZERO;
    for (Pause p : pauses) {
      if (p.to().isAfter(start)) {
        total = total.plus(between(cal, p.from().isBefore(start) ? start : p.from(), p.to()));
      }
    }
    return total;
  }

  static Duration between(BusinessCalendar cal, Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new ValidationException("business time end " + to + " is before its start " + from);
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(cal.zone()).toLocalDate();
    for (LocalDate d = from.atZone(cal.zone()).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      if (cal.isBusinessDay(d)) {
        Instant opening = ZonedDateTime.of(d, cal.opening(), cal.zone()).toInstant();
        Instant closing = cal.closeOfBusiness(d);
        Instant a = from.isAfter(opening) ? from : opening;
        Instant b = to.isBefore(closing) ? to : closing;
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  static Instant plus(BusinessCalendar cal, Instant start, Duration amount) {
    Duration left = amount;
    LocalDate date = start.atZone(cal.zone()).toLocalDate();
    Instant cursor = start;
    for (int guard = 0; guard < 4000; guard++) {
      if (cal.isBusinessDay(date)) {
        Instant opening = ZonedDateTime.of(date, cal.opening(), cal.zone()).toInstant();
        Instant closing = cal.closeOfBusiness(date);
        Instant from = cursor.isAfter(opening) ? cursor : opening;
        if (from.isBefore(closing)) {
          Duration available = Duration.between(from, closing);
          if (available.compareTo(left) >= 0) {
            return from.plus(left);
          }
          left = left.minus(available);
        }
      }
      date = date.plusDays(1);
      cursor = date.atStartOfDay(cal.zone()).toInstant();
    }
    throw new ValidationException("calendar '" + cal.id() + "' cannot fit " + amount + " of business time");
  }

  static Instant minus(BusinessCalendar cal, Instant end, Duration amount) {
    Duration left = amount;
    LocalDate date = end.atZone(cal.zone()).toLocalDate();
    Instant cursor = end;
    for (int guard = 0; guard < 4000; guard++) {
      if (cal.isBusinessDay(date)) {
        Instant opening = ZonedDateTime.of(date, cal.opening(), cal.zone()).toInstant();
        Instant closing = cal.closeOfBusiness(date);
        Instant to = cursor.isBefore(closing) ? cursor : closing;
        if (to.isAfter(opening)) {
          Duration available = Duration.between(opening, to);
          if (available.compareTo(left) >= 0) {
            return to.minus(left);
          }
          left = left.minus(available);
        }
      }
      date = date.minusDays(1);
      cursor = cal.endOfDay(date);
    }
    throw new ValidationException("calendar '" + cal.id() + "' cannot fit " + amount + " of business time");
  }
}
