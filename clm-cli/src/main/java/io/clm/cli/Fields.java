package io.clm.cli;

import java.time.Instant;
import java.time.Month;
import java.time.Year;
import java.util.Locale;

/** Formatting and parsing of field values shared by the readers and the writers. */
final class Fields {
  private Fields() {}

  /** The lowercase, hyphenated form of an enum constant used in files: {@code current-account}. */
  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.SSS...]Z} without allocating a formatter: the common case
   * of exported timestamps. Returns null for anything else, which the caller then parses with
   * java.time.
   */
  static Instant parseUtcInstant(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return null;
      }
      int fraction = digits(s, 20, n - 21);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second, nanos);
  }

  /**
   * Days from 1970-01-01 to a date of the proleptic Gregorian calendar with a year from 0 to 9999,
   * as {@link java.time.LocalDate#toEpochDay()} counts them: whole 400-year eras of 146,097 days,
   * with the year taken to start on 1 March so that a leap day ends it.
   */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468;
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
