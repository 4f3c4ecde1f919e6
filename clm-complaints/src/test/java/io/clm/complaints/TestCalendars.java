package io.clm.complaints;

import static java.time.LocalDate.of;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Holiday calendars used by the tests, typed in from the public sources named below (see
 * src/test/resources/calendars/README.md).
 */
final class TestCalendars {
  private TestCalendars() {}

  /** England and Wales bank holidays 2025 and 2026 (gov.uk/bank-holidays). */
  static BusinessCalendar england() {
    return englandBuilder()
        .holidays(2026, of(2026, 1, 1), of(2026, 4, 3), of(2026, 4, 6), of(2026, 5, 4), of(2026, 5, 25),
            of(2026, 8, 31), of(2026, 12, 25), of(2026, 12, 28))
        .build();
  }

  /** England and Wales 2025 only: the year 2026 is missing on purpose. */
  static BusinessCalendar england2025Only() {
    return englandBuilder().build();
  }

  private static BusinessCalendar.Builder englandBuilder() {
    return BusinessCalendar.builder("england", ZoneId.of("Europe/London"))
        .holidays(2025, of(2025, 1, 1), of(2025, 4, 18), of(2025, 4, 21), of(2025, 5, 5), of(2025, 5, 26),
            of(2025, 8, 25), of(2025, 12, 25), of(2025, 12, 26));
  }

  /**
   * Mainland China 2025 public holidays and make-up working days (State Council General Office
   * notice of 12 November 2024), and 2026 (notice of November 2025).
   */
  static BusinessCalendar china() {
    return BusinessCalendar.builder("cn-mainland", ZoneId.of("Asia/Shanghai"))
        .holidays(2025, all(range(of(2025, 1, 1), 1), range(of(2025, 1, 28), 8), range(of(2025, 4, 4), 3),
            range(of(2025, 5, 1), 5), range(of(2025, 5, 31), 3), range(of(2025, 10, 1), 8)))
        .workedDays(2025, of(2025, 1, 26), of(2025, 2, 8), of(2025, 4, 27), of(2025, 9, 28), of(2025, 10, 11))
        .holidays(2026, all(range(of(2026, 1, 1), 3), range(of(2026, 2, 15), 9), range(of(2026, 4, 4), 3),
            range(of(2026, 5, 1), 5), range(of(2026, 6, 19), 3), range(of(2026, 9, 25), 3), range(of(2026, 10, 1), 7)))
        .workedDays(2026, of(2026, 1, 4), of(2026, 2, 14), of(2026, 2, 28), of(2026, 5, 9), of(2026, 9, 20),
            of(2026, 10, 10))
        .build();
  }

  /** Hesse (Frankfurt am Main) public holidays 2025 (Hessisches Feiertagsgesetz). */
  static BusinessCalendar frankfurt() {
    return BusinessCalendar.builder("de-he", ZoneId.of("Europe/Berlin"))
        .holidays(2025, of(2025, 1, 1), of(2025, 4, 18), of(2025, 4, 21), of(2025, 5, 1), of(2025, 5, 29),
            of(2025, 6, 9), of(2025, 6, 19), of(2025, 10, 3), of(2025, 12, 25), of(2025, 12, 26))
        .build();
  }

  /** US federal holidays 2025 (OPM); 2026 left out: CFPB counts calendar days and never needs it. */
  static BusinessCalendar newYork() {
    return BusinessCalendar.builder("us-federal", ZoneId.of("America/New_York"))
        .holidays(2025, of(2025, 1, 1), of(2025, 1, 20), of(2025, 2, 17), of(2025, 5, 26), of(2025, 6, 19),
            of(2025, 7, 4), of(2025, 9, 1), of(2025, 10, 13), of(2025, 11, 11), of(2025, 11, 27), of(2025, 12, 25))
        .build();
  }

  private static LocalDate[] all(LocalDate[]... ranges) {
    return java.util.Arrays.stream(ranges).flatMap(java.util.Arrays::stream).toArray(LocalDate[]::new);
  }

  private static LocalDate[] range(LocalDate first, int days) {
    LocalDate[] out = new LocalDate[days];
    for (int i = 0; i < days; i++) {
      out[i] = first.plusDays(i);
    }
    return out;
  }
}
