package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.Condition;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.StageChange;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.StoredCustomer;
import io.clm.tck.MemoryCustomerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An engine that keeps only some customers in memory ({@code customersInMemory}): memory stays
 * within the bound, a restart reads no customer into memory, counts stay exact, {@code advanceTo}
 * reads back only the due customers, and a store that fails leaves memory and store as they were.
 * Equivalence with an engine that keeps every customer is {@link RestartEquivalenceTest}'s.
 */
class CustomersInMemoryTest {
  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  /** Customers held in memory, over every stripe. */
  private static int held(LifecycleEngine engine) {
    Stripes stripes = ((CoreLifecycleEngine) engine).customers;
    int n = 0;
    for (int i = 0; i < Stripes.COUNT; i++) {
      n += stripes.get(i).customers.size();
    }
    return n;
  }

  /** A memory store that counts its loads and can fail them. */
  static final class CountingStore extends EngineBehaviourTest.FailingStore {
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger scans = new AtomicInteger();
    volatile boolean failLoads;

    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      loads.incrementAndGet();
      if (failLoads) {
        throw new IllegalStateException("connection refused");
      }
      return super.load(customer);
    }

    @Override
    public void scan(Consumer<StoredCustomer> action) {
      scans.incrementAndGet();
      super.scan(action);
    }
  }

  /**
   * Queries and erasure read a customer back from the store and leave memory at the bound: with a
   * bound of 0, every query reads the customer again and nothing stays held.
   */
  @Test
  void queriesAndErasureLeaveMemoryAtTheBound() {
    CountingStore store = new CountingStore();
    LifecycleEngine engine = Fixtures.builder().store(store).customersInMemory(0).build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    engine.ingest(tx("e2", 2, day(0), "1.00"));
    assertThat(held(engine)).isZero();
    int loads = store.loads.get();
    for (int i = 1; i <= 2; i++) {
      assertThat(engine.customer(customer(1))).isPresent();
      assertThat(held(engine)).as("after customer").isZero();
      assertThat(engine.history(customer(1))).isNotEmpty();
      assertThat(held(engine)).as("after history").isZero();
      assertThat(store.loads).hasValue(loads + 2 * i);
    }
    engine.erase(customer(2));
    assertThat(held(engine)).as("after erase").isZero();
    assertThat(engine.register(customer(3), day(0))).isTrue();
    assertThat(held(engine)).as("after register").isZero();
    assertThat(engine.customerCount()).isEqualTo(2);
    // an erasure the store refuses leaves the customer stored and memory at the bound
    store.failing = true;
    assertThatThrownBy(() -> engine.erase(customer(1))).isInstanceOf(CustomerStoreException.class);
    assertThat(held(engine)).as("after a failed erase").isZero();
    store.failing = false;
    assertThat(engine.customer(customer(1))).isPresent();
    assertThat(engine.customerCount()).isEqualTo(2);
  }

  @Test
  void theBuilderRefusesANegativeBoundAndABoundWithoutAStore() {
    assertThatThrownBy(() -> Clm.builder().customersInMemory(-1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customersInMemory -1 is negative");
    assertThatThrownBy(() -> Fixtures.builder().customersInMemory(10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("customersInMemory 10 needs a store to keep the other customers in");
    assertThatThrownBy(() -> Fixtures.builder().customersInMemory(1).customersInMemory(2))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void memoryHoldsAtMostTheBoundWhileCountsCoverEveryCustomer() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).customersInMemory(128).build();
    for (int i = 0; i < 1_000; i++) {
      engine.ingest(tx("t" + i, i, day(i % 20), "5.00"));
      // two customers per stripe at most, whatever hashes where
      assertThat(held(engine)).isLessThanOrEqualTo(128);
    }
    engine.ingestAll(List.of(tx("b1", 1, day(21), "1.00"), tx("b2", 2, day(21), "1.00")));
    assertThat(held(engine)).isLessThanOrEqualTo(128);
    assertThat(engine.customerCount()).isEqualTo(1_000);
    assertThat(engine.stageCounts().get("active")).isEqualTo(1_000);
    assertThat(store.size()).isEqualTo(1_000);
    assertThat(engine.history(customer(999))).extracting(StageChange::to).containsExactly("active");
    assertThat(held(engine)).isLessThanOrEqualTo(128);
  }

  @Test
  void aRestartReadsNoCustomerIntoMemoryAndAdvanceToReadsBackOnlyTheDue() {
    CountingStore store = new CountingStore();
    LifecycleEngine writer = Fixtures.builder().store(store).build();
    for (int i = 0; i < 200; i++) {
      writer.ingest(tx("t" + i, i, day(i), "5.00"));
    }
    store.scans.set(0);
    CoreLifecycleEngine restarted =
        (CoreLifecycleEngine) Fixtures.builder().store(store).customersInMemory(0).build();
    assertThat(held(restarted)).isZero();
    assertThat(store.loads).hasValue(0);
    // the build reads nothing; the first count scans the records once
    assertThat(store.scans).hasValue(0);
    assertThat(restarted.customerCount()).isEqualTo(200);
    assertThat(restarted.stageCounts()).containsEntry("active", 200L).containsEntry("dormant", 0L);

    // customer i is dormant 30 days after its transaction on day i: by day 39, customers 0 to 9
    List<StageChange> moved = restarted.advanceTo(day(39));
    assertThat(moved).extracting(StageChange::customer).containsExactlyElementsOf(ids(0, 10));
    assertThat(moved).extracting(StageChange::to).containsOnly("dormant");
    assertThat(store.loads).hasValue(10);
    assertThat(restarted.timeEvaluations.sum()).isEqualTo(10);
    assertThat(held(restarted)).isZero();
    assertThat(restarted.stageCounts()).containsEntry("active", 190L).containsEntry("dormant", 10L);
    assertThat(store.scans).hasValue(1);
  }

  private static List<CustomerId> ids(int from, int to) {
    List<CustomerId> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add(customer(i));
    }
    return ids;
  }

  @Test
  void anExceptionOfTheCallersActionInForEachCustomerReachesItAsItIs() {
    // the engine reads its customers from the store here, but the failure is the action's, not the store's
    IllegalStateException stop = new IllegalStateException("enough");
    for (int inMemory : new int[] {0, 10}) {
      LifecycleEngine engine = Fixtures.builder().store(new MemoryCustomerStore()).customersInMemory(inMemory).build();
      engine.ingest(tx("e1", 1, day(0), "1.00"));
      engine.ingest(tx("e2", 2, day(0), "1.00"));
      AtomicInteger visited = new AtomicInteger();
      assertThatThrownBy(() -> engine.forEachCustomer(c -> {
            visited.incrementAndGet();
            throw stop;
          }))
          .as("with %s customers in memory", inMemory)
          .isSameAs(stop);
      assertThat(visited).as("with %s customers in memory", inMemory).hasValue(1);
    }
  }

  @Test
  void aStoreThatCannotLoadFailsTheEventAndChangesNothing() {
    CountingStore store = new CountingStore();
    LifecycleEngine engine = Fixtures.builder().store(store).customersInMemory(0).build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    Map<String, Long> counts = engine.stageCounts();
    store.failLoads = true;

    assertThatThrownBy(() -> engine.ingest(tx("e2", 1, day(1), "1.00")))
        .isExactlyInstanceOf(CustomerStoreException.class)
        .hasMessage("the customer store failed to load customer " + customer(1).masked()
            + ": java.lang.IllegalStateException");
    assertThatThrownBy(() -> engine.advanceTo(day(40))).isExactlyInstanceOf(CustomerStoreException.class);

    store.failLoads = false;
    assertThat(engine.stageCounts()).isEqualTo(counts);
    assertThat(engine.history(customer(1))).extracting(StageChange::to).containsExactly("active");
    assertThat(engine.customer(customer(1)).orElseThrow().metrics().transactionCount(
        io.clm.api.event.Direction.DEBIT)).isEqualTo(1);
    // the customer the failed advanceTo could not read is still due, and moves now
    assertThat(engine.advanceTo(day(40))).extracting(StageChange::customer).containsExactly(customer(1));
  }

  /**
   * A rule whose time condition turns false instead of firing: "busy" while a transaction is under
   * 10 days old and there are five of them. With one transaction the customer is due at day 10 (the
   * condition changes); evaluated at day 20, it does not move and is never due again.
   */
  @Test
  void aCustomerEvaluatedWithoutAMoveIsNoLongerListedDue() {
    LifecycleModel model = LifecycleModel.builder("due-test")
        .stage("quiet", StageFamily.GROWTH)
        .stage("busy", StageFamily.MATURITY)
        .initial("quiet")
        .rule("burst").from("quiet").to("busy").priority(1)
        .when(Condition.all(Metric.DAYS_SINCE_LAST_TRANSACTION.below(10), Metric.TRANSACTION_COUNT.atLeast(5)))
        .build();
    CountingStore store = new CountingStore();
    LifecycleEngine engine = Clm.builder().model(model).currency("EUR").clock(Fixtures.CLOCK)
        .store(store).customersInMemory(0).build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    assertThat(StoreEdgesTest.dueBy(store, day(10))).containsExactly(customer(1));

    assertThat(engine.advanceTo(day(20))).isEmpty();
    assertThat(StoreEdgesTest.dueBy(store, CoreLifecycleEngine.MAX_TIME)).isEmpty();
    int loads = store.loads.get();
    assertThat(engine.advanceTo(day(400))).isEmpty();
    assertThat(store.loads).hasValue(loads);
    assertThat(engine.customer(customer(1)).orElseThrow().stage()).isEqualTo("quiet");
  }

  @Test
  void aFailedWriteInAdvanceToKeepsEveryCustomerOfThatWriteDue() {
    int[] pair = sameStripe();
    StoreEdgesTest.ChoosyStore store = new StoreEdgesTest.ChoosyStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", pair[0], day(0), "1.00"));
    engine.ingest(tx("e2", pair[1], day(0), "1.00"));
    store.failFor = customer(pair[1]);

    assertThatThrownBy(() -> engine.advanceTo(day(30))).isExactlyInstanceOf(CustomerStoreException.class);
    // one write per stripe: the customer sharing the failed customer's stripe stays as well
    assertThat(engine.customer(customer(pair[0])).orElseThrow().stage()).isEqualTo("active");
    assertThat(engine.customer(customer(pair[1])).orElseThrow().stage()).isEqualTo("active");
    assertThat(engine.history(customer(pair[0]))).hasSize(1);

    store.failFor = null;
    assertThat(engine.advanceTo(day(31))).extracting(StageChange::customer)
        .containsExactlyInAnyOrder(customer(pair[0]), customer(pair[1]));
  }

  /** Two customer numbers whose ids fall in one lock stripe. */
  private static int[] sameStripe() {
    int[] first = new int[Stripes.COUNT];
    for (int i = 1; ; i++) {
      int stripe = Stripes.index(customer(i));
      if (first[stripe] != 0) {
        return new int[] {first[stripe], i};
      }
      first[stripe] = i;
    }
  }
}
