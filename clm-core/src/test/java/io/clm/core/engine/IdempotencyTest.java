package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.events;
import static io.clm.core.engine.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.ConflictingEventException;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Transaction;
import io.clm.tck.MemoryCustomerStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

  /** The same event one hour later: same id, other content. */
  static Event later(Event e) {
    Instant at = e.at().plus(Duration.ofHours(1));
    return switch (e.type()) {
      case TRANSACTION -> {
        Transaction t = (Transaction) e;
        yield new Transaction(t.id(), t.customer(), at, t.direction(), t.amount(), t.product(), t.channel());
      }
      case INTERACTION -> {
        Interaction i = (Interaction) e;
        yield new Interaction(i.id(), i.customer(), at, i.kind(), i.channel(), i.satisfaction());
      }
      case PRODUCT_OPENED -> new ProductOpened(e.id(), e.customer(), at, ((ProductOpened) e).product());
      case PRODUCT_CLOSED -> new ProductClosed(e.id(), e.customer(), at, ((ProductClosed) e).product());
      case COMPLAINT_OPENED -> {
        ComplaintOpened c = (ComplaintOpened) e;
        yield new ComplaintOpened(c.id(), c.customer(), at, c.complaintId(), c.severity());
      }
      case COMPLAINT_RESOLVED -> {
        ComplaintResolved c = (ComplaintResolved) e;
        yield new ComplaintResolved(c.id(), c.customer(), at, c.complaintId(), c.accepted());
      }
      case RELATIONSHIP_CLOSED ->
          new RelationshipClosed(e.id(), e.customer(), at, ((RelationshipClosed) e).debtsSettled());
      case MANUAL_MOVE -> {
        ManualMove m = (ManualMove) e;
        yield new ManualMove(m.id(), m.customer(), at, m.toStage(), m.actor(), m.reason());
      }
      case ATTRIBUTE_UPDATE -> {
        AttributeUpdate a = (AttributeUpdate) e;
        yield new AttributeUpdate(a.id(), a.customer(), at, a.attribute(), a.value());
      }
      case CONSENT_CHANGE -> {
        ConsentChange c = (ConsentChange) e;
        yield new ConsentChange(c.id(), c.customer(), at, c.purpose(), c.granted());
      }
    };
  }

  private static String conflict(Event e) {
    return "event '" + e.id() + "' was applied to customer " + e.customer().masked() + " before with other content";
  }

  @Test
  void aReplayIsADuplicateAndTheSameIdWithOtherContentIsAConflict() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 120))
        .check(
            (seed, n) -> {
              LifecycleEngine engine = Fixtures.engine();
              List<Event> log = events(seed, n, 3);
              log.forEach(engine::ingest);
              String before = snapshot(engine);
              Random r = new Random(seed);
              Event replayed = log.get(r.nextInt(log.size()));
              if (!engine.ingest(replayed).duplicate()) {
                return false;
              }
              Event changed = later(replayed);
              try {
                engine.ingest(changed);
                return false;
              } catch (ConflictingEventException e) {
                if (!e.getMessage().equals(conflict(changed))) {
                  return false;
                }
              }
              try {
                engine.ingestAll(List.of(log.get(r.nextInt(log.size())), changed));
                return false;
              } catch (ConflictingEventException e) {
                if (!e.getMessage().equals(conflict(changed))) {
                  return false;
                }
              }
              return snapshot(engine).equals(before);
            });
  }

  @Test
  void aConflictInsideOneBatchStoresNothing() {
    LifecycleEngine engine = Fixtures.engine();
    Transaction first = Fixtures.tx("t1", 1, Fixtures.START, "10.00");
    Transaction other = Fixtures.tx("t1", 1, Fixtures.START, "10.01");
    assertThatThrownBy(() -> engine.ingestAll(List.of(first, other)))
        .isExactlyInstanceOf(ConflictingEventException.class)
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event 't1' was applied to customer " + customer(1).masked() + " before with other content");
    assertThat(engine.customerCount()).isZero();
    assertThat(engine.ingestAll(List.of(first, first)).duplicates()).isEqualTo(1);
  }

  @Test
  void theSameIdForAnotherCustomerIsAnotherEvent() {
    LifecycleEngine engine = Fixtures.engine();
    assertThat(engine.ingest(Fixtures.tx("t1", 1, Fixtures.START, "10.00")).duplicate()).isFalse();
    assertThat(engine.ingest(Fixtures.tx("t1", 2, Fixtures.START, "10.00")).duplicate()).isFalse();
    assertThat(engine.customerCount()).isEqualTo(2);
  }

  @Test
  void amountsCountByValueAndAttributeValuesByNumber() {
    LifecycleEngine engine = Fixtures.engine();
    engine.ingest(new AttributeUpdate("a1", customer(1), Fixtures.START, io.clm.api.event.Attribute.CREDIT_SCORE, new BigDecimal("700")));
    assertThat(
            engine.ingest(
                    new AttributeUpdate("a1", customer(1), Fixtures.START, io.clm.api.event.Attribute.CREDIT_SCORE, new BigDecimal("700.00")))
                .duplicate())
        .isTrue();
  }

  @Test
  void conflictsAreRecognisedAfterARestartFromAStore() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    Transaction first = Fixtures.tx("t1", 1, Fixtures.START, "10.00");
    engine.ingest(first);
    LifecycleEngine restarted = Fixtures.builder().store(store).build();
    assertThat(restarted.ingest(first).duplicate()).isTrue();
    Transaction other = Fixtures.tx("t1", 1, Fixtures.START, "99.00");
    assertThatThrownBy(() -> restarted.ingest(other))
        .isExactlyInstanceOf(ConflictingEventException.class)
        .hasMessage(conflict(other));
  }

  @Test
  void aSnapshotOfAnEarlierVersionWithFnvContentFingerprintsStillTellsReplaysFromConflicts() {
    LifecycleEngine writer = Fixtures.engine();
    Transaction first = Fixtures.tx("t1", 1, Fixtures.START, "10.00");
    writer.ingest(first);
    String current = "\"content\" : " + Fingerprints.content(first) + ",";
    String snapshot = snapshot(writer);
    assertThat(snapshot).contains(current);
    // the content fingerprint earlier versions wrote, from the documented encoding
    long earlier =
        FingerprintsTest.fnv(
            List.of("TRANSACTION", customer(1).value(), first.at().getEpochSecond(), (long) first.at().getNano(),
                "DEBIT", "EUR", 1000L, "CURRENT_ACCOUNT", "BRANCH"));
    LifecycleEngine engine = Fixtures.engine();
    engine.importSnapshot(
        new java.io.ByteArrayInputStream(
            snapshot.replace(current, "\"content\" : " + earlier + ",").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    String imported = snapshot(engine);
    assertThat(imported).contains("\"content\" : " + earlier + ",");
    assertThat(engine.ingest(first).duplicate()).isTrue();
    Transaction other = Fixtures.tx("t1", 1, Fixtures.START, "99.00");
    assertThatThrownBy(() -> engine.ingest(other))
        .isExactlyInstanceOf(ConflictingEventException.class)
        .hasMessage(conflict(other));
    assertThat(snapshot(engine)).isEqualTo(imported);
  }

  private static long debits(LifecycleEngine engine, int c) {
    return engine.customer(customer(c)).orElseThrow().metrics()
        .transactionCount(io.clm.api.event.ProductType.CURRENT_ACCOUNT, io.clm.api.event.Direction.DEBIT);
  }

  private static Instant days(double d) {
    return Fixtures.START.plus(Duration.ofMinutes((long) (d * 24 * 60)));
  }

  @Test
  void aRegistrationIsNoEventSoTheWindowCountsBackFromTheLatestEventAndEarlierEventsCanBeBackfilled() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).deduplicationWindow(Duration.ofDays(1)).build();
    assertThat(engine.register(customer(1), days(10))).isTrue();
    assertThat(engine.ingest(Fixtures.tx("t1", 1, days(0), "1.00")).duplicate()).isFalse();
    assertThat(engine.ingest(Fixtures.tx("t2", 1, days(0.5), "1.00")).duplicate()).isFalse();
    assertThat(debits(engine, 1)).isEqualTo(2);
    assertThat(engine.ingest(Fixtures.tx("t1", 1, days(0), "1.00")).duplicate()).isTrue();
    assertThatThrownBy(() -> engine.ingest(Fixtures.tx("old", 1, days(-0.6), "1.00")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("older than the deduplication window PT24H before the latest event");
    // the same after a restart from the store, registered but without events
    engine.register(customer(2), days(10));
    LifecycleEngine restarted = Fixtures.builder().store(store).deduplicationWindow(Duration.ofDays(1)).build();
    assertThat(restarted.ingest(Fixtures.tx("t3", 2, days(0), "1.00")).duplicate()).isFalse();
    assertThat(restarted.ingest(Fixtures.tx("t4", 2, days(0.5), "1.00")).duplicate()).isFalse();
    assertThat(debits(restarted, 2)).isEqualTo(2);
  }

  @Test
  void aRecordOfAnEarlierVersionGivingARegisteredCustomerTheRegistrationAsItsTimeStillTakesBackfills() {
    LifecycleEngine writer = Fixtures.engine();
    writer.register(customer(1), days(10));
    String none = "\"time\" : " + Long.MIN_VALUE + ",";
    String snapshot = snapshot(writer);
    assertThat(snapshot).contains(none);
    String earlier = snapshot.replace(none, "\"time\" : " + days(10).toEpochMilli() + ",");
    LifecycleEngine engine = Fixtures.builder().deduplicationWindow(Duration.ofDays(1)).build();
    engine.importSnapshot(new java.io.ByteArrayInputStream(earlier.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(snapshot(engine)).isEqualTo(snapshot);
    engine.ingest(Fixtures.tx("t1", 1, days(0), "1.00"));
    engine.ingest(Fixtures.tx("t2", 1, days(0.5), "1.00"));
    assertThat(debits(engine, 1)).isEqualTo(2);
  }

  /** Transactions {@code from} to {@code to} of customer 1, one minute apart. */
  private static List<Transaction> minutes(int from, int to) {
    List<Transaction> out = new java.util.ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(Fixtures.tx("t" + i, 1, Fixtures.START.plus(Duration.ofMinutes(i)), "1.00"));
    }
    return out;
  }

  @Test
  void seenEventsOfAnEngineWithoutAWindowStayRememberedInAnEngineWithOne() {
    LifecycleEngine a = Fixtures.engine();
    minutes(1, 3).forEach(a::ingest);
    String exported = snapshot(a);
    assertThat(exported).contains("\"at\" : 0");
    LifecycleEngine b = Fixtures.builder().deduplicationWindow(Duration.ofDays(7)).build();
    b.importSnapshot(new java.io.ByteArrayInputStream(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(snapshot(b)).doesNotContain("\"at\" : 0")
        .contains("\"at\" : " + Fixtures.START.plus(Duration.ofMinutes(3)).toEpochMilli());
    minutes(4, 5).forEach(b::ingest);
    for (Transaction t : minutes(1, 5)) {
      assertThat(b.ingest(t).duplicate()).as(t.id()).isTrue();
    }
    assertThat(debits(b, 1)).isEqualTo(5);
  }

  @Test
  void seenEventsStoredWithoutAWindowStayRememberedAfterARestartWithOne() {
    LifecycleEngine source = Fixtures.engine();
    minutes(1, 3).forEach(source::ingest);
    MemoryCustomerStore store = new MemoryCustomerStore();
    // an import writes the seen events as the snapshot has them: without timestamps
    Fixtures.builder().store(store).build()
        .importSnapshot(new java.io.ByteArrayInputStream(snapshot(source).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    LifecycleEngine b = Fixtures.builder().store(store).deduplicationWindow(Duration.ofDays(7)).build();
    minutes(4, 5).forEach(b::ingest);
    for (Transaction t : minutes(1, 5)) {
      assertThat(b.ingest(t).duplicate()).as(t.id()).isTrue();
    }
    assertThat(debits(b, 1)).isEqualTo(5);
  }
}
