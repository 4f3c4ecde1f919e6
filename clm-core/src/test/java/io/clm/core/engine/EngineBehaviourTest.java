package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Cause;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.StoreFailure;
import io.clm.api.UnknownCustomerException;
import io.clm.api.event.ManualMove;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import io.clm.tck.MemoryCustomerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EngineBehaviourTest {

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  @Test
  void clmFindsTheEngineThroughServiceLoader() {
    LifecycleEngine engine = Clm.builder().model(Fixtures.model()).currency("EUR").build();
    assertThat(engine).isInstanceOf(CoreLifecycleEngine.class);
    assertThat(engine.model().id()).isEqualTo("test-model");
    assertThat(Clm.plugins().list()).isNotNull();
  }

  @Test
  void rulesFireInPriorityOrderAndRepeatFromTheNewStage() {
    CoreLifecycleEngine engine = Fixtures.engine();
    assertThat(engine.ingest(tx("e1", 1, day(0), "10.00")).changes())
        .extracting(StageChange::from, StageChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("prospect", "active"));
    engine.ingest(tx("e2", 1, day(1), "10.00"));
    List<StageChange> third = engine.ingest(tx("e3", 1, day(2), "10.00")).changes();
    assertThat(third).hasSize(1);
    StageChange c = third.get(0);
    assertThat(c.to()).isEqualTo("loyal");
    assertThat(c.at()).isEqualTo(day(2));
    assertThat(c.cause()).isEqualTo(new Cause.Rule("repeat-business"));
    assertThat(c.evidence()).isEqualTo(Map.of("TRANSACTION_COUNT", 3.0));
    Customer customer = engine.customer(customer(1)).orElseThrow();
    assertThat(customer.stage()).isEqualTo("loyal");
    assertThat(customer.completedStageMillis())
        .isEqualTo(Map.of("prospect", 0L, "active", Duration.ofDays(2).toMillis()));
    assertThat(customer.timeInStage("loyal", day(5))).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void advanceToTouchesOnlyDueCustomers() {
    CoreLifecycleEngine engine = Fixtures.engine();
    for (int i = 0; i < 100; i++) {
      engine.ingest(tx("e" + i, i, i < 3 ? day(0) : day(20), "10.00"));
    }
    for (int i = 100; i < 150; i++) {
      engine.ingest(io.clm.api.event.Interaction.of("i" + i, customer(i), day(0), io.clm.api.event.InteractionKind.VISIT, io.clm.api.event.Channel.BRANCH));
    }
    List<StageChange> changes = engine.advanceTo(day(30));
    assertThat(engine.timeEvaluations.sum()).isEqualTo(3);
    assertThat(changes).extracting(StageChange::customer).containsExactly(customer(0), customer(1), customer(2));
    assertThat(changes).allSatisfy(c -> {
      assertThat(c.to()).isEqualTo("dormant");
      assertThat(c.at()).isEqualTo(day(30));
      assertThat(c.cause()).isEqualTo(new Cause.Rule("active-idle"));
    });
    assertThat(engine.advanceTo(day(29))).isEmpty();
    assertThat(engine.advanceTo(day(49))).isEmpty();
    assertThat(engine.timeEvaluations.sum()).isEqualTo(3);
    assertThat(engine.advanceTo(day(50))).hasSize(97);
    assertThat(engine.timeEvaluations.sum()).isEqualTo(100);
    assertThat(engine.stageCounts())
        .containsExactly(
            Map.entry("prospect", 50L), Map.entry("active", 0L), Map.entry("loyal", 0L),
            Map.entry("dormant", 100L), Map.entry("closed", 0L));
  }

  @Test
  void leavingATerminalStageStartsANewCycle() {
    CoreLifecycleEngine engine = Fixtures.engine();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    engine.ingest(new RelationshipClosed("e2", customer(1), day(1), true));
    assertThat(engine.customer(customer(1)).orElseThrow().stage()).isEqualTo("closed");
    engine.ingest(tx("e3", 1, day(10), "10.00"));
    Customer back = engine.customer(customer(1)).orElseThrow();
    assertThat(back.stage()).isEqualTo("active");
    assertThat(back.cycle()).isEqualTo(1);
  }

  @Test
  void manualMovesAreRecordedWithActorAndReason() {
    CoreLifecycleEngine engine = Fixtures.engine();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    List<StageChange> changes =
        engine.ingest(new ManualMove("m1", customer(1), day(1), "prospect", "rm-7", "opened by mistake")).changes();
    assertThat(changes.get(0).cause()).isEqualTo(new Cause.Manual("rm-7", "opened by mistake"));
    assertThat(changes.get(0).evidence()).isEmpty();
    assertThat(changes.get(0).from()).isEqualTo("active");
    // the first-purchase rule holds again at once: rules run after every event
    assertThat(changes).extracting(StageChange::to).containsExactly("prospect", "active");
  }

  @Test
  void listenersRunInOrderAndAFailingOneIsIgnored() throws Exception {
    CoreLifecycleEngine engine = Fixtures.engine();
    List<String> calls = new ArrayList<>();
    AutoCloseable first = engine.addListener(c -> calls.add("first " + c.to()));
    engine.addListener(c -> {
      throw new IllegalStateException("boom");
    });
    engine.addListener(c -> calls.add("third " + c.to()));
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    assertThat(calls).containsExactly("first active", "third active");
    first.close();
    engine.ingest(new RelationshipClosed("e2", customer(1), day(1), true));
    assertThat(calls).containsExactly("first active", "third active", "third closed");
  }

  @Test
  void aListenerThrowingACheckedExceptionOrAnErrorIsIgnoredAndTheLaterOnesAreTold() {
    CoreLifecycleEngine engine = Fixtures.engine();
    List<String> calls = new ArrayList<>();
    engine.addListener(c -> {
      throw EngineBehaviourTest.<RuntimeException>sneaky(new java.io.IOException("checked"));
    });
    engine.addListener(c -> {
      throw new AssertionError("error");
    });
    engine.addListener(c -> calls.add(c.to()));
    assertThat(engine.ingest(tx("e1", 1, day(0), "10.00")).changes()).hasSize(1);
    assertThat(engine.ingestAll(List.of(tx("e2", 2, day(0), "10.00"))).changes()).hasSize(1);
    assertThat(engine.ingest(tx("e3", 1, day(1), "10.00")).changes()).isEmpty();
    assertThat(engine.advanceTo(day(60))).hasSize(2);
    assertThat(calls).containsExactly("active", "active", "dormant", "dormant");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void eraseRemovesPersonalDataAndKeepsAggregates() {
    CoreLifecycleEngine engine = Fixtures.engine();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    engine.ingest(tx("e2", 2, day(0), "10.00"));
    Erasure erasure = engine.erase(customer(1));
    assertThat(erasure).isEqualTo(new Erasure(Fixtures.MASK.mask(customer(1)), Fixtures.NOW, 1, "active"));
    assertThat(engine.customer(customer(1))).isEmpty();
    assertThat(engine.history(customer(1))).isEmpty();
    assertThat(engine.customerCount()).isEqualTo(1);
    assertThat(engine.stageCounts().get("active")).isEqualTo(2);
    assertThat(snapshot(engine)).doesNotContain("cust-1").contains("cust-2");
    String erased = "customer " + customer(1).masked() + " was erased";
    assertThatThrownBy(() -> engine.ingest(tx("e3", 1, day(1), "1.00")))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> engine.ingestAll(List.of(tx("e3", 1, day(1), "1.00"))))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> engine.erase(customer(1)))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> engine.register(customer(1), day(1)))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> engine.erase(customer(3)))
        .isInstanceOf(UnknownCustomerException.class)
        .hasMessage("customer " + customer(3).masked() + " is unknown");
  }

  @Test
  void toStringShowsNoCustomerData() {
    CoreLifecycleEngine engine = Fixtures.engine();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    assertThat(engine.toString()).doesNotContain("cust-1");
    assertThat(engine.customers.get(customer(1)).toString()).isEqualTo("CustomerState[" + customer(1).masked() + "]");
  }

  /** The test kit's store, failing on demand. */
  static class FailingStore implements CustomerStore {
    final MemoryCustomerStore delegate = new MemoryCustomerStore();
    volatile boolean failing;

    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      return delegate.load(customer);
    }

    @Override
    public void scan(java.util.function.Consumer<StoredCustomer> action) {
      delegate.scan(action);
    }

    @Override
    public void scanDue(long epochMillis, java.util.function.Consumer<CustomerId> action) {
      delegate.scanDue(epochMillis, action);
    }

    @Override
    public List<Tombstone> tombstones() {
      return delegate.tombstones();
    }

    @Override
    public Optional<String> position() {
      return delegate.position();
    }

    /** Whether to fail writing {@code batch}. */
    boolean fails(StoreBatch batch) {
      return failing;
    }

    @Override
    public void write(StoreBatch batch) {
      if (fails(batch)) {
        throw new IllegalStateException("disk full");
      }
      delegate.write(batch);
    }
  }

  @Test
  void theStoreIsWrittenThroughAndReadThrough() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    engine.ingest(tx("e2", 1, day(1), "10.00"));
    assertThat(store.batches()).isEqualTo(2);
    StoredCustomer stored = store.load(customer(1)).orElseThrow();
    assertThat(stored.seen()).hasSize(2);
    assertThat(stored.history()).hasSize(engine.history(customer(1)).size()).isNotEmpty();

    LifecycleEngine restarted = Fixtures.builder().store(store).build();
    assertThat(restarted.ingest(tx("e2", 1, day(1), "10.00")).duplicate()).isTrue();
    assertThat(restarted.customer(customer(1))).isEqualTo(engine.customer(customer(1)));
    assertThat(restarted.history(customer(1))).isEqualTo(engine.history(customer(1)));
    assertThat(restarted.ingest(tx("e3", 1, day(2), "10.00")).changes())
        .extracting(StageChange::to).containsExactly("loyal");

    restarted.erase(customer(1));
    assertThat(store.load(customer(1))).isEmpty();
    assertThat(store.tombstones()).extracting(Tombstone::stage).containsExactly("loyal");
  }

  @Test
  void aFailingStoreLeavesTheStateAsItWas() {
    FailingStore store = new FailingStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    String before = snapshot(engine);
    store.failing = true;
    String message = "the customer store failed to save customer " + customer(1).masked() + ": java.lang.IllegalStateException";
    assertThatThrownBy(() -> engine.ingest(tx("e2", 1, day(1), "10.00")))
        .isExactlyInstanceOf(CustomerStoreException.class).hasMessage(message)
        .satisfies(e -> assertThat(((CustomerStoreException) e).kind()).isEqualTo(StoreFailure.FAILED));
    assertThatThrownBy(() -> engine.ingestAll(List.of(tx("e2", 1, day(1), "10.00"))))
        .isExactlyInstanceOf(CustomerStoreException.class).hasMessage(message);
    assertThatThrownBy(() -> engine.ingest(tx("e9", 9, day(1), "10.00")))
        .isExactlyInstanceOf(CustomerStoreException.class)
        .hasMessage("the customer store failed to save customer " + customer(9).masked() + ": java.lang.IllegalStateException");
    assertThat(snapshot(engine)).isEqualTo(before);
    store.failing = false;
    assertThat(engine.ingest(tx("e2", 1, day(1), "10.00")).duplicate()).isFalse();
  }
  @Test
  void aStoresOwnFailureReachesTheCallerAsItIsWithItsKind() {
    CustomerStoreException conflict = new CustomerStoreException("lost to another writer", StoreFailure.CONFLICT, null);
    FailingStore store = new FailingStore() {
      @Override
      public void write(StoreBatch batch) {
        if (failing) {
          throw conflict;
        }
        super.write(batch);
      }
    };
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    String before = snapshot(engine);
    store.failing = true;
    assertThatThrownBy(() -> engine.ingest(tx("e2", 1, day(1), "10.00"))).isSameAs(conflict);
    assertThat(snapshot(engine)).isEqualTo(before);
  }


  @Test
  void snapshotsKeepSeenTimestampsWithADeduplicationWindow() {
    LifecycleEngine a = Fixtures.builder().deduplicationWindow(Duration.ofDays(10)).build();
    for (int i = 0; i < 40; i++) {
      a.ingest(tx("w" + i, i % 3, day(i), "1.00"));
    }
    String exported = snapshot(a);
    assertThat(exported).contains("\"at\" : " + day(39).toEpochMilli());
    LifecycleEngine b = Fixtures.builder().deduplicationWindow(Duration.ofDays(10)).build();
    b.importSnapshot(new java.io.ByteArrayInputStream(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(snapshot(b)).isEqualTo(exported);
    assertThat(b.ingest(tx("w39", 0, day(39), "1.00")).duplicate()).isTrue();
    assertThatThrownBy(() -> b.ingest(tx("old", 0, day(20), "1.00")))
        .isInstanceOf(io.clm.api.InvalidEventException.class);
  }

  @Test
  void fingerprintsAreFnv1a64OfTheUtf8Bytes() {
    // published FNV-1a 64 test vectors
    assertThat(Fingerprints.of("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(Fingerprints.of("foobar")).isEqualTo(0x85944171f73967e8L);
    for (String s : List.of("é", "交易-1", "\uD83D\uDE00x", "\uD800bad", "plain-id-123")) {
      long h = Fingerprints.OFFSET;
      for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * Fingerprints.PRIME;
      }
      assertThat(Fingerprints.of(s)).as(s).isEqualTo(h);
    }
  }
}
