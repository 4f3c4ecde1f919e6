package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.Money;
import io.clm.api.PluginConfigurationException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input is refused with an exact message and leaves the ticket as it was. */
class BadInputTest {

  private final ComplaintDesk desk =
      ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(TestCalendars.england()).build();
  private final Instant t0 = Instant.parse("2025-06-02T09:00:00Z");

  private Complaint open() {
    return desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("bob"), t0, "charged twice"), "agent");
  }

  @Test
  void aForbiddenMoveThrowsAndLeavesTheTicketUnchanged() {
    Complaint c = open();
    Resolution r = new Resolution("refund", Optional.empty(), "fees");
    assertThatThrownBy(() -> desk.resolve(c.id(), r, "agent", t0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("ticket C-1 cannot move from RECEIVED to RESOLVED under workflow 'standard'");
    assertThat(desk.get(c.id())).isEqualTo(c);
  }

  @Test
  void negativeCompensationIsRefused() {
    assertThatThrownBy(() -> new Resolution("refund", Optional.of(Money.of("-5.00", "GBP")), "fees"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("compensation -5.00 GBP is negative");
  }

  @Test
  void compensationInAnUnknownCurrencyIsRefused() {
    assertThatThrownBy(() -> Money.of("5.00", "XYZ"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency 'XYZ' is not an ISO 4217 code");
  }

  @Test
  void aCalendarMissingAYearThrowsATypedException() {
    BusinessCalendar calendar = TestCalendars.england2025Only();
    assertThatThrownBy(() -> calendar.deadline(Instant.parse("2025-12-15T10:00:00Z"), SlaLimit.businessDays(15)))
        .isInstanceOf(CalendarCoverageException.class)
        .hasMessage("calendar 'england' has no holidays for 2026");
  }

  @Test
  void extendingWithoutAnExtensionIsRefused() {
    Complaint c = open();
    assertThatThrownBy(() -> desk.extend(c.id(), "boss", "more time", t0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("ticket C-1 has no further extension under sla policy 'standard.normal'");
    assertThat(desk.get(c.id())).isEqualTo(c);
  }

  @Test
  void extendingAfterTheBreachIsRefused() {
    ComplaintDesk psd2 = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("eu-psd2")).calendar(TestCalendars.england()).build();
    Complaint c = psd2.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("bob"), t0, "charged twice"), "agent");
    assertThatThrownBy(() -> psd2.extend(c.id(), "boss", "holding reply", Instant.parse("2025-07-01T00:00:00Z")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("resolution deadline of ticket C-1 was already breached");
  }

  @Test
  void operationsBeforeTheClockAreRefused() {
    Complaint c = open();
    desk.advanceTo(t0.plusSeconds(3600));
    assertThatThrownBy(() -> desk.acknowledge(c.id(), "agent", t0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("at 2025-06-02T09:00:00Z is before the desk clock 2025-06-02T10:00:00Z");
    assertThatThrownBy(() -> desk.advanceTo(t0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("advance to 2025-06-02T09:00:00Z is before the desk clock 2025-06-02T10:00:00Z");
  }

  @Test
  void aRefusedOperationLeavesTheDeskClockWhereItWas() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).ticketStore(store).startAt(t0).build();
    Complaint c = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("bob"), t0, "charged twice"), "agent");
    Resolution r = new Resolution("refund", Optional.empty(), "fees");
    assertThatThrownBy(() -> desk.resolve(c.id(), r, "agent", t0.plusSeconds(3600)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(desk.now()).isEqualTo(t0);
    assertThat(store.deskTime()).contains(t0);
    // an operation dated before the refused one is still taken
    assertThat(desk.acknowledge(c.id(), "agent", t0.plusSeconds(1800)).state()).isEqualTo(ComplaintState.ACKNOWLEDGED);
    assertThat(desk.now()).isEqualTo(t0.plusSeconds(1800));
  }

  @Test
  void unknownTicketsBlankActorsAndBadIntake() {
    assertThatThrownBy(() -> desk.get("C-9")).isInstanceOf(ValidationException.class).hasMessage("ticket 'C-9' is not known");
    Complaint c = open();
    assertThatThrownBy(() -> desk.acknowledge(c.id(), " ", t0)).isInstanceOf(ValidationException.class).hasMessage("actor is blank");
    assertThatThrownBy(() -> Intake.of(ComplaintChannel.WEB, null, t0, " "))
        .isInstanceOf(ValidationException.class).hasMessage("content is blank");
    assertThatThrownBy(() -> Intake.of(ComplaintChannel.WEB, null, t0, "x").withAmountAtStake(Money.of("-1.00", "EUR")))
        .isInstanceOf(ValidationException.class).hasMessage("amount at stake -1.00 EUR is negative");
    assertThatThrownBy(() -> desk.reassign(c.id(), "ops", "agent", "", t0))
        .isInstanceOf(ValidationException.class).hasMessage("reason is blank");
  }

  @Test
  void aBlankOrderNumberOrCallerPhoneAtIntakeIsRefusedAndNothingIsStored() {
    assertThatThrownBy(() -> desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("bob"), t0, "charged twice")
            .withOrderNumber(" "), "agent"))
        .isInstanceOf(ValidationException.class).hasMessage("orderNumber is blank");
    assertThatThrownBy(() -> desk.open(Intake.call("", t0, "charged twice"), "agent"))
        .isInstanceOf(ValidationException.class).hasMessage("callerPhone is blank");
    assertThat(desk.size()).isZero();
    assertThat(open().id()).isEqualTo("C-1");
  }

  @Test
  void answeringTwiceIsRefused() {
    Complaint c = open();
    for (String step : new String[] {"ack", "classify", "assign", "start"}) {
      switch (step) {
        case "ack":
          desk.acknowledge(c.id(), "a", t0);
          break;
        case "classify":
          desk.classify(c.id(), "a", t0);
          break;
        case "assign":
          desk.assign(c.id(), "a", t0);
          break;
        default:
          desk.start(c.id(), "a", t0);
      }
    }
    desk.resolve(c.id(), new Resolution("refund", Optional.empty(), "fees"), "a", t0);
    desk.reject(c.id(), "a", "not enough", t0);
    assertThatThrownBy(() -> desk.accept(c.id(), "a", t0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("customer already answered the resolution of ticket C-1");
  }

  @Test
  void policiesAndCalendarsValidateTheirInput() {
    assertThatThrownBy(() -> SlaPolicy.builder("x", SlaLimit.businessDays(15)).extension(SlaLimit.calendarDays(35)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("extension 35 CALENDAR_DAYS of policy 'x' is not in BUSINESS_DAYS");
    assertThatThrownBy(() -> SlaPolicy.builder("x", SlaLimit.businessDays(15)).extension(SlaLimit.businessDays(10)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("extension 10 BUSINESS_DAYS of policy 'x' is not longer than 15 BUSINESS_DAYS");
    assertThatThrownBy(() -> SlaLimit.businessDays(0))
        .isInstanceOf(ValidationException.class).hasMessage("sla amount 0 is not between 1 and 3650");
    assertThatThrownBy(() -> BusinessCalendar.builder("x", ZoneId.of("UTC")).holidays(2025, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(ValidationException.class).hasMessage("holiday 2026-01-01 is not in 2025");
    assertThatThrownBy(() -> BusinessCalendar.builder("x", ZoneId.of("UTC")).build())
        .isInstanceOf(ValidationException.class).hasMessage("calendar 'x' covers no year");
    assertThatThrownBy(() -> BusinessCalendar.builder("x", ZoneId.of("UTC")).businessHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
        .isInstanceOf(ValidationException.class).hasMessage("business hours close 09:00 is not after open 17:00");
  }

  @Test
  void workflowsAreFoundByIdAndUnknownIdsNamed() {
    for (String id : new String[] {"standard", "uk-fca-disp", "us-cfpb", "cn-banking-insurance-2020", "eu-psd2"}) {
      assertThat(ComplaintDesk.findWorkflow(id).id()).isEqualTo(id);
    }
    assertThatThrownBy(() -> ComplaintDesk.findWorkflow("nope"))
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("cn-banking-insurance-2020, eu-psd2, standard, uk-fca-disp, us-cfpb");
  }

  @Test
  void toStringNeverShowsContentOrCustomer() {
    Complaint c = open();
    assertThat(c.toString()).isEqualTo("Complaint[C-1, RECEIVED]");
  }

  @Test
  void aBlankReasonNoteOrNameIsRefusedNamingTheFieldAndChangesNothing() {
    Complaint c = open();
    String id = c.id();
    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put("escalate: reason is blank", () -> desk.escalate(id, "agent", " ", t0));
    calls.put("pause: reason is blank", () -> desk.pause(id, "agent", " ", t0));
    calls.put("extend: reason is blank", () -> desk.extend(id, "agent", "\t", t0));
    calls.put("reassign: assignee is blank", () -> desk.reassign(id, " ", "agent", "on leave", t0));
    calls.put("reassign: reason is blank", () -> desk.reassign(id, "ops", "agent", " ", t0));
    calls.put("respond: note is blank", () -> desk.respond(id, "agent", " ", t0));
    calls.put("linkOrder: order number is blank", () -> desk.linkOrder(id, " ", "agent", t0));
    calls.put("notePreference: preference is blank", () -> desk.notePreference(id, " ", "agent", t0));
    calls.put("reject: reason is blank", () -> desk.reject(id, "agent", " ", t0));
    calls.put("close: reason is blank", () -> desk.close(id, "agent", " ", t0));
    calls.put("reopen: reason is blank", () -> desk.reopen(id, "agent", " ", t0));
    calls.put("requestReview: reason is blank", () -> desk.requestReview(id, "agent", " ", t0));
    calls.put("withdraw: reason is blank", () -> desk.withdraw(id, "agent", " ", t0));
    calls.put("watch: department is blank", () -> desk.watch(CustomerId.of("bob"), " "));
    calls.forEach((what, call) -> assertThatThrownBy(call).as(what)
        .isInstanceOf(ValidationException.class)
        .hasMessage(what.substring(what.indexOf(": ") + 2)));
    assertThat(desk.get(id)).isEqualTo(c);
    assertThat(desk.appendix(CustomerId.of("bob")).departments()).isEmpty();
  }

  @Test
  void anErasureDatedBeforeTheDeskClockIsRefusedBeforeAnythingElseIsChecked() {
    open();
    assertThatThrownBy(() -> desk.erase(CustomerId.of("bob"), "agent", t0.minusSeconds(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("at 2025-06-02T08:59:59Z is before the desk clock 2025-06-02T09:00:00Z");
  }

  @Test
  void anAcceptanceIsRefusedWhereTheWorkflowDoesNotLetAResolvedTicketClose() {
    ComplaintWorkflow noClosing = new ComplaintWorkflow() {
      @Override
      public String id() {
        return "no-closing";
      }

      @Override
      public Set<ComplaintState> next(ComplaintState from) {
        return from == ComplaintState.RESOLVED ? Set.of(ComplaintState.REOPENED) : ComplaintState.standardNext(from);
      }

      @Override
      public SlaPolicy slaPolicy(Severity severity, String category) {
        return SlaPolicy.builder("no-closing.normal", SlaLimit.businessDays(15)).build();
      }
    };
    ComplaintDesk d = ComplaintDesk.builder().workflow(noClosing).calendar(TestCalendars.england()).build();
    String id = d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("bob"), t0, "charged twice"), "agent").id();
    d.acknowledge(id, "agent", t0);
    d.classify(id, "system", t0);
    d.assign(id, "system", t0);
    d.start(id, "agent", t0);
    Complaint resolved = d.resolve(id, new Resolution("refund", Optional.empty(), "fees"), "agent", t0);
    assertThatThrownBy(() -> d.accept(id, "agent", t0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("ticket C-1 cannot move from RESOLVED to CLOSED under workflow 'no-closing'");
    assertThat(d.get(id)).isEqualTo(resolved);
    assertThat(d.workflow().id()).isEqualTo("no-closing");
  }
}
