package io.clm.complaints;

import io.clm.api.ValidationException;
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
   * How many days (business days when {@code business}) ended while the clock was paused after
   * {@code start}: the days {@code d} with {@code date(from) <= d < date(to)}.
   */
  static long pausedDays(BusinessCalendar cal, Instant start, List<Pause> pauses, boolean business) {
    long days = 0;
    for (Pause p : pauses) {
      if (!p.to().isAfter(start)) {
        continue;
      }
      LocalDate from = (p.from().isBefore(start) ? start : p.from()).atZone(cal.zone()).toLocalDate();
      LocalDate to = p.to().atZone(cal.zone()).toLocalDate();
      if (!business) {
        days += ChronoUnit.DAYS.between(from, to);
      } else {
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
          if (cal.isBusinessDay(d)) {
            days++;
          }
        }
      }
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
