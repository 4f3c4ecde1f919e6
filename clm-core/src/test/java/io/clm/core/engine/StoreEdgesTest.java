package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.UnknownCustomerException;
import io.clm.api.UnknownCustomers;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import io.clm.tck.MemoryCustomerStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The engine with a customer store at its edges (docs/engine.md, "Customer store"): the due
 * instant it writes, every kind of write that fails (the state stays as it was), and stored
 * contents that cannot be an engine's (refused when the engine is built).
 */
class StoreEdgesTest {
  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  private static String failure(int c) {
    return "the customer store failed to save customer " + customer(c).masked() + ": java.lang.IllegalStateException";
  }

  /** A memory store that fails every write touching one chosen customer, or every write. */
  static final class ChoosyStore extends EngineBehaviourTest.FailingStore {
    volatile CustomerId failFor;
    volatile boolean scanTwice;

    @Override
    public void scan(Consumer<StoredCustomer> action) {
      delegate.scan(action);
      if (scanTwice) {
        delegate.scan(action);
      }
    }

    @Override
    boolean fails(StoreBatch batch) {
      CustomerId chosen = failFor;
      return failing
          || chosen != null
              && (batch.writes().stream().anyMatch(w -> w.record().customer().equals(chosen))
                  || batch.erasures().contains(chosen));
    }
  }

  /** The customers the store lists as due at or before {@code at}. */
  static List<CustomerId> dueBy(CustomerStore store, Instant at) {
    List<CustomerId> due = new ArrayList<>();
    store.scanDue(at.toEpochMilli(), due::add);
    return due;
  }

  /**
   * A registered customer without events has no time, so a deduplication window does not count back
   * from its registration; records of earlier versions gave it the registration's instant as its
   * time, and an engine restarted over them reads it without, as it does a snapshot's.
   */
  @Test
  void aRegisteredCustomerStoredWithItsRegistrationAsItsTimeTakesEventsBeforeIt() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    CoreLifecycleEngine engine =
        (CoreLifecycleEngine) Fixtures.builder().store(store).deduplicationWindow(Duration.ofDays(10)).build();
    engine.register(customer(1), day(100));
    StoredCustomer stored = store.load(customer(1)).orElseThrow();
    CustomerState s = engine.codec.decodeState(customer(1), stored.record().state());
    s.time = day(100).toEpochMilli();
    MemoryCustomerStore earlier = new MemoryCustomerStore();
    earlier.write(new StoreBatch(
        List.of(new StoreBatch.Write(
            new io.clm.api.spi.CustomerRecord(customer(1), stored.record().dueAt(), engine.codec.encodeState(s)),
            List.of(), stored.history())),
        List.of(), List.of(), Optional.empty(), false));

