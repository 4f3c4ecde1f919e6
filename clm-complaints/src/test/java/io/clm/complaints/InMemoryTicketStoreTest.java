package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.StoredTicket;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reference store's limits: one is the smallest a caller may ask for, and it is kept. */
class InMemoryTicketStoreTest {

  @Test
  void aLimitOfOneGivesOneTicketOrEventAndALimitOfZeroIsRefused() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    Instant t0 = Instant.parse("2025-06-02T09:00:00Z");
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).ticketStore(store).startAt(t0).events(e -> {
          throw new IllegalStateException("engine down");
        }).build();
    for (String customer : new String[] {"a", "b"}) {
      String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of(customer), t0, "fee"), "agent").id();
      desk.acknowledge(id, "agent", t0);
      desk.classify(id, "system", t0);
    }
    Instant later = Instant.parse("2025-12-31T00:00:00Z");
    assertThat(store.dueBy(later, 1)).extracting(StoredTicket::id).containsExactly("C-1");
    assertThat(store.pendingEvents(1)).extracting(OutboxEvent::id).containsExactly(1L);
    assertThatThrownBy(() -> store.dueBy(later, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit 0 is below 1");
    assertThatThrownBy(() -> store.pendingEvents(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit 0 is below 1");
  }
}
