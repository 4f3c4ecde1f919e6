package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Event;
import io.clm.complaints.ComplaintDesk;
import io.clm.complaints.HolidayCalendars;
import io.clm.complaints.InMemoryTicketStore;
import io.clm.complaints.Intake;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * A complaint desk over the JDBC ticket store on a real database is stopped and rebuilt: the new
 * desk keeps every ticket with its deadlines and audit trail, the customer files and the events its
 * sink refused, and from there raises exactly the SLA events and sends exactly the lifecycle events
 * of a desk that never stopped.
 */
class ComplaintDeskRestartTest {
  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  private static final Instant DOWN = Instant.parse("2025-06-06T12:00:00Z");
  private static final Instant END = Instant.parse("2025-08-29T00:00:00Z");

  /** Every complaint of this customer is resolved and accepted before the customer asks to be erased. */
  private static final CustomerId SATISFIED = CustomerId.of("satisfied");

  @TempDir Path dir;

  @Test
  void onH2() {
    aRestartedDeskCarriesOnExactlyLikeOneThatNeverStopped(Databases.h2(dir));
  }

  @Test
  void onPostgresql() {
    aRestartedDeskCarriesOnExactlyLikeOneThatNeverStopped(Databases.postgresDatabase());
  }

  private static ComplaintDesk desk(TicketStore store, Consumer<Event> sink, Consumer<SlaEvent> sla) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(HolidayCalendars.of("GB-ENG"))
        .ticketStore(store).events(sink).slaEvents(sla).startAt(T0).build();
  }

  /**
   * Twelve tickets taken through the workflow to different points: some resolved and accepted,
   * some reopened or paused, one customer's erased later, the rest left open with running clocks.
   */
  private static void firstDays(ComplaintDesk desk) {
    for (int i = 0; i < 12; i++) {
      Instant at = T0.plus(Duration.ofHours(3L * i));
      CustomerId customer = i % 4 == 0 ? SATISFIED : CustomerId.of("c" + i % 5);
      String id = desk.open(Intake.of(ComplaintChannel.WEB, customer, at, "fee charged twice"), "agent").id();
      if (i % 4 == 3) {
        continue;
      }
      desk.acknowledge(id, "agent", at.plusSeconds(60));
      desk.classify(id, "system", at.plusSeconds(60));
      desk.assign(id, "system", at.plusSeconds(60));
      desk.start(id, "ops", at.plusSeconds(120));
      desk.notePreference(id, "email only", "agent", at.plusSeconds(130));
      switch (i % 4) {
        case 0 -> {
          desk.resolve(id, new Resolution("refund", Optional.empty(), "pricing"), "ops", at.plusSeconds(600));
          desk.accept(id, "agent", at.plusSeconds(700));
        }
        case 1 -> {
          desk.resolve(id, new Resolution("refund", Optional.empty(), "pricing"), "ops", at.plusSeconds(600));
          desk.reopen(id, "agent", "not refunded", at.plusSeconds(900));
        }
        default -> desk.pause(id, "ops", "waiting for the customer's statement", at.plusSeconds(300));
      }
    }
  }

  private static void lastDays(ComplaintDesk desk) {
    for (Complaint c : desk.all()) {
      if (c.paused()) {
        desk.resume(c.id(), "ops", DOWN.plusSeconds(3_600));
      }
    }
    desk.erase(SATISFIED, "privacy-office", DOWN.plusSeconds(7_200));
  }

  private static void aRestartedDeskCarriesOnExactlyLikeOneThatNeverStopped(String url) {
    List<Event> reference = new ArrayList<>();
    List<SlaEvent> referenceSla = new ArrayList<>();
    ComplaintDesk never = desk(new InMemoryTicketStore(), reference::add, referenceSla::add);
    firstDays(never);
    never.advanceTo(DOWN);
    lastDays(never);
    never.advanceTo(END);

    List<SlaEvent> sla = new ArrayList<>();
    List<Complaint> beforeStop;
    int undelivered;
    int slaBeforeStop;
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(3).build()) {
      // the lifecycle engine is down for the first days: every event stays in the outbox
      ComplaintDesk first = desk(store.tickets(), e -> {
        throw new IllegalStateException("engine unavailable");
      }, sla::add);
      firstDays(first);
      first.advanceTo(DOWN);
      beforeStop = first.all();
      slaBeforeStop = sla.size();
      undelivered = first.pendingEvents();
    }
    assertThat(undelivered).isPositive();
    assertThat(slaBeforeStop).isPositive();

    List<Event> delivered = new ArrayList<>();
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(3).build()) {
      assertThat(store.tickets().pendingEvents(10_000)).hasSize(undelivered);
      // the new desk delivers the refused events as it starts
      ComplaintDesk second = desk(store.tickets(), delivered::add, sla::add);
      assertThat(delivered).hasSize(undelivered);
      assertThat(second.now()).isEqualTo(DOWN);
      assertThat(second.all()).isEqualTo(beforeStop);
      lastDays(second);
      second.advanceTo(END);
      second.deliverEvents();

      assertThat(sla).hasSizeGreaterThan(slaBeforeStop).isEqualTo(referenceSla);
      assertThat(second.all()).isEqualTo(never.all());
      assertThat(second.report()).isEqualTo(never.report());
      assertThat(second.pendingEvents()).isZero();
      assertThat(delivered).isEqualTo(reference);
    }
  }
}
