package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When an SLA event falls due, to the nanosecond, and how each operation that changes a ticket's
 * clocks moves what falls due next: nothing fires before its time or from a clock that was
 * stopped, and nothing new is missed. The standard workflow on the England calendar; a complaint
 * received on Monday 2 June 2025 at 10:00 BST (09:00Z) is due a first response by close of
 * business on Wednesday 4 June (warning at close of business two business days before, Monday
 * 17:00 BST) and a resolution by close of business on Monday 23 June.
 */
class SlaTimingTest {

  private static final Instant RECEIVED = Instant.parse("2025-06-02T09:00:00Z");

  private static ComplaintDesk standard(CustomerDirectory directory) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).customerDirectory(directory).startAt(RECEIVED).build();
  }

  private static ComplaintDesk standard() {
    return standard(phone -> Optional.empty());
  }

  private static String open(ComplaintDesk desk, String customer) {
    return desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of(customer), RECEIVED, "charged twice"), "agent").id();
  }

  private static List<String> described(List<SlaEvent> events) {
    return events.stream().map(e -> e.ticketId() + " " + e.target() + " " + e.kind() + " " + e.at()).toList();
  }

  @Test
  void anEventFallsDueAtItsInstantNotANanosecondBefore() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    assertThat(desk.advanceTo(Instant.parse("2025-06-02T15:59:59.999999999Z"))).isEmpty();
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-02T16:00:00Z"))))
        .containsExactly(id + " FIRST_RESPONSE WARNING 2025-06-02T16:00:00Z");
  }

  @Test
  void aFirstResponseAtTheDeadlineInstantIsLateAndOneNanosecondBeforeIsInTime() {
    ComplaintDesk desk = standard();
    String early = open(desk, "a");
    String onTheDot = open(desk, "b");
    desk.acknowledge(early, "agent", Instant.parse("2025-06-04T15:59:59.999999999Z"));
    Complaint late = desk.acknowledge(onTheDot, "agent", Instant.parse("2025-06-04T16:00:00Z"));

    assertThat(late.audit()).extracting(a -> a.action() + " " + a.at())
        .containsSubsequence("sla-breach 2025-06-04T16:00:00Z", "acknowledge 2025-06-04T16:00:00Z");
    assertThat(desk.get(early).audit()).noneMatch(a -> a.action().equals("sla-breach"));
    assertThat(desk.report().compliance().get("standard.normal").firstResponseMet()).isEqualTo(1);
    assertThat(desk.report().compliance().get("standard.normal").firstResponseBreached()).isEqualTo(1);
  }

  /** A policy of 8 business hours from receipt, to the nanosecond. */
  private static final class HoursWorkflow implements ComplaintWorkflow {
    private static final SlaPolicy POLICY = SlaPolicy.builder("hours.normal", SlaLimit.businessHours(8)).build();

    @Override
    public String id() {
      return "hours";
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return POLICY;
    }
  }

  @Test
  void deadlinesInTheSameSecondFallDueByTheirNanosecondsBeforeTheTicketOrder() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new HoursWorkflow()).calendar(TestCalendars.england())
        .startAt(RECEIVED).build();
    // received at 10:00:00.7 and, entered second, at 10:00:00.3 BST: seven business hours on
    // Monday, one on Tuesday: due on Tuesday 3 June at 10:00:00.7 and 10:00:00.3 BST
    String later = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), Instant.parse("2025-06-02T09:00:00.700Z"), "x"), "agent").id();
    String sooner = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("b"), Instant.parse("2025-06-02T09:00:00.300Z"), "x"), "agent").id();
    assertThat(desk.get(sooner).deadlines()).containsEntry(SlaTarget.RESOLUTION, Instant.parse("2025-06-03T09:00:00.300Z"));

    assertThat(desk.advanceTo(Instant.parse("2025-06-03T09:00:00Z"))).isEmpty();
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-03T09:00:00.500Z"))))
        .containsExactly(sooner + " RESOLUTION BREACH 2025-06-03T09:00:00.300Z");
    assertThat(desk.advanceTo(Instant.parse("2025-06-03T09:00:00.699999999Z"))).isEmpty();
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-03T09:00:00.700Z"))))
        .containsExactly(later + " RESOLUTION BREACH 2025-06-03T09:00:00.700Z");
  }

  @Test
  void deadlinesInTheSameSecondAreEmittedInTheOrderOfTheirInstantsInOneAdvance() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new HoursWorkflow()).calendar(TestCalendars.england())
        .startAt(RECEIVED).build();
    String later = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), Instant.parse("2025-06-02T09:00:00.700Z"), "x"), "agent").id();
    String sooner = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("b"), Instant.parse("2025-06-02T09:00:00.300Z"), "x"), "agent").id();
    // and entered the other way round
    String third = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c"), Instant.parse("2025-06-02T09:00:01.300Z"), "x"), "agent").id();
    String fourth = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("d"), Instant.parse("2025-06-02T09:00:01.700Z"), "x"), "agent").id();
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-04T00:00:00Z")))).containsExactly(
        sooner + " RESOLUTION BREACH 2025-06-03T09:00:00.300Z", later + " RESOLUTION BREACH 2025-06-03T09:00:00.700Z",
        third + " RESOLUTION BREACH 2025-06-03T09:00:01.300Z", fourth + " RESOLUTION BREACH 2025-06-03T09:00:01.700Z");
  }

  @Test
  void anAcknowledgementStopsTheFirstResponseWarningAndStartsTheNextResponseClock() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    Complaint acknowledged = desk.acknowledge(id, "agent", Instant.parse("2025-06-02T11:00:00Z"));
    // next response by close of business on the 5th business day after Monday: Monday 9 June 17:00
    // BST, warned at close of business two business days before, Thursday 5 June 17:00 BST
    assertThat(acknowledged.deadlines()).isEqualTo(Map.of(
        SlaTarget.NEXT_RESPONSE, Instant.parse("2025-06-09T16:00:00Z"),
        SlaTarget.RESOLUTION, Instant.parse("2025-06-23T16:00:00Z")));
    assertThat(desk.advanceTo(Instant.parse("2025-06-05T15:59:59Z"))).isEmpty();
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-05T16:00:00Z"))))
        .containsExactly(id + " NEXT_RESPONSE WARNING 2025-06-05T16:00:00Z");
  }

  @Test
  void aResponseRestartsTheNextResponseClockFromItsOwnTime() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    desk.acknowledge(id, "agent", Instant.parse("2025-06-02T11:00:00Z"));
    Complaint responded = desk.respond(id, "agent", "statement requested", Instant.parse("2025-06-03T10:00:00Z"));
    // from Tuesday: Tuesday 10 June 17:00 BST, warned Friday 6 June 17:00 BST
    assertThat(responded.deadlines()).containsEntry(SlaTarget.NEXT_RESPONSE, Instant.parse("2025-06-10T16:00:00Z"));
    assertThat(desk.advanceTo(Instant.parse("2025-06-05T16:00:00Z"))).isEmpty();
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-06T16:00:00Z"))))
        .containsExactly(id + " NEXT_RESPONSE WARNING 2025-06-06T16:00:00Z");
  }

  @Test
  void aClassificationThatMakesAComplaintUrgentBringsItsAlarmsForward() {
    Set<CustomerId> vulnerable = new HashSet<>();
    ComplaintDesk desk = standard(new CustomerDirectory() {
      @Override
      public Optional<CustomerId> findByPhone(String phoneNumber) {
        return Optional.empty();
      }

      @Override
      public boolean isVulnerable(CustomerId customer) {
        return vulnerable.contains(customer);
      }
    });
    String id = open(desk, "a");
    desk.acknowledge(id, "agent", Instant.parse("2025-06-02T09:30:00Z"));
    vulnerable.add(CustomerId.of("a"));
    Complaint urgent = desk.classify(id, "system", Instant.parse("2025-06-02T10:00:00Z"));
    // urgent, counted from the same starts: next response by close of business on the 2nd business
    // day after the acknowledgement (Wednesday 4 June 17:00 BST), resolution on the 5th after
    // receipt (Monday 9 June 17:00 BST); warnings four business hours before, at 13:00 BST
    assertThat(urgent.policyId()).isEqualTo("standard.urgent");
    assertThat(urgent.deadlines()).isEqualTo(Map.of(
        SlaTarget.NEXT_RESPONSE, Instant.parse("2025-06-04T16:00:00Z"),
        SlaTarget.RESOLUTION, Instant.parse("2025-06-09T16:00:00Z")));
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-04T12:00:00Z"))))
        .containsExactly(id + " NEXT_RESPONSE WARNING 2025-06-04T12:00:00Z");
  }

  @Test
  void aResumedTicketsAlarmsFallDueAgain() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    desk.pause(id, "agent", "waiting for the card scheme", Instant.parse("2025-06-02T10:00:00Z"));
    Complaint resumed = desk.resume(id, "agent", Instant.parse("2025-06-02T12:00:00Z"));
    // no close of business passed while paused: nothing moves
    assertThat(resumed.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-04T16:00:00Z"));
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-02T16:00:00Z"))))
        .containsExactly(id + " FIRST_RESPONSE WARNING 2025-06-02T16:00:00Z");
  }

  @Test
  void aTicketIsPausedOnceAndOnlyWhileOpen() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    Complaint paused = desk.pause(id, "agent", "waiting for the card scheme", Instant.parse("2025-06-02T10:00:00Z"));
    assertThat(paused.paused()).isTrue();
    assertThatThrownBy(() -> desk.pause(id, "agent", "again", Instant.parse("2025-06-02T10:30:00Z")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("ticket " + id + " cannot be paused: already paused");
    Instant at = Instant.parse("2025-06-02T11:00:00Z");
    desk.resume(id, "agent", at);
    desk.acknowledge(id, "agent", at);
    desk.classify(id, "system", at);
    desk.assign(id, "system", at);
    desk.start(id, "agent", at);
    desk.resolve(id, new Resolution("refunded", Optional.empty(), "duplicate charge"), "agent", at);
    assertThatThrownBy(() -> desk.pause(id, "agent", "too late", at))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("ticket " + id + " cannot be paused: it is RESOLVED");
  }

  @Test
  void aResumeThatNeedsAYearTheCalendarLacksIsRefusedAndTheTicketStaysPaused() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england2025Only()).startAt(Instant.parse("2025-12-01T09:00:00Z")).build();
    // received Monday 1 December 2025: first response by close of business on Wednesday 3 December
    String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), Instant.parse("2025-12-01T09:00:00Z"), "x"), "agent").id();
    desk.pause(id, "agent", "waiting for the card scheme", Instant.parse("2025-12-01T10:00:00Z"));
    Complaint before = desk.get(id);
    // the closes of business passed while paused run into 2026, which the calendar does not have
    assertThatThrownBy(() -> desk.resume(id, "agent", Instant.parse("2026-01-05T10:00:00Z")))
        .isInstanceOf(CalendarCoverageException.class);
    assertThat(desk.get(id)).isEqualTo(before);
    assertThat(desk.get(id).paused()).isTrue();
  }

  @Test
  void anExtensionReplacesTheAlarmsOfTheFirstDeadline() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("eu-psd2"))
        .calendar(TestCalendars.england()).startAt(RECEIVED).build();
    String id = open(desk, "a");
    // 15 business days from Monday 2 June 2025 end with Monday 23 June; 35 with Monday 21 July
    assertThat(desk.get(id).deadlines()).containsEntry(SlaTarget.RESOLUTION, Instant.parse("2025-06-23T23:00:00Z"));
    Complaint extended = desk.extend(id, "supervisor", "holding reply sent", Instant.parse("2025-06-02T10:00:00Z"));
    assertThat(extended.deadlines()).containsEntry(SlaTarget.RESOLUTION, Instant.parse("2025-07-21T23:00:00Z"));
    // neither the first deadline's warning nor its breach falls due any more
    assertThat(desk.advanceTo(Instant.parse("2025-06-24T00:00:00Z"))).isEmpty();
  }

  @Test
  void aReopenedTicketRunsNewResolutionAndNextResponseClocksFromTheReopening() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    Instant at = Instant.parse("2025-06-02T11:00:00Z");
    desk.acknowledge(id, "agent", at);
    desk.classify(id, "system", at);
    desk.assign(id, "system", at);
    desk.start(id, "agent", at);
    desk.resolve(id, new Resolution("refunded", Optional.empty(), "duplicate charge"), "agent", at);
    Complaint reopened = desk.reopen(id, "agent", "refund never arrived", Instant.parse("2025-06-09T09:00:00Z"));
    // from Monday 9 June: next response by close of business on Monday 16 June (warned Thursday 12
    // June), resolution on Monday 30 June
    assertThat(reopened.state()).isEqualTo(ComplaintState.REOPENED);
    assertThat(reopened.deadlines()).isEqualTo(Map.of(
        SlaTarget.NEXT_RESPONSE, Instant.parse("2025-06-16T16:00:00Z"),
        SlaTarget.RESOLUTION, Instant.parse("2025-06-30T16:00:00Z")));
    assertThat(described(desk.advanceTo(Instant.parse("2025-06-12T16:00:00Z"))))
        .containsExactly(id + " NEXT_RESPONSE WARNING 2025-06-12T16:00:00Z");
  }

  /** Resolution in 800 business hours, a response every 8. */
  private static final class ResponseEveryEightHours implements ComplaintWorkflow {
    private static final SlaPolicy POLICY = SlaPolicy.builder("eight.normal", SlaLimit.businessHours(800))
        .nextResponse(SlaLimit.businessHours(8)).build();

    @Override
    public String id() {
      return "eight";
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return POLICY;
    }
  }

  @Test
  void afterTheDeskDropsItsStaleAlarmsEventsStillComeInTheOrderTheyFallDue() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new ResponseEveryEightHours()).calendar(TestCalendars.england())
        .startAt(RECEIVED).build();
    java.util.Random random = new java.util.Random(7);
    // 40 complaints received at scattered minutes over the four weeks before Monday 2 June 2025,
    // due in 100 business days
    for (int i = 0; i < 40; i++) {
      Instant received = RECEIVED.minusSeconds(60L * random.nextInt(28 * 24 * 60));
      desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + i), received, "x"), "agent");
    }
    // each response a millisecond later moves one ticket's next response a millisecond later: the
    // earliest alarms become stale, and the 1065th of them makes the desk drop them
    String busy = open(desk, "busy");
    desk.acknowledge(busy, "agent", RECEIVED);
    for (int i = 1; i <= 1065; i++) {
      desk.respond(busy, "agent", "update " + i, RECEIVED.plusMillis(i));
    }
    List<SlaEvent> events = desk.advanceTo(Instant.parse("2025-12-31T00:00:00Z"));
    // the next response, 8 business hours after the last response: Tuesday 3 June 10:00:01.065 BST
    assertThat(described(events.subList(0, 1))).containsExactly(busy + " NEXT_RESPONSE BREACH 2025-06-03T09:00:01.065Z");
    assertThat(events).hasSize(42);
    assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(SlaEvent::at)
        .thenComparing(e -> Integer.parseInt(e.ticketId().substring(2))));
  }



  @Test
  void theClockWritesEachWarningBreachAndEscalationToTheAuditTrail() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    desk.advanceTo(Instant.parse("2025-07-31T00:00:00Z"));
    assertThat(desk.get(id).audit()).filteredOn(a -> a.actor().equals("clock"))
        .extracting(a -> a.at() + " " + a.action() + ": " + a.reason())
        .containsExactly(
            "2025-06-02T16:00:00Z sla-warning: first response due 2025-06-04T16:00:00Z",
            "2025-06-04T16:00:00Z sla-breach: first response deadline 2025-06-04T16:00:00Z passed",
            "2025-06-19T16:00:00Z sla-warning: resolution due 2025-06-23T16:00:00Z",
            "2025-06-23T16:00:00Z sla-breach: resolution deadline 2025-06-23T16:00:00Z passed",
            "2025-06-23T16:00:00Z sla-escalation: resolution escalation level 1",
            "2025-06-30T16:00:00Z sla-escalation: resolution escalation level 2");
    assertThat(desk.get(id).escalationLevel()).isEqualTo(2);
  }

  @Test
  void theClockWritesALapsedSummaryResolutionWindowToTheAuditTrail() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
        .calendar(TestCalendars.england()).startAt(RECEIVED).build();
    String id = open(desk, "a");
    // close of business on the third business day after Monday 2 June: Thursday 5 June 17:00 BST
    desk.advanceTo(Instant.parse("2025-06-06T00:00:00Z"));
    assertThat(desk.get(id).audit()).filteredOn(a -> a.actor().equals("clock"))
        .extracting(a -> a.at() + " " + a.action() + ": " + a.reason())
        .containsExactly("2025-06-05T16:00:00Z sla-lapse: summary resolution window closed 2025-06-05T16:00:00Z unresolved;"
            + " the resolution time limit applies");
  }

  /** Normal: resolution in 15 business days and a response every 5; urgent: resolution in 5, no next-response clock. */
  private static final class UrgentWithoutNextResponse implements ComplaintWorkflow {
    private static final SlaPolicy NORMAL = SlaPolicy.builder("mixed.normal", SlaLimit.businessDays(15))
        .nextResponse(SlaLimit.businessDays(5)).build();
    private static final SlaPolicy URGENT = SlaPolicy.builder("mixed.urgent", SlaLimit.businessDays(5)).build();

    @Override
    public String id() {
      return "mixed";
    }

    @Override
    public List<io.clm.api.complaints.ClassificationRule> classificationRules() {
      return List.of(io.clm.api.complaints.ClassificationRule.vulnerableCustomer("vulnerable-customer"));
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return severity == Severity.URGENT ? URGENT : NORMAL;
    }
  }

  @Test
  void aClockTheNewClassesPolicyDoesNotHaveStopsOnClassification() {
    Set<CustomerId> vulnerable = new HashSet<>();
    ComplaintDesk desk = ComplaintDesk.builder().workflow(new UrgentWithoutNextResponse()).calendar(TestCalendars.england())
        .customerDirectory(new CustomerDirectory() {
          @Override
          public Optional<CustomerId> findByPhone(String phoneNumber) {
            return Optional.empty();
          }

          @Override
          public boolean isVulnerable(CustomerId customer) {
            return vulnerable.contains(customer);
          }
        }).startAt(RECEIVED).build();
    String id = open(desk, "a");
    assertThat(desk.acknowledge(id, "agent", RECEIVED).deadlines()).containsKey(SlaTarget.NEXT_RESPONSE);
    vulnerable.add(CustomerId.of("a"));
    Complaint urgent = desk.classify(id, "system", RECEIVED);
    // 5 business days after Monday 2 June 2025: the end of Monday 9 June (BST)
    assertThat(urgent.deadlines()).isEqualTo(Map.of(SlaTarget.RESOLUTION, Instant.parse("2025-06-09T23:00:00Z")));
  }

  @Test
  void anEscalationByHandMovesTheTicketAndKeepsItsClocks() {
    ComplaintDesk desk = standard();
    String id = open(desk, "a");
    Complaint escalated = desk.escalate(id, "supervisor", "customer threatens to go to the ombudsman", RECEIVED.plusSeconds(60));
    assertThat(escalated.state()).isEqualTo(ComplaintState.ESCALATED);
    assertThat(escalated.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-04T16:00:00Z"));
  }
}
