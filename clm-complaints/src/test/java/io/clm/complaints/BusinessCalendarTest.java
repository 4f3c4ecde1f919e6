package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import io.clm.api.complaints.SlaLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The calendar arithmetic behind SLA warnings and business-hour clocks, on the England and Wales
 * calendar of {@link TestCalendars} (Monday to Friday, 09:00 to 17:00, Europe/London; 25 and 26
 * December 2025 and 1 January 2026 are bank holidays; British Summer Time starts on Sunday 29 March
 * 2026). Every expected instant is worked out by hand in the comment beside it.
 */
class BusinessCalendarTest {
  private final BusinessCalendar england = TestCalendars.england();

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void businessTimeCountsOnlyTheHoursOfBusinessDays() {
    // Friday 19 December 2025 16:00 to Monday 22 December 10:00 (GMT): an hour on each day
    assertThat(england.businessTimeBetween(at("2025-12-19T16:00:00Z"), at("2025-12-22T10:00:00Z"))).isEqualTo(Duration.ofHours(2));
    // Wednesday 24 December 16:30 to Monday 29 December 09:30: half an hour on each side of two
    // bank holidays and a weekend
    assertThat(england.businessTimeBetween(at("2025-12-24T16:30:00Z"), at("2025-12-29T09:30:00Z"))).isEqualTo(Duration.ofHours(1));
    // Thursday 18 December 08:00 to 18:00: the whole business day, 09:00 to 17:00
    assertThat(england.businessTimeBetween(at("2025-12-18T08:00:00Z"), at("2025-12-18T18:00:00Z"))).isEqualTo(Duration.ofHours(8));
    // Saturday 20 December, all day
    assertThat(england.businessTimeBetween(at("2025-12-20T00:00:00Z"), at("2025-12-21T00:00:00Z"))).isZero();
    assertThat(england.businessTimeBetween(at("2025-12-18T10:00:00Z"), at("2025-12-18T10:00:00Z"))).isZero();
    assertThatThrownBy(() -> england.businessTimeBetween(at("2025-12-18T10:00:00Z"), at("2025-12-18T09:59:59Z")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2025-12-18T09:59:59Z")
        .hasMessageContaining("2025-12-18T10:00:00Z");
  }

  @Test
  void aLeadInCalendarDaysOrWeeksKeepsTheLocalTimeAcrossTheClockChange() {
    // end of Thursday 2 April 2026 (BST): midnight 3 April BST = 2 April 23:00 UTC
    Instant deadline = at("2026-04-02T23:00:00Z");
    // a week earlier: midnight 27 March, before the clocks went forward on 29 March, so GMT
    assertThat(england.before(deadline, SlaLimit.weeks(1))).isEqualTo(at("2026-03-27T00:00:00Z"));
    // two weeks earlier: midnight 20 March, GMT
    assertThat(england.before(deadline, SlaLimit.weeks(2))).isEqualTo(at("2026-03-20T00:00:00Z"));
    // three days earlier: midnight 31 March BST = 30 March 23:00 UTC
    assertThat(england.before(deadline, SlaLimit.calendarDays(3))).isEqualTo(at("2026-03-30T23:00:00Z"));
    assertThat(england.before(deadline, SlaLimit.calendarDaysToBusinessDay(3))).isEqualTo(at("2026-03-30T23:00:00Z"));
  }

  @Test
  void aLeadInBusinessDaysSkipsWeekendsAndHolidays() {
    // end of Thursday 8 January 2026; three business days earlier: Monday 5 January, its end
    assertThat(england.before(at("2026-01-09T00:00:00Z"), SlaLimit.businessDays(3))).isEqualTo(at("2026-01-06T00:00:00Z"));
    // end of Friday 2 January 2026; 1 January is a holiday: 31, 30 and 29 December, end of the 29th
    assertThat(england.before(at("2026-01-03T00:00:00Z"), SlaLimit.businessDays(3))).isEqualTo(at("2025-12-30T00:00:00Z"));
    // close of business on Monday 29 December 2025; two business days earlier, past the weekend
    // and 25 and 26 December: Tuesday 23 December at 17:00
    assertThat(england.before(at("2025-12-29T17:00:00Z"), SlaLimit.businessDaysCloseOfBusiness(2)))
        .isEqualTo(at("2025-12-23T17:00:00Z"));
  }

  @Test
  void aLeadInBusinessHoursGoesBackOverTheNightAndTheWeekend() {
    // Monday 22 December 2025 11:00 GMT; four business hours: two on Monday from 09:00, two on
    // Friday 19 December before 17:00
    assertThat(england.before(at("2025-12-22T11:00:00Z"), SlaLimit.businessHours(4))).isEqualTo(at("2025-12-19T15:00:00Z"));
    // Monday 29 December 2025 10:00; three business hours: one on Monday, then back past the
    // weekend and two bank holidays to Wednesday 24 December, 15:00
    assertThat(england.before(at("2025-12-29T10:00:00Z"), SlaLimit.businessHours(3))).isEqualTo(at("2025-12-24T15:00:00Z"));
  }

  @Test
  void businessDaysForwardAndBack() {
    LocalDate christmasEve = LocalDate.of(2025, 12, 24);
    assertThat(england.plusBusinessDays(christmasEve, 1)).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(england.plusBusinessDays(christmasEve, 0)).isEqualTo(christmasEve);
    assertThat(england.minusBusinessDays(LocalDate.of(2025, 12, 29), 1)).isEqualTo(christmasEve);
    assertThat(england.minusBusinessDays(LocalDate.of(2025, 12, 29), 0)).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(england.businessDayOnOrAfter(LocalDate.of(2025, 12, 25))).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(england.businessDayOnOrAfter(christmasEve)).isEqualTo(christmasEve);
    assertThat(england.years()).containsExactly(2025, 2026);
    assertThat(england.covers(2026)).isTrue();
    assertThat(england.covers(2027)).isFalse();
    // a calendar over a holiday source covers the years the source can answer for
    BusinessCalendar fromSource = HolidayCalendars.of("GB-ENG");
    assertThat(fromSource.covers(2030)).isTrue();
    // the years a holiday source answers for: 1900 to 2199
    assertThat(fromSource.covers(1900)).isTrue();
    assertThat(fromSource.covers(2199)).isTrue();
    assertThat(fromSource.covers(1899)).isFalse();
    assertThat(fromSource.covers(2200)).isFalse();
    assertThatThrownBy(() -> england.plusBusinessDays(christmasEve, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEveryDayCalendarIsOpenAroundTheClockInEveryYear() {
    BusinessCalendar everyDay = BusinessCalendar.everyDay(ZoneOffset.UTC);
    LocalDate saturday = LocalDate.of(1850, 6, 1);
    assertThat(saturday.getDayOfWeek()).hasToString("SATURDAY");
    assertThat(everyDay.isBusinessDay(saturday)).isTrue();
    assertThat(everyDay.covers(1850)).isTrue();
    assertThat(everyDay.years()).isEmpty();
    assertThat(everyDay.closeOfBusiness(saturday)).isEqualTo(at("1850-06-02T00:00:00Z"));
    // Saturday 20 December 2025 10:00 to Monday 22 December 10:00: all 48 hours count
    assertThat(everyDay.businessTimeBetween(at("2025-12-20T10:00:00Z"), at("2025-12-22T10:00:00Z"))).isEqualTo(Duration.ofHours(48));
    assertThat(everyDay.deadline(at("2025-12-20T10:00:00Z"), SlaLimit.businessHours(24))).isEqualTo(at("2025-12-21T10:00:00Z"));
    assertThat(everyDay.before(at("2025-12-21T10:00:00Z"), SlaLimit.businessHours(24))).isEqualTo(at("2025-12-20T10:00:00Z"));
    assertThat(everyDay.id()).isEqualTo("every-day");
    assertThat(everyDay.toString()).contains("every-day");
  }
}
