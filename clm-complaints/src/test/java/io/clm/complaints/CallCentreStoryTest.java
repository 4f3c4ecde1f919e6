package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.CallerView;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintAppendix;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.Reminder;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The call-centre complaint flow of seed 002, end to end. */
class CallCentreStoryTest {

  static final String PHONE = "+86 451 8800 0001";
  static final CustomerId CHEN = CustomerId.of("CN-000123");
  static final Order ORDER =
      new Order("SO-2025-0042", CHEN, Instant.parse("2025-03-01T02:00:00Z"), "wealth product subscription",
          Optional.of(Money.of("50000.00", "CNY")), "executed");

  static final CustomerDirectory DIRECTORY =
      phone -> PHONE.equals(phone) ? Optional.of(CHEN) : Optional.empty();

  static final OrderBook ORDERS =
      new OrderBook() {
        @Override
        public Optional<Order> findOrder(String number) {
          return ORDER.number().equals(number) ? Optional.of(ORDER) : Optional.empty();
        }

        @Override
        public List<Order> recentOrders(CustomerId customer, int limit) {
          return customer.equals(CHEN) ? List.of(ORDER) : List.of();
        }
      };

  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void aCallBecomesAClassifiedRoutedResolvedTicketOnTheCustomersFile() {
    List<Event> lifecycle = new ArrayList<>();
    List<Reminder> reminded = new ArrayList<>();
    ComplaintDesk desk =
        ComplaintDesk.builder()
            .workflow(ComplaintDesk.findWorkflow("cn-banking-insurance-2020"))
            .calendar(TestCalendars.china())
            .customerDirectory(DIRECTORY)
            .orderBook(ORDERS)
            .classificationRules(List.of(ClassificationRule.amountAtLeast("large-amount", Money.of("10000.00", "CNY"))))
            .routingRules(List.of(RoutingRule.severity("urgent-to-wealth", Severity.URGENT, "wealth-management")))
            .events(lifecycle::add)
            .reminders(reminded::add)
            .build();

    // an earlier complaint, resolved and accepted, so the agent can see how it was handled
    Complaint earlier = desk.open(Intake.call(PHONE, t("2025-02-10T01:00:00Z"), "statement arrived late"), "agent-wang");
    desk.acknowledge(earlier.id(), "agent-wang", t("2025-02-10T01:05:00Z"));
    desk.classify(earlier.id(), "system", t("2025-02-10T01:05:00Z"));
    desk.assign(earlier.id(), "system", t("2025-02-10T01:05:00Z"));
    desk.start(earlier.id(), "ops", t("2025-02-10T02:00:00Z"));
    desk.resolve(earlier.id(), new Resolution("statement re-sent by e-mail", Optional.empty(), "postal-delay"), "ops",
        t("2025-02-11T02:00:00Z"));
    desk.accept(earlier.id(), "agent-wang", t("2025-02-11T03:00:00Z"));

    // (1) the call comes in: the number identifies the customer, recent orders and complaints show
    CallerView view = desk.identifyCaller(PHONE);
    assertThat(view.customer()).contains(CHEN);
    assertThat(view.recentOrders()).containsExactly(ORDER);
    assertThat(view.recentComplaints()).hasSize(1);
    assertThat(view.recentComplaints().get(0).state()).isEqualTo(ComplaintState.CLOSED);
    assertThat(view.recentComplaints().get(0).resolution().orElseThrow().correction()).isEqualTo("statement re-sent by e-mail");
    assertThat(view.recentComplaints().get(0).accepted()).contains(true);

    // (2)(3) the agent creates the ticket, records the content and links the order by its number
    Complaint c = desk.open(
        Intake.call(PHONE, t("2025-03-10T02:00:00Z"), "quality problem with the product of order SO-2025-0042")
            .withAmountAtStake(Money.of("50000.00", "CNY")),
        "agent-wang");
    assertThat(c.customer()).contains(CHEN);
    assertThat(c.flags()).isEmpty();
    c = desk.linkOrder(c.id(), "SO-2025-0042", "agent-wang", t("2025-03-10T02:03:00Z"));
    assertThat(c.order()).contains(ORDER);
    c = desk.acknowledge(c.id(), "agent-wang", t("2025-03-10T02:05:00Z"));

    // (4) automatic classification (urgent, by the amount rule) and routing
    c = desk.classify(c.id(), "system", t("2025-03-10T02:05:00Z"));
    assertThat(c.classification().orElseThrow().severity()).isEqualTo(Severity.URGENT);
    assertThat(c.classification().orElseThrow().ruleId()).isEqualTo("large-amount");
    c = desk.assign(c.id(), "system", t("2025-03-10T02:05:00Z"));
    assertThat(c.assignee()).contains("wealth-management");
    c = desk.reassign(c.id(), "wealth-team-li", "agent-wang", "product specialist", t("2025-03-10T03:00:00Z"));
    assertThat(c.assignee()).contains("wealth-team-li");

    // (5) resolution: correct the mistake and compensate; the customer accepts
    c = desk.start(c.id(), "wealth-team-li", t("2025-03-11T01:00:00Z"));
    c = desk.resolve(c.id(),
        new Resolution("product switched at no cost", Optional.of(Money.of("200.00", "CNY")), "product-suitability"),
        "wealth-team-li", t("2025-03-12T06:00:00Z"));
    c = desk.notePreference(c.id(), "prefers a call-back after 18:00", "wealth-team-li", t("2025-03-12T06:10:00Z"));
    c = desk.accept(c.id(), "agent-wang", t("2025-03-12T07:00:00Z"));
    assertThat(c.state()).isEqualTo(ComplaintState.CLOSED);

    // the audit trail: every change with actor, time and reason
    assertThat(c.audit())
        .extracting(AuditEntry::action)
        .containsExactly("receive", "link-order", "acknowledge", "classify", "assign", "reassign", "start", "resolve",
            "note-preference", "accept");
    assertThat(c.audit().get(3).reason()).isEqualTo("URGENT by rule large-amount; sla policy cn-banking-insurance-2020.general");
    assertThat(c.audit().get(5).reason()).isEqualTo("from wealth-management to wealth-team-li: product specialist");
    assertThat(c.audit().get(7).reason())
        .isEqualTo("product switched at no cost; compensation 200.00 CNY; root cause product-suitability");
    assertThat(c.audit().get(7).actor()).isEqualTo("wealth-team-li");
    assertThat(c.audit().get(7).at()).isEqualTo(t("2025-03-12T06:00:00Z"));

    // lifecycle events with stable ids
    assertThat(lifecycle)
        .containsExactly(
            new ComplaintOpened("C-1/opened/1", CHEN, t("2025-02-10T01:00:00Z"), "C-1", Severity.NORMAL),
            new ComplaintResolved("C-1/resolved/1", CHEN, t("2025-02-11T03:00:00Z"), "C-1", true),
            new ComplaintOpened("C-2/opened/1", CHEN, t("2025-03-10T02:00:00Z"), "C-2", Severity.URGENT),
            new ComplaintResolved("C-2/resolved/1", CHEN, t("2025-03-12T07:00:00Z"), "C-2", true));

    // (6) the appendix, and reminders when the customer does business again
    ComplaintAppendix appendix = desk.appendix(CHEN);
    assertThat(appendix.complaints()).extracting(Complaint::id).containsExactly("C-1", "C-2");
    assertThat(appendix.preferences()).containsExactly("prefers a call-back after 18:00");
    desk.watch(CHEN, "sales");
    List<Reminder> reminders = desk.customerReturned(CHEN, t("2025-04-01T02:00:00Z"));
    assertThat(reminders).extracting(Reminder::department)
        .containsExactly("complaints", "sales", "wealth-management", "wealth-team-li");
    assertThat(reminders.get(0).ticketIds()).containsExactly("C-1", "C-2");
    assertThat(reminders.get(0).preferences()).containsExactly("prefers a call-back after 18:00");
    assertThat(reminded).isEqualTo(reminders);

    // reports
    ComplaintReport report = desk.report();
    assertThat(report.rootCauses()).isEqualTo(Map.of("postal-delay", 1L, "product-suitability", 1L));
    assertThat(report.compliance().get("cn-banking-insurance-2020.general").resolutionRate()).isEqualTo(1.0);
  }

