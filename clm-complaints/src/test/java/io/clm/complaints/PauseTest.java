package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.CustomerId;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.SlaUnit;
import io.clm.api.complaints.StopTheClockNotAllowedException;
import io.clm.api.complaints.StoredTicket.Pause;
import io.clm.api.event.Severity;
import io.clm.complaints.profiles.FcaDispWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pauses counted in each clock's own unit, allowed only where the rule provides a stop-the-clock,
 * and the FCA DISP 1.5 summary-resolution window.
 */
class PauseTest {

  private static final BusinessCalendar ENGLAND = HolidayCalendars.of("GB-ENG");
  private static final BusinessCalendar CHINA = HolidayCalendars.of("CN");

  private static Instant london(String local) {
    return LocalDateTime.parse(local).atZone(ENGLAND.zone()).toInstant();
  }

  private static Instant shanghai(String local) {
    return LocalDateTime.parse(local).atZone(CHINA.zone()).toInstant();
  }

  private static Instant deadline(BusinessCalendar calendar, String received, SlaLimit limit, String from, String to) {
    java.util.function.Function<String, Instant> at = s -> LocalDateTime.parse(s).atZone(calendar.zone()).toInstant();
    return calendar.deadline(at.apply(received), limit, List.of(new Pause(at.apply(from), at.apply(to))));
  }

  @Test
  void businessDaysMoveByTheBusinessDaysWhoseEndPassedWhilePaused() {
    // received Monday 2 June 2025: 15 business days end with Monday 23 June; paused from Wednesday
    // 4 June 15:00 to Friday 6 June 10:00: the ends of 4 and 5 June passed: two business days
    assertThat(deadline(ENGLAND, "2025-06-02T10:00", SlaLimit.businessDays(15), "2025-06-04T15:00", "2025-06-06T10:00"))
        .isEqualTo(london("2025-06-26T00:00"));
  }

  @Test
  void twoBusinessHoursAcrossAWeekendMoveABusinessDayClockByOneDayNotThree() {
    // received Thursday 5 June 2025 (15th business day: Thursday 26 June); paused Friday 6 June
    // 16:00 to Monday 9 June 11:00: only Friday's end passed on a business day: end of Friday 27 June
    assertThat(deadline(ENGLAND, "2025-06-05T10:00", SlaLimit.businessDays(15), "2025-06-06T16:00", "2025-06-09T11:00"))
        .isEqualTo(london("2025-06-28T00:00"));
  }

  @Test
  void aFullBusinessDayPausedOnAFridayReceiptMovesTheDeadline() {
    // received Friday 6 June 2025 09:00, paused until Monday 9 June 09:00: the same as a receipt on
    // Monday 9 June: 15 business days end with Monday 30 June
    assertThat(deadline(ENGLAND, "2025-06-06T09:00", SlaLimit.businessDays(15), "2025-06-06T09:00", "2025-06-09T09:00"))
        .isEqualTo(london("2025-07-01T00:00"));
  }

  @Test
  void aOneDayPauseAcrossTheSpringClockChangeMovesTheEndByOneDay() {
    // eight weeks from Thursday 20 March 2025 end with 15 May; paused from Saturday 29 March 12:00
    // to Sunday 30 March 12:00 (23 hours of wall clock: the clocks went forward): one day
    assertThat(deadline(ENGLAND, "2025-03-20T10:00", SlaLimit.weeks(8), "2025-03-29T12:00", "2025-03-30T12:00"))
        .isEqualTo(london("2025-05-17T00:00"));
  }

  @Test
  void closeOfBusinessDaysMoveByTheClosesOfBusinessThatPassedWhilePaused() {
    // received Monday 2 June 2025: close of business on the 2nd business day is Wednesday 4 June
    // 17:00; paused 16:00 to 18:00 that day: Wednesday's close passed while paused: Thursday 17:00
    assertThat(deadline(ENGLAND, "2025-06-02T10:00", SlaLimit.businessDaysCloseOfBusiness(2), "2025-06-04T16:00", "2025-06-04T18:00"))
        .isEqualTo(london("2025-06-05T17:00"));
    // paused 18:00 to 08:00 overnight: no close of business passed, nothing moves
    assertThat(deadline(ENGLAND, "2025-06-02T10:00", SlaLimit.businessDaysCloseOfBusiness(2), "2025-06-02T18:00", "2025-06-03T08:00"))
        .isEqualTo(london("2025-06-04T17:00"));
    // the same 16:00 to 18:00 pause on a business-day clock to the end of the day moves nothing
    assertThat(deadline(ENGLAND, "2025-06-02T10:00", SlaLimit.businessDays(2), "2025-06-04T16:00", "2025-06-04T18:00"))
        .isEqualTo(london("2025-06-05T00:00"));
  }

