package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Event;
import io.clm.complaints.HolidayCalendars;
import io.clm.complaints.InMemoryTicketStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private static final int OPERATIONS = 150;

  @Test
  void aDeskKilledAtRandomOperationsOnH2EndsLikeOneCleanRun() throws Exception {
    aDeskKilledAtRandomOperationsEndsLikeOneCleanRun(Databases.h2(dir));
  }

  @Test
  void aDeskKilledAtRandomOperationsOnPostgresqlEndsLikeOneCleanRun() throws Exception {
    aDeskKilledAtRandomOperationsEndsLikeOneCleanRun(Databases.postgresDatabase());
  }

  private void aDeskKilledAtRandomOperationsEndsLikeOneCleanRun(String url) throws Exception {
    long seed = new Random().nextLong();
    String context = "seed " + seed;
    Random random = new Random(seed);
    long[] killAt = new long[10];
    for (int i = 0; i < killAt.length; i++) {
      killAt[i] = 1 + random.nextInt(OPERATIONS - 20);
    }
    Arrays.sort(killAt);
    LinkedHashSet<String> delivered = new LinkedHashSet<>();
    List<CrashRestartContract.Child> children = new ArrayList<>();
    try {
      long applied = 0;
      for (int k = 0; k <= killAt.length; k++) {
        CrashRestartContract.Child child = CrashRestartContract.Child.start(dir.resolve("desk-" + k + ".err"), KilledDesk.class,
            url, Long.toString(seed), Integer.toString(OPERATIONS));
        children.add(child);
        long resume = child.expect("resume");
        // nothing the desk acknowledged is lost; at most the operation in flight was stored unseen
        assertThat(resume).as(context).isBetween(applied, applied + 1);
        applied = resume;
        if (k == killAt.length) {
          assertThat(child.expect("done")).isEqualTo(OPERATIONS);
          assertThat(child.exitCode()).isZero();
        } else {
          while (applied < killAt[k]) {
            applied = child.expect("applied");
          }
          Thread.sleep(random.nextInt(30));
          child.kill();
        }
        delivered.addAll(child.linesStartingWith("event "));
        applied = Math.max(applied, child.linesStartingWith("applied ").stream().mapToLong(Long::parseLong).max().orElse(applied));
        // what each desk did, for the message of a failing assertion
        context += "; desk " + k + " resumed at " + resume + ", applied up to " + applied;
      }
    } finally {
      children.forEach(CrashRestartContract.Child::destroy);
    }

    List<String> clean = new ArrayList<>();
    ComplaintDesk once = desk(new InMemoryTicketStore(), e -> clean.add(e.id()), e -> { });
    for (int i = 1; i <= OPERATIONS; i++) {
      KilledDesk.operation(once, seed, i);
    }
    try (JdbcStore store = JdbcStore.builder().url(url).maximumPoolSize(2).build()) {
      ComplaintDesk restarted = desk(store.tickets(), e -> delivered.add(e.id()), e -> { });
      assertThat(restarted.all()).as(context).isNotEmpty().isEqualTo(once.all());
      assertThat(restarted.report()).as(context).isEqualTo(once.report());
      assertThat(store.tickets().pendingEvents(10)).isEmpty();
    }
    // every lifecycle event delivered at least once, in the order of a clean run
    assertThat(List.copyOf(delivered)).as(context).isNotEmpty().isEqualTo(clean);
  }

  /**
   * The process the crash test kills: a desk over the JDBC ticket store running operations
   * {@code 1..N} of a random story, operation {@code i} at {@code T0 + i} minutes. It resumes after
   * the desk's stored clock, prints {@code event ID} for every lifecycle event its sink takes (its
   * standard output is a file, see {@link CrashRestartContract.Child}) and {@code applied I} after
   * each operation. The sink refuses an event it could not print, so that the event stays in the
   * outbox.
   */
  static final class KilledDesk {
    private KilledDesk() {}

    /**
     * Runs the story.
     *
     * @param args the JDBC URL, the seed, the number of operations
     */
    public static void main(String[] args) {
      PrintStream out = System.out;
      long seed = Long.parseLong(args[1]);
      int operations = Integer.parseInt(args[2]);
      try (JdbcStore store = JdbcStore.builder().url(args[0]).maximumPoolSize(2).build()) {
        ComplaintDesk desk = desk(store.tickets(), e -> {
          out.println("event " + e.id());
          if (out.checkError()) {
            // refused: the event stays in the outbox
            throw new UncheckedIOException(new IOException("standard output failed"));
          }
        }, e -> { });
        long done = Duration.between(T0, desk.now()).toMinutes();
        out.println("resume " + done);
        out.flush();
        for (int i = (int) done + 1; i <= operations; i++) {
          operation(desk, seed, i);
          out.println("applied " + i);
          out.flush();
        }
        out.println("done " + operations);
        out.flush();
      }
    }

    /**
     * Operation {@code i}: opens a ticket, moves the clock, or takes a random open ticket one step
     * on. A step the workflow refuses changes nothing, and is refused again on a replay.
     */
    static void operation(ComplaintDesk desk, long seed, int i) {
      Instant at = T0.plus(Duration.ofMinutes(i));
      Random r = new Random(seed * 1_000_003L + i);
      int kind = r.nextInt(10);
      List<String> open = desk.all().stream().filter(c -> c.state().isOpen()).map(Complaint::id).sorted().toList();
      try {
        if (open.isEmpty() || kind < 2) {
          desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("k" + r.nextInt(6)), at, "fee"), "agent");
          return;
        }
        if (kind == 2) {
          desk.advanceTo(at);
          return;
        }
        Complaint c = desk.get(open.get(r.nextInt(open.size())));
        switch (c.state()) {
          case RECEIVED -> desk.acknowledge(c.id(), "agent", at);
          case ACKNOWLEDGED -> desk.classify(c.id(), "system", at);
          case CLASSIFIED -> desk.assign(c.id(), "system", at);
          case ASSIGNED, REOPENED -> desk.start(c.id(), "ops", at);
          case IN_PROGRESS, ESCALATED -> {
            if (c.paused()) {
              desk.resume(c.id(), "ops", at);
            } else if (kind < 7) {
              desk.resolve(c.id(), new Resolution("refund", Optional.empty(), "pricing"), "ops", at);
            } else {
              desk.pause(c.id(), "ops", "waiting for papers", at);
            }
          }
          default -> desk.respond(c.id(), "agent", "update", at);
        }
      } catch (IllegalTransitionException | ValidationException refused) {
        // the workflow refused the step: the desk changed nothing
      }
    }
  }
}
