package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.Severity;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ticket change the database refuses, or a document it cannot read, fails whole and names the store and the operation. */
class TicketStoreFailureTest {
  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");

  @TempDir Path dir;

  static StoredTicket ticket(long seq, String id) {
    Complaint c = new Complaint(id, ComplaintChannel.WEB, T0, Optional.of(CustomerId.of("c1")), Optional.empty(), Optional.empty(),
        "fee", Optional.empty(), "general", Set.of(), ComplaintState.RECEIVED, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "standard", Map.of(), 0, false,
        List.of(new AuditEntry(T0, "agent", "open", ComplaintState.RECEIVED, ComplaintState.RECEIVED, "received")));
    return new StoredTicket(seq, c, List.of(), List.of(), List.of(), Optional.empty(), 1, 0, 0, Optional.of(T0.plusSeconds(60)));
  }

  @Test
  void aChangeTheDatabaseRefusesIsStoredNotAtAll() {
    String url = Databases.h2(dir);
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      TicketStore tickets = store.tickets();
      // the second ticket's id is longer than the column: the database refuses the whole change
      TicketChange change = new TicketChange(List.of(ticket(1, "T-1"), ticket(2, "T-" + "9".repeat(300))), List.of(), List.of(),
          List.of(new ComplaintOpened("T-1/opened/1", CustomerId.of("c1"), T0, "T-1", Severity.NORMAL)), T0);

      assertThatThrownBy(() -> tickets.save(change))
          .isInstanceOf(TicketStoreException.class)
          .hasMessageStartingWith("store " + url + " could not save a ticket change: the database refused it")
          .hasCauseInstanceOf(JdbcStoreException.class);
      assertThat(tickets.find("T-1")).isEmpty();
      assertThat(tickets.lastSequence()).isZero();
      assertThat(tickets.pendingEvents(10)).isEmpty();
      assertThat(tickets.deskTime()).isEmpty();
    }
  }

  @Test
  void aDocumentThatCannotBeReadIsReportedWithTheTicket() throws Exception {
    String url = Databases.h2(dir);
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      store.tickets().save(new TicketChange(List.of(ticket(1, "T-1")), List.of(), List.of(), List.of(), T0));
      try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE clm_ticket SET record = X'7b7d'");
        c.commit();
      }
      assertThatThrownBy(() -> store.tickets().find("T-1"))
          .isInstanceOf(TicketStoreException.class)
          .hasMessageStartingWith("store " + url + " could not read ticket T-1: its stored document is not valid");
    }
  }

  @Test
  void aDocumentThatIsNotWellFormedJsonIsReportedWithoutItsText() throws Exception {
    String url = Databases.h2(dir);
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      store.tickets().save(new TicketChange(List.of(ticket(1, "T-1")), List.of(), List.of(), List.of(), T0));
      try (Connection c = store.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement("UPDATE clm_ticket SET record = ?")) {
        ps.setBytes(1, "{\"complaint\":{\"customer\":CUST0012345}}".getBytes(StandardCharsets.UTF_8));
        ps.executeUpdate();
        c.commit();
      }
      assertThatThrownBy(() -> store.tickets().find("T-1"))
          .isInstanceOf(TicketStoreException.class)
          .hasMessageStartingWith("store " + url + " could not read ticket T-1: its stored document is not valid"
              + " (not well-formed JSON at line 1, column ")
          .hasMessageNotContaining("0012345");
    }
  }
}