  @Test
  void noBreachFallsDueWhilePausedAcrossTheCloseOfBusinessDeadline() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).startAt(Instant.parse("2025-06-02T09:00:00Z")).build();
    Complaint c = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), Instant.parse("2025-06-02T09:00:00Z"), "x"), "agent");
    // first response by close of business on the 2nd business day: Wednesday 4 June 17:00 BST
    assertThat(c.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-04T16:00:00Z"));
    desk.pause(c.id(), "agent", "waiting for the card scheme", Instant.parse("2025-06-04T15:00:00Z"));
    Complaint resumed = desk.resume(c.id(), "agent", Instant.parse("2025-06-04T17:00:00Z"));
    List<SlaEvent> events = desk.advanceTo(Instant.parse("2025-06-04T17:01:00Z"));

    assertThat(events).noneMatch(e -> e.kind() == SlaEvent.Kind.BREACH);
    assertThat(resumed.audit()).noneMatch(a -> a.action().equals("sla-breach"));
    // Wednesday's close passed while paused: Thursday 5 June 17:00 BST
    assertThat(resumed.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-05T16:00:00Z"));
  }

  @Test
  void businessHoursMoveByTheBusinessTimePaused() {
    // 8 business hours from Monday 2 June 2025 09:00 end at 17:00; three hours paused: Tuesday 12:00
    assertThat(deadline(ENGLAND, "2025-06-02T09:00", SlaLimit.businessHours(8), "2025-06-02T11:00", "2025-06-02T14:00"))
        .isEqualTo(london("2025-06-03T12:00"));
    // 4 business hours from Friday 6 June 15:00 end Monday 11:00; paused Friday 16:00 to Monday
    // 10:00: one business hour on Friday and one on Monday: Monday 13:00
    assertThat(deadline(ENGLAND, "2025-06-06T15:00", SlaLimit.businessHours(4), "2025-06-06T16:00", "2025-06-09T10:00"))
        .isEqualTo(london("2025-06-09T13:00"));
  }

  @Test
  void calendarDaysToABusinessDayCountThePausedDaysBeforeMovingTheLastDay() {
    // 15 days from Monday 3 March 2025 end with Tuesday 18 March; seven days of external appraisal
    // (5 to 12 March): Tuesday 25 March
    assertThat(deadline(CHINA, "2025-03-03T09:00", SlaLimit.calendarDaysToBusinessDay(15), "2025-03-05T09:00", "2025-03-12T09:00"))
        .isEqualTo(shanghai("2025-03-26T00:00"));
    // a pause inside one day moves nothing
    assertThat(deadline(CHINA, "2025-03-03T09:00", SlaLimit.calendarDaysToBusinessDay(15), "2025-03-05T09:00", "2025-03-05T17:00"))
        .isEqualTo(shanghai("2025-03-19T00:00"));
    // 15 days from Friday 19 September 2025 end with Saturday 4 October, in Golden Week; three
    // days paused: 7 October, still in Golden Week: Thursday 9 October
    assertThat(deadline(CHINA, "2025-09-19T10:00", SlaLimit.calendarDaysToBusinessDay(15), "2025-09-22T10:00", "2025-09-25T10:00"))
        .isEqualTo(shanghai("2025-10-10T00:00"));
  }

  @Test
  void aPauseOfLengthDShiftsTheDeadlineByExactlyDInTheClocksUnit() {
    Instant base = london("2025-01-06T00:00");
    qt().withExamples(300)
        .forAll(longs().between(0, 300L * 24 * 60), integers().between(1, 40), longs().between(0, 20L * 24 * 60),
            integers().between(0, 4))
        .checkAssert((startMinute, amount, lengthMinutes, unitIndex) -> {
          SlaUnit unit = List.of(SlaUnit.BUSINESS_DAYS, SlaUnit.BUSINESS_DAYS_CLOSE_OF_BUSINESS, SlaUnit.CALENDAR_DAYS,
              SlaUnit.WEEKS, SlaUnit.BUSINESS_HOURS).get(unitIndex);
          SlaLimit limit = new SlaLimit(unit == SlaUnit.WEEKS ? Math.min(amount, 10) : amount, unit);
          Instant start = base.plus(Duration.ofMinutes(startMinute));
          Instant from = start.plus(Duration.ofMinutes(lengthMinutes % 600));
          Instant to = from.plus(Duration.ofMinutes(lengthMinutes));
          Instant plain = ENGLAND.deadline(start, limit);
          Instant paused = ENGLAND.deadline(start, limit, List.of(new Pause(from, to)));
          LocalDate fromDay = from.atZone(ENGLAND.zone()).toLocalDate();
          LocalDate toDay = to.atZone(ENGLAND.zone()).toLocalDate();
          switch (unit) {
            case BUSINESS_DAYS, BUSINESS_DAYS_CLOSE_OF_BUSINESS -> {
              // the business days whose end (close of business for the close-of-business unit) passed
              int days = 0;
              for (LocalDate d = fromDay; !d.isAfter(toDay); d = d.plusDays(1)) {
                Instant end = unit == SlaUnit.BUSINESS_DAYS ? ENGLAND.endOfDay(d) : ENGLAND.closeOfBusiness(d);
                days += ENGLAND.isBusinessDay(d) && end.isAfter(from) && !end.isAfter(to) ? 1 : 0;
              }
              assertThat(paused).isEqualTo(ENGLAND.deadline(start, new SlaLimit(limit.amount() + days, unit)));
            }
            case CALENDAR_DAYS, WEEKS, CALENDAR_DAYS_TO_BUSINESS_DAY ->
                assertThat(ChronoUnit.DAYS.between(plain.atZone(ENGLAND.zone()).toLocalDate(), paused.atZone(ENGLAND.zone()).toLocalDate()))
                    .isEqualTo(ChronoUnit.DAYS.between(fromDay, toDay));
            case BUSINESS_HOURS ->
                assertThat(ENGLAND.businessTimeBetween(plain, paused)).isEqualTo(ENGLAND.businessTimeBetween(from, to));
          }
        });
  }

  @Test
  void pausingIsRefusedWhereTheRuleHasNoStopTheClockAndNothingChanges() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new FcaDispWorkflow()).calendar(ENGLAND).build();
    Complaint c = desk.open(Intake.of(ComplaintChannel.PHONE, CustomerId.of("a"), london("2025-06-02T10:00"), "x"), "agent");
    assertThatThrownBy(() -> desk.pause(c.id(), "agent", "waiting for documents", london("2025-06-03T10:00")))
        .isInstanceOf(StopTheClockNotAllowedException.class)
        .hasMessage("ticket C-1 cannot be paused: sla policy 'uk-fca-disp.general' (FCA Handbook DISP 1.5.1R (close of"
            + " business on the third business day), DISP 1.6.2R (eight weeks)) has no stop-the-clock provision");
    assertThat(desk.get(c.id())).isEqualTo(c);
    for (String workflow : List.of("eu-psd2", "us-cfpb")) {
      assertThat(ComplaintDesk.findWorkflow(workflow).slaPolicy(Severity.NORMAL, "general").stopTheClock()).isEmpty();
    }
    assertThat(ComplaintDesk.findWorkflow("cn-banking-insurance-2020").slaPolicy(Severity.NORMAL, "general").stopTheClock())
        .hasValueSatisfying(rule -> assertThat(rule).contains("鉴定、检测、评估"));
  }

  @Test
  void summaryResolutionIsMetByResolvingWithinThreeBusinessDays() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new FcaDispWorkflow()).calendar(ENGLAND).build();
    Instant received = london("2025-06-02T10:00");
    Complaint c = desk.open(Intake.of(ComplaintChannel.PHONE, CustomerId.of("a"), received, "x"), "agent");
    // close of business on the third business day after Monday 2 June: Thursday 5 June 17:00
    assertThat(c.deadlines()).containsEntry(SlaTarget.SUMMARY_RESOLUTION, london("2025-06-05T17:00"));
    for (String step : List.of("acknowledge", "classify", "assign", "start")) {
      switch (step) {
        case "acknowledge" -> desk.acknowledge(c.id(), "agent", london("2025-06-02T10:05"));
        case "classify" -> desk.classify(c.id(), "agent", london("2025-06-02T10:06"));
        case "assign" -> desk.assign(c.id(), "agent", london("2025-06-02T10:07"));
        default -> desk.start(c.id(), "agent", london("2025-06-02T10:08"));
      }
    }
    Complaint resolved = desk.resolve(c.id(), new io.clm.api.complaints.Resolution("fee refunded", java.util.Optional.empty(),
        "duplicate posting"), "agent", london("2025-06-05T16:59"));
    assertThat(resolved.audit().get(resolved.audit().size() - 1).reason()).endsWith("; summary resolution within its window");
    assertThat(desk.advanceTo(london("2025-09-01T00:00"))).isEmpty();
  }

  @Test
  void anAcknowledgedButUnresolvedComplaintLapsesIntoTheDisp16Limits() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new FcaDispWorkflow()).calendar(ENGLAND).build();
    Complaint c = desk.open(Intake.of(ComplaintChannel.PHONE, CustomerId.of("a"), london("2025-06-02T10:00"), "x"), "agent");
    desk.acknowledge(c.id(), "agent", london("2025-06-02T11:00"));
    List<SlaEvent> events = desk.advanceTo(london("2025-06-06T00:00"));
    assertThat(events).extracting(SlaEvent::target, SlaEvent::kind, SlaEvent::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(SlaTarget.SUMMARY_RESOLUTION, SlaEvent.Kind.LAPSED, london("2025-06-05T17:00")));
    Complaint after = desk.get(c.id());
    // no breach: the eight-week DISP 1.6.2R limit runs on, to the end of 28 July
    assertThat(after.deadlines()).containsOnlyKeys(SlaTarget.RESOLUTION);
    assertThat(after.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(london("2025-07-29T00:00"));
    assertThat(desk.report().breaches()).isEmpty();
  }
}
