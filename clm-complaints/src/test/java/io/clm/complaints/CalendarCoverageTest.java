package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.SlaLimit;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Years a calendar has, years it lacks, and years said to have no holidays. */
class CalendarCoverageTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aMissingChineseYearIsRefusedWhenNeededAndComputedOnceAdded() {
    BusinessCalendar shipped = HolidayCalendars.of("CN");
    Instant received = LocalDateTime.parse("2026-12-20T10:00").atZone(SHANGHAI).toInstant();
    assertThat(shipped.covers(2026)).isTrue();
    assertThat(shipped.covers(2027)).isFalse();
    // 15 days end on 4 January 2027: the 2027 notice is not shipped
    assertThatThrownBy(() -> shipped.deadline(received, SlaLimit.calendarDaysToBusinessDay(15)))
        .isInstanceOf(CalendarCoverageException.class)
        .hasMessage("calendar 'CN' has no holidays for 2027");
    // a bank adds the year from the notice; here a year given only to show the mechanism:
    // 1 January off, no make-up day; 4 January 2027 is a Monday and a working day
    BusinessCalendar added = HolidayCalendars.china(new StringReader("year 2027 example\noff 2027-01-01\n"));
    assertThat(added.deadline(received, SlaLimit.calendarDaysToBusinessDay(15)))
        .isEqualTo(LocalDateTime.parse("2027-01-05T00:00").atZone(SHANGHAI).toInstant());
    assertThat(added.isBusinessDay(LocalDate.of(2027, 1, 1))).isFalse();
  }

  @Test
  void aYearWithoutHolidaysIsAcceptedOnlyWhenSaidExplicitly() {
    assertThatThrownBy(() -> HolidayCalendars.china(new StringReader("year 2027 example\n")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("year 2027 of the Chinese calendar has no holidays; say 'off none' if it really has none");
    BusinessCalendar none = HolidayCalendars.china(new StringReader("year 2027 example\noff none\n"));
    assertThat(none.isBusinessDay(LocalDate.of(2027, 1, 1))).isTrue();
    assertThatThrownBy(() -> BusinessCalendar.builder("x", SHANGHAI).holidays(2027))
        .isInstanceOf(ValidationException.class)
        .hasMessage("calendar 'x' got no holidays for 2027; declare a year without holidays with noHolidays(2027)");
    assertThat(BusinessCalendar.builder("x", SHANGHAI).noHolidays(2027).build().isBusinessDay(LocalDate.of(2027, 1, 1)))
        .isTrue();
    assertThatThrownBy(() -> HolidayCalendars.china(new StringReader("year 2026 again\noff 2026-01-01\n")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("extra years line 1: year 2026 is given twice");
  }

  @Test
  void theUsFederalCalendarHasEveryHolidayOnOpmsListIncludingColumbusDay() {
    // OPM, federal holidays 2025 and 2026 (Independence Day 2026 on a Saturday is observed Friday 3 July)
    BusinessCalendar federal = HolidayCalendars.of("US");
    assertThat(weekdaysOff(federal, 2025)).containsExactly(
        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 17), LocalDate.of(2025, 5, 26),
        LocalDate.of(2025, 6, 19), LocalDate.of(2025, 7, 4), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 13),
        LocalDate.of(2025, 11, 11), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25));
    assertThat(weekdaysOff(federal, 2026)).containsExactly(
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 5, 25),
        LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 12),
        LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
    // the hand-typed test calendar from the same list agrees
    assertThat(weekdaysOff(TestCalendars.newYork(), 2025)).isEqualTo(weekdaysOff(federal, 2025));
  }

  @Test
  void theFederalReserveCalendarGivesNoFridayOffForASaturdayHoliday() {
    // Federal Reserve holiday schedule: "For holidays falling on Saturday, Federal Reserve Banks and
    // Branches will be open the preceding Friday"; a Sunday holiday is observed on the Monday.
    // 2027: Juneteenth (19 June) and Christmas (25 December) fall on a Saturday, Independence Day on
    // a Sunday, and 1 January 2028 on a Saturday (the federal calendar's Friday 31 December 2027).
    BusinessCalendar reserve = HolidayCalendars.of("US-FRB");
    assertThat(weekdaysOff(reserve, 2027)).containsExactly(
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 31),
        LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6), LocalDate.of(2027, 10, 11), LocalDate.of(2027, 11, 11),
        LocalDate.of(2027, 11, 25));
    assertThat(weekdaysOff(HolidayCalendars.of("US"), 2027)).containsExactly(
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 31),
        LocalDate.of(2027, 6, 18), LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6), LocalDate.of(2027, 10, 11),
        LocalDate.of(2027, 11, 11), LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 31));
    // 2026: Independence Day on a Saturday; the Reserve Banks are open on Friday 3 July
    assertThat(reserve.isBusinessDay(LocalDate.of(2026, 7, 3))).isTrue();
    assertThat(HolidayCalendars.of("US").isBusinessDay(LocalDate.of(2026, 7, 3))).isFalse();
    assertThat(reserve.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(reserve.id()).isEqualTo("US-FRB");
    assertThat(reserve.zone()).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void columbusDayIsTheSecondMondayInOctoberFromTheFirstYearOfTheMondayRule() {
    // the Uniform Monday Holiday Act took effect in 1971: the second Monday of October 1971 was the 11th
    assertThat(HolidayCalendars.of("US").isBusinessDay(LocalDate.of(1971, 10, 11))).isFalse();
    assertThat(HolidayCalendars.of("US").isBusinessDay(LocalDate.of(1971, 10, 4))).isTrue();
  }

  @Test
  void theShippedChineseCalendarWorksTheMakeUpWeekendDays() {
    // 国办发明电〔2024〕12号: Sunday 26 January, Saturday 8 February, Sunday 27 April, Sunday 28
    // September and Saturday 11 October 2025 are working days; 1 October is not
    BusinessCalendar china = HolidayCalendars.of("CN");
    for (LocalDate worked : new LocalDate[] {LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)}) {
      assertThat(china.isBusinessDay(worked)).as(worked.toString()).isTrue();
    }
    assertThat(china.isBusinessDay(LocalDate.of(2025, 10, 1))).isFalse();
    assertThat(china.isBusinessDay(LocalDate.of(2025, 10, 12))).isFalse();
  }

  private static java.util.List<LocalDate> weekdaysOff(BusinessCalendar calendar, int year) {
    java.util.List<LocalDate> off = new java.util.ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5 && !calendar.isBusinessDay(d)) {
        off.add(d);
      }
    }
    return off;
  }

  @Test
  void workedDaysInAYearWithoutHolidaysAreRefusedNotTakenAsCover() {
    // a mistyped year on the make-up days would otherwise leave 2052 silently without holidays
    assertThatThrownBy(() -> BusinessCalendar.builder("x", SHANGHAI)
            .holidays(2025, LocalDate.of(2025, 10, 1))
            .workedDays(2052, LocalDate.of(2052, 9, 28))
            .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("calendar 'x' has worked days in 2052 but no holidays for 2052; give them with holidays(2052, ...) or noHolidays(2052)");
    BusinessCalendar declared = BusinessCalendar.builder("x", SHANGHAI)
        .noHolidays(2025)
        .workedDays(2025, LocalDate.of(2025, 9, 28))
        .build();
    assertThat(declared.isBusinessDay(LocalDate.of(2025, 9, 28))).isTrue();
    assertThat(declared.covers(2052)).isFalse();
  }

  @Test
  void jurisdictionsAreOneLineAndUnknownOnesAreNamed() {
    assertThat(HolidayCalendars.of("GB-ENG").zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(HolidayCalendars.jurisdictions()).contains("GB-ENG", "GB-SCT", "GB-NIR", "GB-WLS", "DE", "FR", "US", "CN")
        .contains("US-FRB").doesNotContain("GB").hasSize(34);
    assertThatThrownBy(() -> HolidayCalendars.of("GB"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("jurisdiction 'GB' needs a nation: GB-ENG, GB-SCT, GB-NIR or GB-WLS (their bank holidays differ)");
    assertThatThrownBy(() -> HolidayCalendars.of("XX"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("jurisdiction 'XX' is not known; known: [AT, BE, BG, CN, CY, CZ, DE,");
    assertThatThrownBy(() -> HolidayCalendars.of("DE-ZZ"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("jurisdiction 'DE-ZZ' is not known; regions of DE: [bb, be, bw, by,");
  }
}
