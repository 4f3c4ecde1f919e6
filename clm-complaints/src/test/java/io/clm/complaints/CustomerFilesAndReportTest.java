package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the desk reads back from the customers' complaints: the five most recent on a caller's
 * view, the earlier complaints the repeat-complainant rule counts, and the report's breaches in
 * the order they happened.
 */
class CustomerFilesAndReportTest {

  private static ComplaintDesk desk(Instant start) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(TestCalendars.england())
        .startAt(start).build();
  }

  private static String open(ComplaintDesk desk, String customer, String received) {
    return desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of(customer), Instant.parse(received), "fee"), "agent").id();
  }

  @Test
  void aCallersViewShowsTheFiveMostRecentComplaintsNewestFirst() {
    ComplaintDesk desk = desk(Instant.parse("2025-06-02T09:00:00Z"));
    for (int day = 2; day <= 7; day++) {
      open(desk, "c", "2025-06-0" + day + "T09:00:00Z");
    }
    assertThat(desk.viewOf(CustomerId.of("c")).recentComplaints()).extracting(Complaint::id)
        .containsExactly("C-6", "C-5", "C-4", "C-3", "C-2");
  }

  @Test
  void theThirdComplaintWithinNinetyDaysIsUrgentAndNoComplaintCountsItselfOrLaterOnes() {
    ComplaintDesk desk = desk(Instant.parse("2025-05-13T09:00:00Z"));
    String first = open(desk, "a", "2025-05-13T09:00:00Z");
    String second = open(desk, "a", "2025-05-23T09:00:00Z");
    Complaint third = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), Instant.parse("2025-06-02T09:00:00Z"), "fee"), "agent");
    // two earlier complaints within 90 days: urgent from intake
    assertThat(third.policyId()).isEqualTo("standard.urgent");
    assertThat(third.audit().get(0).reason()).contains("URGENT at intake by rule repeat-complainant");

    Instant at = Instant.parse("2025-06-02T10:00:00Z");
    for (String id : List.of(first, second, third.id())) {
      desk.acknowledge(id, "agent", at);
    }
    // the first has no earlier complaint, the second one: neither counts itself nor the later ones
    assertThat(desk.classify(first, "system", at).classification().orElseThrow().severity()).isEqualTo(Severity.NORMAL);
    assertThat(desk.classify(second, "system", at).classification().orElseThrow().severity()).isEqualTo(Severity.NORMAL);
    assertThat(desk.classify(third.id(), "system", at).classification().orElseThrow().ruleId()).isEqualTo("repeat-complainant");
  }

  @Test
  void theReportListsBreachesInTheOrderTheyHappenedNotInTicketOrder() {
    ComplaintDesk desk = desk(Instant.parse("2025-06-02T09:00:00Z"));
    // the first ticket received on Monday 2 June, the second, entered later, on Friday 30 May:
    // first responses due by close of business on Wednesday 4 and Tuesday 3 June
    String monday = open(desk, "a", "2025-06-02T09:00:00Z");
    String friday = open(desk, "b", "2025-05-30T09:00:00Z");
    desk.advanceTo(Instant.parse("2025-06-05T00:00:00Z"));
    assertThat(desk.report().breaches()).extracting(e -> e.ticketId() + " " + e.at())
        .containsExactly(friday + " 2025-06-03T16:00:00Z", monday + " 2025-06-04T16:00:00Z");
    assertThat(desk.report().breaches()).extracting(SlaEvent::kind).containsOnly(SlaEvent.Kind.BREACH);
  }

  @Test
  void theReportCountsOpenClassifiedComplaintsBySeverityAndTheOthersAsUnclassified() {
    Instant t0 = Instant.parse("2025-06-02T09:00:00Z");
    ComplaintDesk desk = desk(t0);
    String normal = open(desk, "a", "2025-06-02T09:00:00Z");
    String referral = desk.open(Intake.of(ComplaintChannel.LETTER, CustomerId.of("b"), t0, "referred by the ombudsman")
        .withCategory("regulator-referral"), "agent").id();
    open(desk, "c", "2025-06-02T09:00:00Z");
    for (String id : List.of(normal, referral)) {
      desk.acknowledge(id, "agent", t0);
      desk.classify(id, "system", t0);
    }
    ComplaintReport report = desk.report();
    assertThat(report.openByAge()).isEqualTo(Map.of(ComplaintReport.AgeBand.DAYS_0_TO_3, Map.of(Severity.NORMAL, 1L, Severity.URGENT, 1L)));
    assertThat(report.unclassifiedByAge()).isEqualTo(Map.of(ComplaintReport.AgeBand.DAYS_0_TO_3, 1L));
  }

  @Test
  void aLinkedOrderIsRecordedWithWhatTheDeskFoundOut() {
    Instant t0 = Instant.parse("2025-06-02T09:00:00Z");
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(TestCalendars.england())
        .orderBook(CallCentreStoryTest.ORDERS).startAt(t0).build();
    String number = CallCentreStoryTest.ORDER.number();
    String own = desk.open(Intake.of(ComplaintChannel.WEB, CallCentreStoryTest.CHEN, t0, "x"), "agent").id();
    String other = open(desk, "a", "2025-06-02T09:00:00Z");
    String unknownCaller = desk.open(Intake.call("+44 20 0000 0000", t0, "x"), "agent").id();

    Complaint linked = desk.linkOrder(own, number, "agent", t0);
    assertThat(linked.order()).contains(CallCentreStoryTest.ORDER);
    assertThat(last(linked).reason()).isEqualTo("order " + number + " linked");

    Complaint refused = desk.linkOrder(other, number, "agent", t0);
    assertThat(refused.order()).isEmpty();
    assertThat(refused.flags()).contains(ComplaintFlag.UNKNOWN_ORDER);
    assertThat(last(refused).reason()).isEqualTo("order " + number + " belongs to another customer");

    Complaint unverified = desk.linkOrder(unknownCaller, number, "agent", t0);
    assertThat(unverified.flags()).contains(ComplaintFlag.ORDER_UNVERIFIED);
    assertThat(last(unverified).reason()).isEqualTo("order " + number + " linked, unverified until the customer is identified");
  }

  private static AuditEntry last(Complaint c) {
    return c.audit().get(c.audit().size() - 1);
  }
}