    LifecycleEngine restarted = Fixtures.builder().store(earlier).deduplicationWindow(Duration.ofDays(10)).build();
    assertThat(restarted.ingest(tx("backfill", 1, day(0), "1.00")).duplicate()).isFalse();
    assertThat(restarted.customer(customer(1)).orElseThrow().metrics().firstTransaction())
        .isEqualTo(day(0).toEpochMilli());
  }

  @Test
  void theStoreHoldsEachCustomersNextDueInstant() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    // active: dormant after 30 days without a transaction
    assertThat(dueBy(store, day(30).minusMillis(1))).isEmpty();
    assertThat(dueBy(store, day(30))).containsExactly(customer(1));
    engine.ingest(tx("e2", 1, day(10), "1.00"));
    assertThat(dueBy(store, day(40).minusMillis(1))).isEmpty();
    assertThat(dueBy(store, day(40))).containsExactly(customer(1));
    // a prospect has no rule over time: never due
    engine.register(customer(2), day(0));
    assertThat(dueBy(store, CoreLifecycleEngine.MAX_TIME)).containsExactly(customer(1));
  }

  @Test
  void aStoreFailureInAdvanceToKeepsThatCustomerDueAndMovesTheOthers() {
    ChoosyStore store = new ChoosyStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    engine.ingest(tx("e2", 2, day(0), "1.00"));
    engine.ingest(tx("e3", 3, day(0), "1.00"));
    List<StageChange> heard = new ArrayList<>();
    engine.addListener(heard::add);
    List<StageChange> historyBefore = engine.history(customer(2));
    store.failFor = customer(2);

    assertThatThrownBy(() -> engine.advanceTo(day(30))).isExactlyInstanceOf(CustomerStoreException.class).hasMessage(failure(2));

    assertThat(heard).extracting(StageChange::customer).containsExactly(customer(1), customer(3));
    assertThat(engine.customer(customer(1)).orElseThrow().stage()).isEqualTo("dormant");
    assertThat(engine.customer(customer(2)).orElseThrow().stage()).isEqualTo("active");
    assertThat(engine.history(customer(2))).isEqualTo(historyBefore);
    store.failFor = null;
    assertThat(engine.advanceTo(day(31))).singleElement().satisfies(change -> {
      assertThat(change.customer()).isEqualTo(customer(2));
      assertThat(change.to()).isEqualTo("dormant");
      assertThat(change.at()).isEqualTo(day(31));
    });
  }

  @Test
  void aLaterTransactionPostponesTheDueInstant() {
    LifecycleEngine engine = Fixtures.builder().build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    engine.ingest(tx("e2", 1, day(20), "1.00"));
    assertThat(engine.advanceTo(day(30))).isEmpty();
    assertThat(engine.advanceTo(day(50).minusMillis(1))).isEmpty();
    assertThat(engine.advanceTo(day(50))).extracting(StageChange::at, StageChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(day(50), "dormant"));
  }

  @Test
  void aStoreFailureOnErasureRegistrationOrImportChangesNothing() {
    ChoosyStore store = new ChoosyStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    String before = snapshot(engine);
    LifecycleEngine other = Fixtures.builder().build();
    other.ingest(tx("f1", 5, day(0), "1.00"));
    String imported = snapshot(other);
    store.failing = true;

    assertThatThrownBy(() -> engine.erase(customer(1))).isExactlyInstanceOf(CustomerStoreException.class).hasMessage(failure(1));
    assertThatThrownBy(() -> engine.register(customer(2), day(1))).isExactlyInstanceOf(CustomerStoreException.class)
        .hasMessage(failure(2));
    assertThatThrownBy(() -> engine.importSnapshot(new ByteArrayInputStream(imported.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(CustomerStoreException.class)
        .hasMessage("the customer store failed to import the snapshot: java.lang.IllegalStateException");

    assertThat(snapshot(engine)).isEqualTo(before);
    assertThat(engine.customerCount()).isEqualTo(1);
    assertThat(engine.customer(customer(2))).isEmpty();
    assertThat(engine.stageCounts().get("active")).isEqualTo(1);
    store.failing = false;
    assertThat(engine.register(customer(2), day(1))).isTrue();
    assertThat(engine.erase(customer(1)).stageAtErasure()).isEqualTo("active");
    assertThat(engine.customerCount()).isEqualTo(1);
  }

  @Test
  void storedContentsNoEngineWritesAreRefusedWhenTheEngineIsBuilt() {
    MemoryCustomerStore badStage = new MemoryCustomerStore();
    badStage.write(new StoreBatch(List.of(), List.of(),
        List.of(new Tombstone(Tombstone.Scheme.SALTED, 7, 1, "nowhere")), Optional.empty(), false));
    assertThatThrownBy(() -> Fixtures.builder().store(badStage).build())
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("a tombstone of the store is in stage 'nowhere', not a stage of model 'test-model'");

    MemoryCustomerStore twoSalts = new MemoryCustomerStore();
    twoSalts.write(new StoreBatch(List.of(), List.of(),
        List.of(new Tombstone(Tombstone.Scheme.SALTED, 7, 1, "active"), new Tombstone(Tombstone.Scheme.SALTED, 8, 2, "active")),
        Optional.empty(), false));
    assertThatThrownBy(() -> Fixtures.builder().store(twoSalts).build())
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("a salted tombstone of the store has another salt than the first");

    ChoosyStore twice = new ChoosyStore();
    Fixtures.builder().store(twice).build().ingest(tx("e1", 1, day(0), "1.00"));
    twice.scanTwice = true;
    assertThatThrownBy(() -> Fixtures.builder().store(twice).build())
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("the store lists customer " + customer(1).masked() + " twice");

    MemoryCustomerStore good = new MemoryCustomerStore();
    Fixtures.builder().store(good).build().ingest(tx("e1", 1, day(0), "1.00"));
    StoredCustomer stored = good.load(customer(1)).orElseThrow();
    SeenEvent seen = stored.seen().get(0);
    long year10000 = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli() + 1;
    MemoryCustomerStore lateSeen = new MemoryCustomerStore();
    lateSeen.write(new StoreBatch(
        List.of(new StoreBatch.Write(stored.record(), List.of(new SeenEvent(seen.id(), seen.content(), year10000)), stored.history())),
        List.of(), List.of(), Optional.empty(), false));
    assertThatThrownBy(() -> Fixtures.builder().store(lateSeen).build())
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("customer " + customer(1).masked() + " has a seen event at " + year10000 + ", outside "
            + Instant.parse("0001-01-01T00:00:00Z").toEpochMilli() + ".." + (year10000 - 1));
    // the first and last instants of the range are a seen event's timestamps, the ones beyond are not
    long year1 = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
    for (long at : new long[] {year1 - 1, year1, year10000 - 1}) {
      MemoryCustomerStore edge = new MemoryCustomerStore();
      edge.write(new StoreBatch(
          List.of(new StoreBatch.Write(stored.record(), List.of(new SeenEvent(seen.id(), seen.content(), at)), stored.history())),
          List.of(), List.of(), Optional.empty(), false));
      if (at < year1) {
        assertThatThrownBy(() -> Fixtures.builder().store(edge).build())
            .isInstanceOf(CorruptRecordException.class)
            .hasMessageContaining("has a seen event at " + at + ", outside");
      } else {
        LifecycleEngine restarted = Fixtures.builder().store(edge).build();
        assertThat(restarted.ingest(tx("e1", 1, day(0), "1.00")).duplicate()).as("seen at %d", at).isTrue();
      }
    }

    // a store holding a tombstone and a live record of the same customer
    MemoryCustomerStore erasedAndLive = new MemoryCustomerStore();
    LifecycleEngine erasing = Fixtures.builder().store(erasedAndLive).build();
    erasing.ingest(tx("e1", 1, day(0), "1.00"));
    erasing.erase(customer(1));
    assertThat(erasedAndLive.load(customer(1))).isEmpty();
    erasedAndLive.write(new StoreBatch(List.of(new StoreBatch.Write(stored.record(), stored.seen(), stored.history())),
        List.of(), List.of(), Optional.empty(), false));
    assertThatThrownBy(() -> Fixtures.builder().store(erasedAndLive).build())
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("the store lists erased customer " + customer(1).masked() + " as live");
  }

  @Test
  void anEngineHoldingSomeCustomersInMemoryRefusesAStoreListingAnErasedCustomerAsLive() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine erasing = Fixtures.builder().store(store).build();
    erasing.ingest(tx("e1", 1, day(0), "1.00"));
    erasing.ingest(tx("e2", 2, day(0), "1.00"));
    StoredCustomer stored = store.load(customer(1)).orElseThrow();
    erasing.erase(customer(1));
    store.write(new StoreBatch(List.of(new StoreBatch.Write(stored.record(), stored.seen(), stored.history())),
        List.of(), List.of(), Optional.empty(), false));
    String corrupt = "the store lists erased customer " + customer(1).masked() + " as live";

    // reading the one customer back, for an event, a batch, a query or an erasure
    LifecycleEngine partial = Fixtures.builder().store(store).customersInMemory(1).build();
    assertThatThrownBy(() -> partial.ingest(tx("e3", 1, day(1), "1.00")))
        .isInstanceOf(CorruptRecordException.class).hasMessage(corrupt);
    assertThatThrownBy(() -> partial.ingestAll(List.of(tx("e4", 2, day(1), "1.00"), tx("e3", 1, day(1), "1.00"))))
        .isInstanceOf(CorruptRecordException.class).hasMessage(corrupt);
    assertThatThrownBy(() -> partial.customer(customer(1)))
        .isInstanceOf(CorruptRecordException.class).hasMessage(corrupt);
    // nothing was stored: the other customer of the refused batch is as it was
    assertThat(store.load(customer(2)).orElseThrow().seen()).hasSize(1);
    assertThat(store.load(customer(1)).orElseThrow().seen()).isEqualTo(stored.seen());

    // counting the customers in the store only, and every read of the whole store
    LifecycleEngine counting = Fixtures.builder().store(store).customersInMemory(1).build();
    assertThatThrownBy(counting::stageCounts).isInstanceOf(CorruptRecordException.class).hasMessage(corrupt);
    assertThatThrownBy(counting::customerCount).isInstanceOf(CorruptRecordException.class).hasMessage(corrupt);
    assertThatThrownBy(() -> counting.forEachCustomer(c -> { }))
        .isInstanceOf(CorruptRecordException.class).hasMessage(corrupt);
  }

  @Test
  void saltedTombstonesSharingOneSaltAreCountedInTheirStages() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    store.write(new StoreBatch(List.of(), List.of(),
        List.of(new Tombstone(Tombstone.Scheme.SALTED, 7, 1, "active"), new Tombstone(Tombstone.Scheme.SALTED, 7, 2, "loyal")),
        Optional.empty(), false));
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    assertThat(engine.stageCounts()).containsEntry("active", 1L).containsEntry("loyal", 1L).containsEntry("prospect", 0L);
    assertThat(engine.customerCount()).isZero();
  }

  @Test
  void anErasedCustomerIsNamedAsErasedAlsoWhenUnknownCustomersAreRejected() {
    LifecycleEngine strict = Fixtures.builder().unknownCustomers(UnknownCustomers.REJECT).build();
    strict.register(customer(1), day(0));
    strict.erase(customer(1));
    String erased = "customer " + customer(1).masked() + " was erased";
    assertThatThrownBy(() -> strict.ingest(tx("e1", 1, day(1), "1.00")))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> strict.ingestAll(List.of(tx("e1", 1, day(1), "1.00"))))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> strict.ingestAll(List.of(tx("e2", 2, day(1), "1.00"))))
        .isInstanceOf(UnknownCustomerException.class).hasMessage("customer " + customer(2).masked() + " is unknown");
    assertThat(strict.customerCount()).isZero();
  }
}
