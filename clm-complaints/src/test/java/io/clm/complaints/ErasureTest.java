package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Erasure keeps the regulator's record and removes the customer's personal data. */
class ErasureTest {

  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("alice");

  @Test
  void aResolvedComplaintKeepsItsRecordWithoutPersonalData() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(HolidayCalendars.of("GB-ENG")).ticketStore(store).startAt(T0).build();
    String id = desk.open(Intake.of(ComplaintChannel.PHONE, ALICE, T0, "my card 4929 was charged twice"), "agent").id();
    desk.acknowledge(id, "agent", T0);
    desk.classify(id, "system", T0);
    desk.assign(id, "system", T0);
    desk.start(id, "ops", T0);
    desk.notePreference(id, "prefers calls after 18:00", "agent", T0);
    assertThatThrownBy(() -> desk.erase(ALICE, "dpo", T0.plusSeconds(10)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageEndingWith("has open complaints [C-1]: their data is needed to handle them; erase once they are resolved");
    desk.resolve(id, new Resolution("refunded the duplicate charge to Alice", Optional.empty(), "duplicate-posting"), "ops",
        T0.plusSeconds(60));
    desk.accept(id, "agent", T0.plusSeconds(120));
    Complaint before = desk.get(id);

    assertThat(desk.erase(ALICE, "dpo", T0.plusSeconds(180))).containsExactly(id);

    Complaint after = desk.get(id);
    assertThat(after.customer()).isEmpty();
    assertThat(after.content()).isEqualTo("[erased]");
    assertThat(after.resolution().orElseThrow().correction()).isEqualTo("[erased]");
    assertThat(after.resolution().orElseThrow().rootCause()).isEqualTo("duplicate-posting");
    assertThat(after.flags()).containsExactly(ComplaintFlag.ERASED);
    assertThat(after.state()).isEqualTo(ComplaintState.CLOSED);
    assertThat(after.receivedAt()).isEqualTo(before.receivedAt());
    assertThat(after.classification()).isEqualTo(before.classification());
    assertThat(after.audit()).extracting(AuditEntry::action).containsSubsequence("receive", "note-preference", "resolve", "accept", "erase");
    assertThat(after.audit()).noneMatch(a -> a.reason().contains("Alice") || a.reason().contains("18:00"));
    assertThat(desk.appendix(ALICE).complaints()).isEmpty();
    assertThat(desk.appendix(ALICE).preferences()).isEmpty();
    assertThat(store.file(ALICE)).isEmpty();
    assertThat(desk.report().rootCauses()).containsEntry("duplicate-posting", 1L);

    // an erased ticket takes no more operations: none could attach personal data to it again
    Instant later = T0.plusSeconds(240);
    assertThatThrownBy(() -> desk.identifyCustomer(id, ALICE, "agent", later))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("ticket " + id + " was erased on request and takes no more operations; a new complaint is opened instead");
    assertThatThrownBy(() -> desk.reopen(id, "agent", "Alice called again", later)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> desk.notePreference(id, "Alice prefers letters", "agent", later))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(desk.get(id)).isEqualTo(after);
    assertThat(desk.now()).isEqualTo(T0.plusSeconds(180));
  }

  @Test
  void onlyTheSlaClocksOwnEntriesKeepTheirReasonsAndNoCallerMayActAsTheClock() {
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(HolidayCalendars.of("GB-ENG")).startAt(T0).build();
    String id = desk.open(Intake.of(ComplaintChannel.PHONE, ALICE, T0, "my card was charged twice"), "agent").id();
    assertThatThrownBy(() -> desk.open(Intake.of(ComplaintChannel.PHONE, ALICE, T0, "again"), "clock"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("actor 'clock' is reserved for the desk's SLA clock");
    assertThatThrownBy(() -> desk.notePreference(id, "Alice prefers calls after 18:00", "clock", T0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("actor 'clock' is reserved for the desk's SLA clock");
    assertThatThrownBy(() -> desk.erase(ALICE, "clock", T0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("actor 'clock' is reserved for the desk's SLA clock");
    // first response due at close of business on Wednesday 4 June: warned and breached by the clock
    desk.advanceTo(Instant.parse("2025-06-05T09:00:00Z"));
    desk.notePreference(id, "Alice prefers calls after 18:00", "agent", Instant.parse("2025-06-05T09:00:00Z"));
    desk.withdraw(id, "agent", "Alice withdrew by phone", Instant.parse("2025-06-05T10:00:00Z"));

    desk.erase(ALICE, "dpo", Instant.parse("2025-06-05T11:00:00Z"));

    Complaint after = desk.get(id);
    assertThat(after.audit()).noneMatch(a -> a.reason().contains("Alice") || a.reason().contains("18:00"));
    assertThat(after.audit()).filteredOn(a -> a.action().equals("sla-breach")).singleElement()
        .extracting(AuditEntry::reason).isEqualTo("first response deadline 2025-06-04T16:00:00Z passed");
  }
}
