package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.CustomerId;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the SLA clock and of business-day counting. */
class ClockPropertiesTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final long YEAR_MINUTES = 365L * 24 * 60;

  @Test
  void advancingInSeveralStepsEmitsExactlyTheEventsOfOneBigStep() {
    qt().withExamples(100)
        .forAll(
            lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 30),
            lists().of(integers().between(1, 20_000)).ofSizeBetween(1, 25),
            integers().between(0, 1))
        .checkAssert(
            (tickets, steps, workflow) -> {
              String id = workflow == 0 ? "standard" : "uk-fca-disp";
              ComplaintDesk stepwise = desk(id, tickets);
              ComplaintDesk oneStep = desk(id, tickets);
              List<SlaEvent> collected = new ArrayList<>();
              Instant at = stepwise.now();
              for (int minutes : steps) {
                at = at.plus(Duration.ofMinutes(minutes * 5L));
                collected.addAll(stepwise.advanceTo(at));
              }
              List<SlaEvent> once = oneStep.advanceTo(at);
              assertThat(collected).isEqualTo(once);
              assertThat(stepwise.all()).isEqualTo(oneStep.all());
              Set<SlaEvent> unique = new HashSet<>(once);
              assertThat(unique).hasSameSizeAs(once);
              for (int i = 1; i < once.size(); i++) {
                assertThat(once.get(i).at()).isAfterOrEqualTo(once.get(i - 1).at());
              }
            });
  }

  private static ComplaintDesk desk(String workflow, List<Integer> tickets) {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow(workflow))
        .calendar(TestCalendars.england()).startAt(START).build();
    List<Integer> sorted = new ArrayList<>(tickets);
    sorted.sort(java.util.Comparator.comparingInt(v -> v % 100_000));
    for (int v : sorted) {
      Instant received = START.plus(Duration.ofMinutes(v % 100_000));
      String category = v % 3 == 0 ? "payment-services" : "general";
      String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + v % 7), received, "x")
          .withCategory(category), "a").id();
      if (v % 2 == 0) {
        desk.acknowledge(id, "a", received);
        desk.classify(id, "a", received);
      }
    }
    return desk;
  }

  @Test
  void businessDayDeadlinesNeverFallOnANonBusinessDay() {
    qt().withExamples(500)
        .forAll(longs().between(0, YEAR_MINUTES - 1), integers().between(1, 60), integers().between(0, 1))
        .checkAssert(
            (minute, days, which) -> {
              BusinessCalendar calendar = which == 0 ? TestCalendars.england() : TestCalendars.china();
              Instant start = START.plus(Duration.ofMinutes(minute));
              Instant deadline = calendar.deadline(start, SlaLimit.businessDays(days));
              var date = deadline.minusNanos(1).atZone(calendar.zone()).toLocalDate();
              assertThat(calendar.isBusinessDay(date)).isTrue();
              assertThat(deadline).isEqualTo(calendar.endOfDay(date));
              Instant cob = calendar.deadline(start, SlaLimit.businessDaysCloseOfBusiness(days));
              assertThat(cob).isEqualTo(calendar.closeOfBusiness(date));
              assertThat(deadline).isAfter(start);
              Instant rolled = calendar.deadline(start, SlaLimit.calendarDaysToBusinessDay(Math.min(days, 60)));
              assertThat(calendar.isBusinessDay(rolled.minusNanos(1).atZone(calendar.zone()).toLocalDate())).isTrue();
            });
  }

  @Test
  void everyEventIsEmittedExactlyOnceAndAWarningPrecedesItsBreach() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).startAt(START).build();
    // Monday 2 June 2025, 10:00 London; normal: first response 2 business days, resolution 15
    String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), Instant.parse("2025-06-02T09:00:00Z"), "x"), "a").id();
    List<SlaEvent> events = desk.advanceTo(Instant.parse("2025-07-31T00:00:00Z"));
    assertThat(events).extracting(e -> e.target() + " " + e.kind() + " " + e.level() + " " + e.at())
        .containsExactly(
            "FIRST_RESPONSE WARNING 0 2025-06-02T16:00:00Z",
            "FIRST_RESPONSE BREACH 0 2025-06-04T16:00:00Z",
            "RESOLUTION WARNING 0 2025-06-19T16:00:00Z",
            "RESOLUTION BREACH 0 2025-06-23T16:00:00Z",
            "RESOLUTION ESCALATION 1 2025-06-23T16:00:00Z",
            "RESOLUTION ESCALATION 2 2025-06-30T16:00:00Z");
    assertThat(desk.advanceTo(Instant.parse("2025-12-31T00:00:00Z"))).isEmpty();
    assertThat(desk.get(id).escalationLevel()).isEqualTo(2);
    assertThat(desk.report().breaches()).hasSize(2);
    assertThat(desk.report().unclassifiedByAge()).isEqualTo(java.util.Map.of(ComplaintReport.AgeBand.OVER_56_DAYS, 1L));
    assertThat(desk.report().compliance().get("standard.normal").firstResponseBreached()).isEqualTo(1);
    assertThat(desk.report().compliance().get("standard.normal").resolutionRate()).isEqualTo(0.0);
  }

  @Test
  void staleIndexEntriesAreDroppedWithoutLosingALiveDeadline() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("eu-psd2"))
        .calendar(TestCalendars.england()).startAt(START).build();
    Instant received = Instant.parse("2025-06-02T09:00:00Z");
    for (int i = 0; i < 3000; i++) {
      String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + i), received, "x"), "a").id();
      desk.acknowledge(id, "a", received);
      desk.classify(id, "a", received);
      desk.respond(id, "a", "documents asked for", received);
      desk.respond(id, "a", "documents received", received);
    }
    List<SlaEvent> events = desk.advanceTo(Instant.parse("2025-12-31T00:00:00Z"));
    // each ticket: one warning, one breach, one escalation, in ticket order at each instant
    assertThat(events).hasSize(9000);
    assertThat(events.stream().filter(e -> e.kind() == SlaEvent.Kind.BREACH).map(SlaEvent::ticketId).distinct().count())
        .isEqualTo(3000);
    assertThat(events.get(0).ticketId()).isEqualTo("C-1");
    assertThat(events.get(2999).ticketId()).isEqualTo("C-3000");
  }

  @Test
  void extraClockStepsBetweenOperationsChangeNothing() {
    qt().withExamples(80)
        .forAll(lists().of(integers().between(0, 2_000_000)).ofSizeBetween(1, 60), integers().between(0, 1))
        .checkAssert(
            (script, workflow) -> {
              String id = workflow == 0 ? "standard" : "eu-psd2";
              List<SlaEvent> stepped = new ArrayList<>();
              List<SlaEvent> plain = new ArrayList<>();
              ComplaintDesk a = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow(id))
                  .calendar(TestCalendars.england()).startAt(START).slaEvents(stepped::add).build();
              ComplaintDesk b = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow(id))
                  .calendar(TestCalendars.england()).startAt(START).slaEvents(plain::add).build();
              Instant at = Instant.parse("2025-01-02T09:00:00Z");
              int opened = 0;
              for (int v : script) {
                int op = v % 16;
                Instant previous = at;
                at = at.plus(Duration.ofMinutes((v / 96) % 4000));
                a.advanceTo(previous.plus(Duration.between(previous, at).dividedBy(2)));
                a.advanceTo(at);
                if (op == 0 || opened == 0) {
                  for (ComplaintDesk d : List.of(a, b)) {
                    d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + v % 5), at, "x"), "a");
                  }
                  opened++;
                } else {
                  String ticket = "C-" + ((v / 16) % opened + 1);
                  boolean failedA = false;
                  boolean failedB = false;
                  try {
                    WorkflowModelTest.apply(a, op, ticket, at);
                  } catch (io.clm.api.ClmException e) {
                    failedA = true;
                  }
                  try {
                    WorkflowModelTest.apply(b, op, ticket, at);
                  } catch (io.clm.api.ClmException e) {
                    failedB = true;
                  }
                  assertThat(failedA).isEqualTo(failedB);
                }
              }
              Instant end = at.plus(Duration.ofDays(200));
              a.advanceTo(end);
              b.advanceTo(end);
              assertThat(stepped).isEqualTo(plain);
              assertThat(a.all()).isEqualTo(b.all());
            });
  }

  @Test
  void aResponseDuringAPauseRunsItsNextResponseClockFromTheResume() {
    BusinessCalendar england = TestCalendars.england();
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(england).startAt(START).build();
    Instant monday = Instant.parse("2025-06-02T09:00:00Z");
    String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), monday, "x"), "a").id();
    desk.acknowledge(id, "a", monday);
    desk.pause(id, "a", "waiting for statements", Instant.parse("2025-06-03T09:00:00Z"));
    desk.respond(id, "a", "reminder sent", Instant.parse("2025-06-05T09:00:00Z"));
    Instant resumed = Instant.parse("2025-06-09T09:00:00Z");
    var c = desk.resume(id, "a", resumed);
    // next response: 5 business days from the resume, Mon 16 June 17:00 BST
    assertThat(c.deadlines().get(io.clm.api.complaints.SlaTarget.NEXT_RESPONSE))
        .isEqualTo(Instant.parse("2025-06-16T16:00:00Z"))
        .isEqualTo(england.deadline(resumed, SlaLimit.businessDaysCloseOfBusiness(5)));
    // resolution: 15 business days from receipt moved by the 4 business days whose end passed while
    // paused (Tue 3 to Fri 6 June): the 19th business day after Mon 2 June, Fri 27 June
    assertThat(c.deadlines().get(io.clm.api.complaints.SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-06-27T16:00:00Z"));
  }
}