  @Test
  void anUnknownCallerStillGetsATicketFlaggedForIdentification() {
    List<Event> lifecycle = new ArrayList<>();
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.china()).customerDirectory(DIRECTORY).orderBook(ORDERS).events(lifecycle::add).build();
    assertThat(desk.identifyCaller("+86 10 0000 0000").customer()).isEmpty();
    Complaint c = desk.open(Intake.call("+86 10 0000 0000", t("2025-03-10T02:00:00Z"), "card swallowed by ATM")
        .withOrderNumber("SO-9999"), "agent-wang");
    assertThat(c.flags()).containsExactlyInAnyOrder(ComplaintFlag.UNIDENTIFIED_CUSTOMER, ComplaintFlag.UNKNOWN_ORDER);
    assertThat(c.orderNumber()).contains("SO-9999");
    assertThat(c.audit().get(0).reason()).isEqualTo("received by PHONE; customer not identified; order SO-9999 not found");
    desk.acknowledge(c.id(), "agent-wang", t("2025-03-10T02:01:00Z"));
    desk.classify(c.id(), "system", t("2025-03-10T02:01:00Z"));
    assertThat(lifecycle).isEmpty();
    c = desk.identifyCustomer(c.id(), CHEN, "agent-wang", t("2025-03-10T04:00:00Z"));
    assertThat(c.flags()).containsExactly(ComplaintFlag.UNKNOWN_ORDER);
    assertThat(lifecycle).containsExactly(
        new ComplaintOpened("C-1/opened/1", CHEN, t("2025-03-10T02:00:00Z"), "C-1", Severity.NORMAL));
    c = desk.linkOrder(c.id(), "SO-2025-0042", "agent-wang", t("2025-03-10T04:05:00Z"));
    assertThat(c.flags()).isEmpty();
    assertThat(desk.size()).isEqualTo(1);
  }

  @Test
  void aRejectedResolutionIsReopenedAndCountsAsANewCycle() {
    List<Event> lifecycle = new ArrayList<>();
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.china()).customerDirectory(DIRECTORY).events(lifecycle::add).build();
    Complaint c = desk.open(Intake.call(PHONE, t("2025-03-10T02:00:00Z"), "wrong fee"), "a");
    desk.acknowledge(c.id(), "a", t("2025-03-10T02:00:00Z"));
    desk.classify(c.id(), "a", t("2025-03-10T02:00:00Z"));
    desk.assign(c.id(), "a", t("2025-03-10T02:00:00Z"));
    desk.start(c.id(), "a", t("2025-03-10T02:00:00Z"));
    desk.resolve(c.id(), new Resolution("fee refunded", Optional.of(Money.of("15.00", "CNY")), "fees"), "a",
        t("2025-03-11T02:00:00Z"));
    desk.reject(c.id(), "a", "wants interest too", t("2025-03-11T03:00:00Z"));
    c = desk.reopen(c.id(), "a", "customer rejected the resolution", t("2025-03-11T03:00:00Z"));
    assertThat(c.state()).isEqualTo(ComplaintState.REOPENED);
    assertThat(c.resolution()).isEmpty();
    assertThat(lifecycle).extracting(Event::id)
        .containsExactly("C-1/opened/1", "C-1/resolved/1", "C-1/opened/2");
    assertThat(((ComplaintResolved) lifecycle.get(1)).accepted()).isFalse();
  }

  @Test
  void identifyingTheCallerLaterPutsEveryEarlierAssigneeOnTheirFile() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.china()).customerDirectory(DIRECTORY).orderBook(ORDERS).build();
    Instant at = t("2025-03-10T02:00:00Z");
    String id = desk.open(Intake.call("+86 10 0000 0000", at, "card swallowed by ATM"), "agent-wang").id();
    desk.acknowledge(id, "agent-wang", at);
    desk.classify(id, "system", at);
    desk.assign(id, "system", at);
    desk.reassign(id, "cards to branches", "lead", "a branch matter: the ATM is theirs", at);
    desk.reassign(id, "atm-ops", "lead", "hardware fault", at);
    assertThat(desk.appendix(CHEN).departments()).isEmpty();

    desk.identifyCustomer(id, CHEN, "agent-wang", t("2025-03-10T04:00:00Z"));

    assertThat(desk.appendix(CHEN).departments()).containsExactlyInAnyOrder("complaints", "cards to branches", "atm-ops");
    assertThat(desk.customerReturned(CHEN, t("2025-03-11T04:00:00Z"))).extracting(Reminder::department)
        .containsExactlyInAnyOrder("complaints", "cards to branches", "atm-ops");
  }

  @Test
  void aResponseToATicketEscalatedBeforeItsAcknowledgementIsItsFirstResponse() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).startAt(t("2025-06-02T09:00:00Z")).build();
    String id = desk.open(Intake.of(ComplaintChannel.BRANCH, CHEN, t("2025-06-02T09:00:00Z"), "branch closed early"), "agent").id();
    desk.escalate(id, "manager", "branch manager involved", t("2025-06-02T10:00:00Z"));
    Complaint answered = desk.respond(id, "manager", "called the customer back", t("2025-06-02T11:00:00Z"));
    assertThat(answered.deadlines()).doesNotContainKey(SlaTarget.FIRST_RESPONSE);
    // the first-response deadline (close of business on Wednesday 4 June) passes without a breach
    assertThat(desk.advanceTo(t("2025-06-05T09:00:00Z"))).noneMatch(e -> e.target() == SlaTarget.FIRST_RESPONSE);
    assertThat(desk.report().compliance().get("standard.normal").firstResponseMet()).isEqualTo(1);
    assertThat(desk.report().compliance().get("standard.normal").firstResponseBreached()).isZero();
  }

  @Test
  void aComplaintIsTakenEvenWhenTheLookupsFail() {
    CustomerDirectory down = phone -> {
      throw new IllegalStateException("crm timeout");
    };
    OrderBook broken = new OrderBook() {
      @Override
      public Optional<Order> findOrder(String number) {
        throw new IllegalStateException("order service timeout");
      }

      @Override
      public List<Order> recentOrders(CustomerId customer, int limit) {
        return List.of();
      }
    };
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.china()).customerDirectory(down).orderBook(broken).build();
    Complaint c = desk.open(Intake.call(PHONE, t("2025-03-10T02:00:00Z"), "atm kept my card").withOrderNumber("SO-1"), "agent");
    assertThat(c.flags()).containsExactlyInAnyOrder(ComplaintFlag.UNIDENTIFIED_CUSTOMER, ComplaintFlag.UNKNOWN_ORDER);
    assertThat(c.audit().get(0).reason()).isEqualTo(
        "received by PHONE; customer not identified; customer lookup failed (IllegalStateException); "
            + "order lookup failed (IllegalStateException)");
    assertThat(desk.size()).isEqualTo(1);
  }
}
