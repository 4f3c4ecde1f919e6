package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintDeskBuilder;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Severity;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A desk with several profiles (one per regulator or jurisdiction), the Chinese review (核查)
 * timeline, and a deadline computed once its calendar year is added.
 */
class ProfilesReviewAndRecoveryTest {

  private static final CustomerId ALICE = CustomerId.of("alice");
  private static final Clock WALL = Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static Instant local(String dateTime, String zone) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  private static ComplaintDeskBuilder threeProfiles(TicketStore store) {
    return ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
        .calendar(HolidayCalendars.of("GB-ENG"))
        .profile("ie", ComplaintDesk.findWorkflow("eu-psd2"), HolidayCalendars.of("IE"))
        .profile("cn", ComplaintDesk.findWorkflow("cn-banking-insurance-2020"), HolidayCalendars.of("CN"))
        .ticketStore(store)
        .wallClock(WALL);
  }

  private static Intake letter(Instant at) {
    return Intake.of(ComplaintChannel.LETTER, ALICE, at, "transfer not credited");
  }

  @Test
  void eachIntakeRunsOnItsProfilesWorkflowAndCalendarAndKeepsItAfterARestart() {
    TicketStore store = new InMemoryTicketStore();
    ComplaintDesk desk = threeProfiles(store).build();
    Instant monday = local("2026-03-02T10:00", "Europe/Dublin");
    Complaint uk = desk.open(letter(monday), "agent");
    Complaint ie = desk.open(letter(monday).withProfile("ie"), "agent");
    assertThat(uk.id()).isEqualTo("C-1");
    assertThat(uk.policyId()).isEqualTo("uk-fca-disp.general");
    assertThat(ie.id()).isEqualTo("C-ie-2");
    assertThat(ie.policyId()).isEqualTo("eu-psd2.general");
    // PSD2 Art. 101(2), 15 business days on the Irish calendar: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16
    // March (10); St Patrick's Day, Tuesday 17 March, is an Irish public holiday; 18, 19, 20, 23, 24
    // (15): the end of Tuesday 24 March 2026 (Dublin, still GMT)
    assertThat(ie.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2026-03-25T00:00:00Z"));

    ComplaintDesk restarted = threeProfiles(store).build();
    assertThat(restarted.get("C-ie-2").deadlines()).isEqualTo(ie.deadlines());
    Complaint acknowledged = restarted.acknowledge("C-ie-2", "agent", local("2026-03-03T09:00", "Europe/Dublin"));
    assertThat(acknowledged.policyId()).isEqualTo("eu-psd2.general");
    assertThat(acknowledged.state()).isEqualTo(ComplaintState.ACKNOWLEDGED);
  }

  @Test
  void anIntakeNamingNoProfileOfTheDeskIsRefusedAndNothingIsStored() {
    ComplaintDesk desk = threeProfiles(new InMemoryTicketStore()).build();
    assertThatThrownBy(() -> desk.open(letter(local("2026-03-02T10:00", "Europe/London")).withProfile("fr"), "agent"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("profile 'fr' is not one of the desk's profiles [uk-fca-disp, ie, cn]");
    assertThat(desk.size()).isZero();
    assertThatThrownBy(() -> ComplaintDesk.builder().profile("Bad Name", ComplaintDesk.findWorkflow("eu-psd2"),
        HolidayCalendars.of("FR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'Bad Name'");
    assertThatThrownBy(() -> letter(local("2026-03-02T10:00", "Europe/London")).withProfile(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("profile is blank");
    ComplaintDeskBuilder clash = ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("eu-psd2"))
        .calendar(HolidayCalendars.of("DE"))
        .profile("eu-psd2", ComplaintDesk.findWorkflow("eu-psd2"), HolidayCalendars.of("FR"));
    assertThatThrownBy(clash::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("profile 'eu-psd2' is the main profile's name (its workflow's id)");
  }

  @Test
  void aReviewRunsThirtyDaysFromTheApplicationToTheNextWorkingDay() {
    ComplaintDesk desk = threeProfiles(new InMemoryTicketStore()).build();
    Complaint c = desk.open(letter(local("2025-08-18T10:00", "Asia/Shanghai")).withProfile("cn"), "agent");
    String id = c.id();
    desk.acknowledge(id, "agent", local("2025-08-18T11:00", "Asia/Shanghai"));
    desk.classify(id, "system", local("2025-08-18T11:00", "Asia/Shanghai"));
    desk.assign(id, "system", local("2025-08-18T11:00", "Asia/Shanghai"));
    desk.start(id, "agent", local("2025-08-18T11:00", "Asia/Shanghai"));
    desk.resolve(id, new Resolution("fee refunded", Optional.empty(), "fee error"), "agent",
        local("2025-08-20T10:00", "Asia/Shanghai"));
    // the customer applies in writing on Wednesday 3 September 2025, within 30 days of the decision
    // (20 August + 30 = Friday 19 September). The review is decided within 30 days of receipt:
    // 3 September + 30 = Friday 3 October, inside the National Day holiday (1 to 8 October, notice
    // 国办发明电〔2024〕12号); the next working day is Thursday 9 October: the end of that day
    Complaint review = desk.requestReview(id, "agent", "customer disputes the refund amount",
        local("2025-09-03T15:00", "Asia/Shanghai"));
    assertThat(review.state()).isEqualTo(ComplaintState.REOPENED);
    assertThat(review.deadlines().get(SlaTarget.REVIEW)).isEqualTo(local("2025-10-10T00:00", "Asia/Shanghai"));
    assertThat(review.deadlines()).doesNotContainKey(SlaTarget.RESOLUTION);
    assertThat(review.audit().get(review.audit().size() - 1).action()).isEqualTo("request-review");
    desk.assign(id, "system", local("2025-09-04T09:00", "Asia/Shanghai"));
    desk.start(id, "reviewer", local("2025-09-04T09:00", "Asia/Shanghai"));
    Complaint decided = desk.resolve(id, new Resolution("refund confirmed", Optional.empty(), "fee error"), "reviewer",
        local("2025-09-30T09:00", "Asia/Shanghai"));
    assertThat(decided.deadlines()).isEmpty();
    assertThat(desk.report().compliance().get("cn-banking-insurance-2020.general").resolutionMet()).isEqualTo(2);
  }

  @Test
  void aReviewAfterItsWindowOrUnderARuleWithoutOneIsRefused() {
    ComplaintDesk desk = threeProfiles(new InMemoryTicketStore()).build();
    String cn = desk.open(letter(local("2025-07-28T10:00", "Asia/Shanghai")).withProfile("cn"), "agent").id();
    String uk = desk.open(letter(local("2025-07-28T10:00", "Asia/Shanghai")), "agent").id();
    Instant working = local("2025-07-28T11:00", "Asia/Shanghai");
    for (String id : new String[] {cn, uk}) {
      desk.acknowledge(id, "agent", working);
      desk.classify(id, "system", working);
      desk.assign(id, "system", working);
      desk.start(id, "agent", working);
    }
    for (String id : new String[] {cn, uk}) {
      desk.resolve(id, new Resolution("explained", Optional.empty(), "misunderstanding"), "agent",
          local("2025-08-01T10:00", "Asia/Shanghai"));
    }
    // decision on Friday 1 August 2025: 1 August + 30 = Sunday 31 August, a rest day; the window
    // closes at the end of Monday 1 September. An application on 3 September is too late
    Complaint before = desk.get(cn);
    assertThatThrownBy(() -> desk.requestReview(cn, "agent", "disputes", local("2025-09-03T10:00", "Asia/Shanghai")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("comes after " + local("2025-09-02T00:00", "Asia/Shanghai"));
    assertThat(desk.get(cn)).isEqualTo(before);
    assertThatThrownBy(() -> desk.requestReview(uk, "agent", "disputes", local("2025-09-03T10:00", "Asia/Shanghai")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("provides no review; reopen it instead");
  }

  @Test
  void aDeadlineLeftOutForWantOfAYearIsComputedOnceTheYearIsAdded() {
    TicketStore store = new InMemoryTicketStore();
    ComplaintDesk shipped = ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("cn-banking-insurance-2020"))
        .calendar(HolidayCalendars.of("CN"))
        .ticketStore(store)
        .wallClock(WALL)
        .build();
    // 20 December 2026 + 15 = 4 January 2027: the shipped data ends with 2026
    Complaint c = shipped.open(letter(local("2026-12-20T10:00", "Asia/Shanghai")), "agent");
    assertThat(c.flags()).contains(ComplaintFlag.CALENDAR_INCOMPLETE);
    assertThat(c.deadlines()).doesNotContainKey(SlaTarget.RESOLUTION);

    ComplaintDesk withNextYear = ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("cn-banking-insurance-2020"))
        .calendar(HolidayCalendars.china(new StringReader("year 2027 example\noff 2027-01-01\n")))
        .ticketStore(store)
        .wallClock(WALL)
        .build();
    Complaint completed = withNextYear.get(c.id());
    // Monday 4 January 2027 is a working day in the added year: the end of that day
    assertThat(completed.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(local("2027-01-05T00:00", "Asia/Shanghai"));
    assertThat(completed.flags()).doesNotContain(ComplaintFlag.CALENDAR_INCOMPLETE);
    assertThat(completed.audit().get(completed.audit().size() - 1).action()).isEqualTo("sla-complete");
    assertThat(store.find(c.id()).orElseThrow().complaint()).isEqualTo(completed);    // its alarms are scheduled too: the warning three days before, the breach and the escalation at the breach
    assertThat(withNextYear.advanceTo(local("2027-01-06T00:00", "Asia/Shanghai")))
        .extracting(e -> e.kind() + " " + e.at())
        .containsExactly("WARNING " + local("2027-01-02T00:00", "Asia/Shanghai"), "BREACH " + local("2027-01-05T00:00", "Asia/Shanghai"),
            "ESCALATION " + local("2027-01-05T00:00", "Asia/Shanghai"));
  }

  /** First response within 2 business days and resolution within 15, with no next-response clock. */
  private static final class TwoAndFifteen implements ComplaintWorkflow {
    @Override
    public String id() {
      return "two-and-fifteen";
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return SlaPolicy.builder("two-and-fifteen.normal", SlaLimit.businessDays(15)).firstResponse(SlaLimit.businessDays(2)).build();
    }
  }

  @Test
  void aFirstResponseGivenBeforeTheYearWasAddedGetsNoDeadlineAfterwards() {
    TicketStore store = new InMemoryTicketStore();
    Instant received = Instant.parse("2025-12-31T10:00:00Z");
    ComplaintDesk without2026 = ComplaintDesk.builder().workflow(new TwoAndFifteen())
        .calendar(TestCalendars.england2025Only()).ticketStore(store).startAt(received).build();
    String id = without2026.open(Intake.of(ComplaintChannel.WEB, ALICE, received, "x"), "agent").id();
    assertThat(without2026.get(id).deadlines()).isEmpty();
    without2026.acknowledge(id, "agent", received.plusSeconds(3600));

    ComplaintDesk with2026 = ComplaintDesk.builder().workflow(new TwoAndFifteen())
        .calendar(TestCalendars.england()).ticketStore(store).startAt(received).build();
    // 15 business days after Wednesday 31 December 2025 (1 January a bank holiday): Thursday 22
    // January 2026, to the end of the day; the first response was given and needs no deadline
    Complaint completed = with2026.get(id);
    assertThat(completed.deadlines()).isEqualTo(Map.of(SlaTarget.RESOLUTION, Instant.parse("2026-01-23T00:00:00Z")));
    assertThat(completed.flags()).doesNotContain(ComplaintFlag.CALENDAR_INCOMPLETE);
  }

  @Test
  void aSummaryResolutionWindowThatLapsedBeforeTheYearWasAddedIsNotOpenedAgain() {
    TicketStore store = new InMemoryTicketStore();
    Instant received = Instant.parse("2025-12-12T10:00:00Z");
    ComplaintDesk without2026 = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
        .calendar(TestCalendars.england2025Only()).ticketStore(store).startAt(received).build();
    String id = without2026.open(Intake.of(ComplaintChannel.WEB, ALICE, received, "x").withCategory("payment-services"), "agent").id();
    // the summary window closes at close of business on Wednesday 17 December 2025; 15 business
    // days run into 2026, which the calendar lacks
    assertThat(without2026.get(id).deadlines()).isEqualTo(Map.of(SlaTarget.SUMMARY_RESOLUTION, Instant.parse("2025-12-17T17:00:00Z")));
    without2026.advanceTo(Instant.parse("2025-12-18T00:00:00Z"));

    ComplaintDesk with2026 = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
        .calendar(TestCalendars.england()).ticketStore(store).startAt(received).build();
    // from Friday 12 December: the 15th business day, over Christmas, is Wednesday 7 January 2026
    assertThat(with2026.get(id).deadlines()).isEqualTo(Map.of(SlaTarget.RESOLUTION, Instant.parse("2026-01-08T00:00:00Z")));
  }

  @Test
  void aSummaryResolutionWindowLeftOutForWantOfAYearIsOpenedOnceTheYearIsAdded() {
    TicketStore store = new InMemoryTicketStore();
    Instant received = Instant.parse("2025-12-31T10:00:00Z");
    ComplaintDesk without2026 = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
        .calendar(TestCalendars.england2025Only()).ticketStore(store).startAt(received).build();
    String id = without2026.open(Intake.of(ComplaintChannel.WEB, ALICE, received, "x"), "agent").id();
    assertThat(without2026.get(id).deadlines()).doesNotContainKey(SlaTarget.SUMMARY_RESOLUTION);

    ComplaintDesk with2026 = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
        .calendar(TestCalendars.england()).ticketStore(store).startAt(received).build();
    // the third business day after Wednesday 31 December 2025 (1 January a bank holiday): Tuesday 6
    // January 2026, close of business 17:00 GMT
    assertThat(with2026.get(id).deadlines()).containsEntry(SlaTarget.SUMMARY_RESOLUTION, Instant.parse("2026-01-06T17:00:00Z"));
  }
}
