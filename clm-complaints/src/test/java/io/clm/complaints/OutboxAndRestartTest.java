package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintDeskBuilder;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The ticket store, the outbox's at-least-once delivery, restarts, and the desk's time limits. */
class OutboxAndRestartTest {

  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  private static final BusinessCalendar ENGLAND = HolidayCalendars.of("GB-ENG");

  private static ComplaintDeskBuilder desk(TicketStore store, Consumer<Event> sink) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(ENGLAND)
        .ticketStore(store).events(sink).startAt(T0);
  }

  /** Runs the same operations on a desk: 40 tickets through opening, resolution, reopening, closing. */
  private static void story(ComplaintDesk desk) {
    for (int i = 0; i < 40; i++) {
      Instant at = T0.plus(Duration.ofMinutes(10L * i));
      String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + i % 9), at, "fee"), "agent").id();
      desk.acknowledge(id, "agent", at);
      desk.classify(id, "system", at);
      desk.assign(id, "system", at);
      desk.start(id, "ops", at);
      desk.resolve(id, new Resolution("refund", Optional.empty(), "pricing"), "ops", at.plusSeconds(60));
      if (i % 3 == 0) {
        desk.reopen(id, "agent", "customer called back", at.plusSeconds(120));
        desk.start(id, "ops", at.plusSeconds(150));
        desk.resolve(id, new Resolution("refund again", Optional.empty(), "pricing"), "ops", at.plusSeconds(180));
      }
      desk.accept(id, "agent", at.plusSeconds(240));
    }
  }

  @Test
  void aSinkThatFailsAtRandomGetsEveryEventAtLeastOnceInOrder() {
    List<Event> reliable = new ArrayList<>();
    story(desk(new InMemoryTicketStore(), reliable::add).build());

    Random random = new Random(20250602L);
    List<Event> received = new ArrayList<>();
    int[] refusals = {0};
    InMemoryTicketStore store = new InMemoryTicketStore();
    ComplaintDesk flaky = desk(store, e -> {
      if (random.nextInt(3) == 0) {
        refusals[0]++;
        throw new IllegalStateException("engine unavailable");
      }
      received.add(e);
    }).build();
    story(flaky);
    for (int i = 0; i < 1000 && flaky.pendingEvents() > 0; i++) {
      flaky.deliverEvents();
    }
    assertThat(refusals[0]).isGreaterThan(10);
    assertThat(flaky.pendingEvents()).isZero();
    assertThat(store.pendingEvents(10)).isEmpty();
    // 40 openings, 40 + 14 resolutions, 14 reopenings: each delivered once, in the reliable order
    assertThat(reliable).hasSize(108);
    assertThat(received).isEqualTo(reliable);
  }

  @Test
  void reopeningSendsTheEndAndTheNewOpeningAtDistinctOrderedInstants() {
    List<Event> events = new ArrayList<>();
    ComplaintDesk d = desk(new InMemoryTicketStore(), events::add).build();
    String id = d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0, "fee"), "agent").id();
    d.acknowledge(id, "agent", T0);
    d.classify(id, "system", T0);
    d.assign(id, "system", T0);
    d.start(id, "ops", T0);
    d.resolve(id, new Resolution("refund", Optional.empty(), "pricing"), "ops", T0.plusSeconds(60));
    d.reopen(id, "agent", "not refunded", T0.plusSeconds(120));
    assertThat(events).hasSize(3);
    ComplaintResolved resolved = (ComplaintResolved) events.get(1);
    ComplaintOpened reopened = (ComplaintOpened) events.get(2);
    assertThat(resolved.at()).isEqualTo(T0.plusSeconds(120));
    assertThat(reopened.at()).isEqualTo(T0.plusSeconds(120).plusMillis(1));
  }

  @Test
  void aRestartedDeskRaisesTheEventsThatFellDueWhileItWasDownExactlyOnce() {
    Instant down = Instant.parse("2025-06-05T12:00:00Z");
    Instant end = Instant.parse("2025-07-31T00:00:00Z");
    List<SlaEvent> single = new ArrayList<>();
    ComplaintDesk one = desk(new InMemoryTicketStore(), e -> { }).slaEvents(single::add).build();
    for (int i = 0; i < 5; i++) {
      one.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + i), T0.plus(Duration.ofHours(i)), "x"), "agent");
    }
    one.advanceTo(end);

    InMemoryTicketStore store = new InMemoryTicketStore();
    List<SlaEvent> seen = new ArrayList<>();
    ComplaintDesk before = desk(store, e -> { }).slaEvents(seen::add).build();
    for (int i = 0; i < 5; i++) {
      before.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + i), T0.plus(Duration.ofHours(i)), "x"), "agent");
    }
    before.advanceTo(down);
    int beforeRestart = seen.size();
    // the process stops; a new desk over the same store carries on where the old one stopped
    ComplaintDesk after = desk(store, e -> { }).slaEvents(seen::add).build();
    assertThat(after.now()).isEqualTo(down);
    assertThat(after.size()).isEqualTo(5);
    after.advanceTo(end);
    assertThat(beforeRestart).isPositive();
    assertThat(seen).isEqualTo(single);
    // a third desk has nothing left to raise for the same period
    ComplaintDesk again = desk(store, e -> { }).build();
    assertThat(again.advanceTo(end)).isEmpty();
    assertThat(again.all()).isEqualTo(one.all());
    assertThat(again.report()).isEqualTo(one.report());
  }

  @Test
  void aStoreThatRefusesASaveLeavesTheTicketAsItWas() {
    InMemoryTicketStore inner = new InMemoryTicketStore();
    boolean[] refuse = {false};
    TicketStore failing = new FailingStore(inner, refuse);
    List<Event> events = new ArrayList<>();
    ComplaintDesk d = desk(failing, events::add).build();
    Complaint c = d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0, "fee"), "agent");
    d.acknowledge(c.id(), "agent", T0);
    Complaint acknowledged = d.get(c.id());
    refuse[0] = true;
    assertThatThrownBy(() -> d.classify(c.id(), "system", T0.plusSeconds(5)))
        .isInstanceOf(TicketStoreException.class)
        .hasMessage("ticket store 'failing' refused the change");
    assertThat(d.get(c.id())).isEqualTo(acknowledged);
    assertThat(inner.find(c.id()).orElseThrow().complaint()).isEqualTo(acknowledged);
    assertThat(events).isEmpty();
    refuse[0] = false;
    Complaint classified = d.classify(c.id(), "system", T0.plusSeconds(5));
    assertThat(classified.classification()).isPresent();
    assertThat(events).hasSize(1);
  }

  @Test
  void anAdvanceTheStoreRefusesFiresNothingAndTheNextAdvanceRaisesTheSameEvents() {
    boolean[] refuse = {false};
    ComplaintDesk d = desk(new FailingStore(new InMemoryTicketStore(), refuse), e -> { }).build();
    String id = d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0, "fee"), "agent").id();
    Instant evening = Instant.parse("2025-06-02T18:00:00Z");
    refuse[0] = true;
    assertThatThrownBy(() -> d.advanceTo(evening)).isInstanceOf(TicketStoreException.class);
    assertThat(d.now()).isEqualTo(T0);
    assertThat(d.get(id).audit()).noneMatch(a -> a.action().equals("sla-warning"));
    refuse[0] = false;
    // the first-response warning at close of business two business days before Wednesday 17:00 BST
    assertThat(d.advanceTo(evening)).extracting(e -> e.ticketId() + " " + e.target() + " " + e.kind() + " " + e.at())
        .containsExactly(id + " FIRST_RESPONSE WARNING 2025-06-02T16:00:00Z");
  }

  @Test
  void anIntakeTheStoreRefusesUsesNoNumberAndLeavesNoAlarm() {
    InMemoryTicketStore inner = new InMemoryTicketStore();
    boolean[] refuse = {true};
    ComplaintDesk d = desk(new FailingStore(inner, refuse), e -> { }).build();
    assertThatThrownBy(() -> d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0, "fee"), "agent"))
        .isInstanceOf(TicketStoreException.class);
    refuse[0] = false;
    // received on Friday 30 May: its first warning fell at close of business that day; the refused
    // one's would have fallen on Monday 2 June 17:00 BST
    Instant friday = Instant.parse("2025-05-30T09:00:00Z");
    assertThat(d.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("b"), friday, "fee"), "agent").id()).isEqualTo("C-1");
    assertThat(d.advanceTo(Instant.parse("2025-06-02T18:00:00Z"))).extracting(SlaEvent::at)
        .containsExactly(Instant.parse("2025-05-30T16:00:00Z"));
    assertThat(d.size()).isEqualTo(1);
    assertThat(inner.find("C-1").orElseThrow().complaint().customer()).contains(CustomerId.of("b"));
  }

  @Test
  void aRebuiltDeskStartsAtTheLaterOfItsStartAndTheStoredDeskTime() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ComplaintDesk first = desk(store, e -> { }).build();
    first.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0.plusSeconds(3600), "fee"), "agent");
    assertThat(desk(store, e -> { }).build().now()).isEqualTo(T0.plusSeconds(3600));
    ComplaintDesk later = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(ENGLAND)
        .ticketStore(store).startAt(T0.plusSeconds(7200)).build();
    assertThat(later.now()).isEqualTo(T0.plusSeconds(7200));
  }

  @Test
  void aWatchingDepartmentIsKeptInTheStore() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    desk(store, e -> { }).build().watch(CustomerId.of("a"), "fraud-team");
    assertThat(desk(store, e -> { }).build().appendix(CustomerId.of("a")).departments()).containsExactly("fraud-team");
  }

  @Test
  void anIntakeOrOperationTooFarAheadOfTheWallClockIsRefusedAndChangesNothing() {
    Clock wall = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
    ComplaintDesk d = desk(new InMemoryTicketStore(), e -> { }).wallClock(wall).futureTolerance(Duration.ofHours(1)).build();
    assertThatThrownBy(() -> d.open(Intake.of(ComplaintChannel.LETTER, CustomerId.of("a"), Instant.parse("2099-06-02T09:00:00Z"), "x"), "agent"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("receivedAt 2099-06-02T09:00:00Z is more than PT1H after the wall clock 2025-06-02T12:00:00Z");
    assertThat(d.size()).isZero();
    assertThat(d.now()).isEqualTo(T0);
    Complaint c = d.open(Intake.of(ComplaintChannel.LETTER, CustomerId.of("a"), Instant.parse("2025-06-02T12:30:00Z"), "x"), "agent");
    assertThatThrownBy(() -> d.acknowledge(c.id(), "agent", Instant.parse("2025-06-02T13:00:01Z")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("at 2025-06-02T13:00:01Z is more than PT1H after the wall clock 2025-06-02T12:00:00Z");
    assertThat(d.get(c.id())).isEqualTo(c);
    assertThat(d.now()).isEqualTo(Instant.parse("2025-06-02T12:30:00Z"));
  }

  @Test
  void aToleranceOutsideZeroToAHundredYearsIsRefusedNamingIt() {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    assertThatThrownBy(() -> desk(new InMemoryTicketStore(), e -> { }).futureTolerance(forever))
        .isInstanceOf(ValidationException.class)
        .hasMessage("future tolerance " + forever + " is longer than 36500 days");
    assertThatThrownBy(() -> desk(new InMemoryTicketStore(), e -> { }).futureTolerance(Duration.ofDays(36_501)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("future tolerance PT876024H is longer than 36500 days");
    assertThatThrownBy(() -> desk(new InMemoryTicketStore(), e -> { }).futureTolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("future tolerance PT-1S is negative");
    Clock wall = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
    ComplaintDesk d = desk(new InMemoryTicketStore(), e -> { }).wallClock(wall).futureTolerance(Duration.ofDays(36_500)).build();
    assertThat(d.open(Intake.of(ComplaintChannel.LETTER, CustomerId.of("a"), Instant.parse("2099-06-02T09:00:00Z"), "x"), "agent")
        .receivedAt()).isEqualTo(Instant.parse("2099-06-02T09:00:00Z"));
  }

  @Test
  void byDefaultAnOperationMayBeDatedFiveMinutesAheadOfTheWallClockAsAnEventMayBeForTheEngine() {
    Clock wall = Clock.fixed(Instant.parse("2025-06-02T12:00:00Z"), ZoneOffset.UTC);
    ComplaintDesk d = desk(new InMemoryTicketStore(), e -> { }).wallClock(wall).build();
    Complaint c = d.open(Intake.of(ComplaintChannel.LETTER, CustomerId.of("a"), Instant.parse("2025-06-02T12:05:00Z"), "x"), "agent");
    assertThatThrownBy(() -> d.acknowledge(c.id(), "agent", Instant.parse("2025-06-02T13:00:00Z")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("at 2025-06-02T13:00:00Z is more than PT5M after the wall clock 2025-06-02T12:00:00Z");
    assertThatThrownBy(() -> d.acknowledge(c.id(), "agent", Instant.parse("2025-06-02T12:05:00.001Z")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("at 2025-06-02T12:05:00.001Z is more than PT5M after the wall clock 2025-06-02T12:00:00Z");
    assertThat(d.get(c.id())).isEqualTo(c);
    assertThat(d.now()).isEqualTo(Instant.parse("2025-06-02T12:05:00Z"));
  }

  @Test
  void anOrderLinkedBeforeTheCallerIsIdentifiedIsCheckedWhenTheyAre() {
    ComplaintDesk d = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("cn-banking-insurance-2020"))
        .calendar(HolidayCalendars.of("CN")).orderBook(CallCentreStoryTest.ORDERS).startAt(T0).build();
    Complaint c = d.open(Intake.call("+86 000", T0, "my subscription failed"), "agent");
    Complaint linked = d.linkOrder(c.id(), CallCentreStoryTest.ORDER.number(), "agent", T0);
    assertThat(linked.flags()).containsExactlyInAnyOrder(ComplaintFlag.UNIDENTIFIED_CUSTOMER, ComplaintFlag.ORDER_UNVERIFIED);
    // the caller turns out to be someone else than the order's customer
    Complaint identified = d.identifyCustomer(c.id(), CustomerId.of("CN-999"), "agent", T0.plusSeconds(60));
    assertThat(identified.order()).isEmpty();
    assertThat(identified.flags()).containsExactly(ComplaintFlag.UNKNOWN_ORDER);
    assertThat(identified.audit().get(identified.audit().size() - 1).reason()).endsWith("belongs to another customer: unlinked");
    // and when it is the order's customer, the order stays, verified
    Complaint other = d.open(Intake.call("+86 000", T0.plusSeconds(120), "again"), "agent");
    d.linkOrder(other.id(), CallCentreStoryTest.ORDER.number(), "agent", T0.plusSeconds(120));
    Complaint verified = d.identifyCustomer(other.id(), CallCentreStoryTest.CHEN, "agent", T0.plusSeconds(180));
    assertThat(verified.order()).contains(CallCentreStoryTest.ORDER);
    assertThat(verified.flags()).isEmpty();
  }

  /** A store that refuses every save while told to. */
  private static final class FailingStore implements TicketStore {
    private final InMemoryTicketStore inner;
    private final boolean[] refuse;

    FailingStore(InMemoryTicketStore inner, boolean[] refuse) {
      this.inner = inner;
      this.refuse = refuse;
    }

    @Override
    public String id() {
      return "failing";
    }

    @Override
    public Optional<StoredTicket> find(String ticketId) {
      return inner.find(ticketId);
    }

    @Override
    public List<StoredTicket> findByCustomer(CustomerId customer) {
      return inner.findByCustomer(customer);
    }

    @Override
    public Optional<ComplaintFile> file(CustomerId customer) {
      return inner.file(customer);
    }

    @Override
    public void forEach(Consumer<StoredTicket> action) {
      inner.forEach(action);
    }

    @Override
    public void forEachOpen(Consumer<StoredTicket> action) {
      inner.forEachOpen(action);
    }

    @Override
    public List<StoredTicket> dueBy(Instant until, int limit) {
      return inner.dueBy(until, limit);
    }

    @Override
    public long lastSequence() {
      return inner.lastSequence();
    }

    @Override
    public Optional<Instant> deskTime() {
      return inner.deskTime();
    }

    @Override
    public void save(TicketChange change) {
      if (refuse[0]) {
        throw new TicketStoreException("ticket store 'failing' refused the change", null);
      }
      inner.save(change);
    }

    @Override
    public List<OutboxEvent> pendingEvents(int limit) {
      return inner.pendingEvents(limit);
    }

    @Override
    public void markDelivered(List<Long> outboxIds) {
      inner.markDelivered(outboxIds);
    }
  }

}
