package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CustomerStore}, which every store runs: the in-memory one, a database
 * store, a vendor's own. Extend it with one factory method that returns a new, empty store:
 *
 * <pre>{@code
 * class JdbcCustomerStoreTest extends CustomerStoreContract {
 *   @Override
 *   protected CustomerStore createStore() {
 *     return new JdbcCustomerStore(freshDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that records, seen events and history come back exactly as written; that a write
 * replaces the record and appends the rest; that {@code scan} and {@code scanDue} find exactly the
 * customers they should, {@code scan} handing back each one whole (record, seen events, history)
 * and {@code scanDue} going by the latest due time of each;
 * that erasure removes a customer, its seen events and history included, and keeps its tombstone;
 * that a history entry under a sequence the customer already holds, or one that skips a sequence,
 * is refused with a {@code CustomerStoreException} of kind {@code REFUSED}; that a batch its
 * store refuses leaves nothing of it stored; that a position is stored with its
 * batch; that {@code replaceAll} replaces everything, seen
 * events and history included; and that writes from several threads for disjoint customers all
 * land.
 */
@Experimental
public abstract class CustomerStoreContract {

  /** For subclasses. */
  protected CustomerStoreContract() {}

  /**
   * A new, empty store.
   *
   * @return the store
   */
  protected abstract CustomerStore createStore();

  private static CustomerId id(int i) {
    return CustomerId.of("store-contract-" + i);
  }

  private static CustomerRecord record(int i, long due, String state) {
    return new CustomerRecord(id(i), due, state.getBytes(StandardCharsets.UTF_8));
  }

  private static HistoryEntry entry(long sequence, String change) {
    return new HistoryEntry(sequence, change.getBytes(StandardCharsets.UTF_8));
  }

  private static StoreBatch.Write write(CustomerRecord r, List<SeenEvent> seen, List<HistoryEntry> history) {
    return new StoreBatch.Write(r, seen, history);
  }

  private static List<CustomerId> due(CustomerStore store, long at) {
    List<CustomerId> ids = new ArrayList<>();
    store.scanDue(at, ids::add);
    ids.sort(null);
    return ids;
  }

  private static Set<CustomerId> scanned(CustomerStore store) {
    Set<CustomerId> ids = new HashSet<>();
    store.scan(c -> assertThat(ids.add(c.record().customer())).as("scan visits each customer once").isTrue());
    return ids;
  }

  /** A new store holds nothing. */
  @Test
  public void aNewStoreIsEmpty() {
    CustomerStore store = createStore();
    assertThat(store.load(id(1))).as("customer 1 of a new store").isEmpty();
    assertThat(scanned(store)).as("customers a new store scans").isEmpty();
    assertThat(due(store, Long.MAX_VALUE)).as("customers a new store finds due").isEmpty();
    assertThat(store.tombstones()).as("tombstones of a new store").isEmpty();
    assertThat(store.position()).as("position of a new store").isEmpty();
  }

  /**
   * What is written comes back exactly, bytes included: records and history entries are opaque
   * bytes, not text (the ones here are not valid UTF-8).
   */
  @Test
  public void aWrittenCustomerLoadsExactly() {
    CustomerStore store = createStore();
    SeenEvent seen = new SeenEvent(-3L, Long.MIN_VALUE, -62_135_596_800_000L);
    CustomerRecord record = new CustomerRecord(id(1), 5L, new byte[] {1, 0, -1, 127, -128});
    HistoryEntry binary = new HistoryEntry(0, new byte[] {2, 0, -1, -61, 40, -128, 127});
    store.write(StoreBatch.of(List.of(write(record, List.of(seen), List.of(binary)))));
    StoredCustomer loaded = store.load(id(1)).orElseThrow();
    assertThat(loaded.record()).as("record, byte for byte").isEqualTo(record);
    assertThat(loaded.seen()).containsExactly(seen);
    assertThat(loaded.history()).as("history entries, byte for byte").containsExactly(binary);
    assertThat(store.load(id(2))).isEmpty();
  }

  /** loadAll returns what load returns, for the stored customers among those asked, and no others. */
  @Test
  public void loadAllReturnsTheStoredCustomersAmongThoseAsked() {
    CustomerStore store = createStore();
    store.write(StoreBatch.of(List.of(
        write(record(1, 10, "a"), List.of(new SeenEvent(1, 2, 3)), List.of(entry(0, "h0"))),
        write(record(2, 20, "b"), List.of(), List.of()),
        write(record(3, 30, "c"), List.of(new SeenEvent(4, 5, 6), new SeenEvent(7, 8, 9)), List.of()))));
    List<StoredCustomer> loaded = store.loadAll(List.of(id(3), id(9), id(1)));
    assertThat(loaded)
        .as("loadAll of customers 3, 9 and 1, against what load returns")
        .containsExactlyInAnyOrder(store.load(id(1)).orElseThrow(), store.load(id(3)).orElseThrow());
    assertThat(loaded).filteredOn(c -> c.record().customer().equals(id(3))).singleElement()
        .satisfies(c -> assertThat(c.seen()).as("seen events of customer 3 from loadAll")
            .containsExactly(new SeenEvent(4, 5, 6), new SeenEvent(7, 8, 9)));
    assertThat(store.loadAll(List.of())).as("loadAll of no customers").isEmpty();
    assertThat(store.loadAll(List.of(id(8)))).as("loadAll of a customer not stored").isEmpty();
  }

  /** A second write replaces the record and appends seen events and history in order. */
  @Test
  public void writesReplaceTheRecordAndAppendTheRest() {
    CustomerStore store = createStore();
    SeenEvent a = new SeenEvent(1, 2, 3);
    SeenEvent b = new SeenEvent(4, 5, 6);
    SeenEvent c = new SeenEvent(7, 8, 9);
    store.write(StoreBatch.of(List.of(write(record(1, 10, "v1"), List.of(a), List.of(entry(0, "h0"))))));
    store.write(StoreBatch.of(List.of(write(record(1, 20, "v2"), List.of(b, c), List.of()))));
    store.write(StoreBatch.of(List.of(write(record(1, 30, "v3"), List.of(), List.of(entry(1, "h1"), entry(2, "h2"))))));
    StoredCustomer loaded = store.load(id(1)).orElseThrow();
    assertThat(loaded.record()).as("record after three writes").isEqualTo(record(1, 30, "v3"));
    assertThat(loaded.seen()).as("seen events appended by three writes").containsExactly(a, b, c);
    assertThat(loaded.history()).as("history appended by three writes").containsExactly(entry(0, "h0"), entry(1, "h1"), entry(2, "h2"));
  }

  /** One batch writes several customers; scan visits each once; scanDue finds exactly the due. */
  @Test
  public void scanAndScanDueFindTheRightCustomers() {
    CustomerStore store = createStore();
    store.write(
        StoreBatch.of(
            List.of(
                write(record(1, 100, "a"), List.of(), List.of()),
                write(record(2, 200, "b"), List.of(), List.of()),
                write(record(3, Long.MAX_VALUE, "c"), List.of(), List.of()),
                write(record(4, -5, "d"), List.of(), List.of()))));
    assertThat(scanned(store)).containsExactlyInAnyOrder(id(1), id(2), id(3), id(4));
    assertThat(due(store, 99)).as("customers due at or before 99").containsExactly(id(4));
    assertThat(due(store, 100)).as("customers due at or before 100").containsExactly(id(1), id(4));
    assertThat(due(store, 200)).as("customers due at or before 200").containsExactly(id(1), id(2), id(4));
    assertThat(due(store, Long.MAX_VALUE - 1)).containsExactly(id(1), id(2), id(4));
    store.write(StoreBatch.of(List.of(write(record(2, 50, "b2"), List.of(), List.of()))));
    assertThat(due(store, 99)).containsExactly(id(2), id(4));
  }

  /**
   * A customer is due by the due time of its latest record only: one whose due time a write moved
   * later, or to never ({@link Long#MAX_VALUE}), is not found at its earlier one. A store that
   * kept an index entry for the earlier due time would have the engine look at the customer again
   * and again before anything can have happened to it.
   */
  @Test
  public void scanDueFollowsTheLatestDueTime() {
    CustomerStore store = createStore();
    store.write(
        StoreBatch.of(
            List.of(
                write(record(1, 100, "a"), List.of(), List.of()),
                write(record(2, 200, "b"), List.of(), List.of()))));
    store.write(
        StoreBatch.of(
            List.of(
                write(record(1, 500, "a2"), List.of(), List.of()),
                write(record(2, Long.MAX_VALUE, "b2"), List.of(), List.of()))));
    assertThat(due(store, 499)).as("customers due at 499 after their due times moved to 500 and never").isEmpty();
    assertThat(due(store, 500)).as("customers due at 500 after their due times moved to 500 and never").containsExactly(id(1));
    assertThat(due(store, Long.MAX_VALUE - 1)).containsExactly(id(1));
  }

  /**
   * Scan hands back each customer whole, as {@code load} does: its latest record and every seen
   * event and history entry appended to it, in order. An engine built over the store reads its
   * customers with {@code scan} alone, so a scan that left any of them out would lose them at the
   * next restart.
   */
  @Test
  public void scanHandsBackEachCustomerWhole() {
    CustomerStore store = createStore();
    SeenEvent a = new SeenEvent(1, 2, 3);
    SeenEvent b = new SeenEvent(4, 5, 6);
    SeenEvent c = new SeenEvent(7, 8, 9);
    store.write(
        StoreBatch.of(
            List.of(
                write(record(1, 10, "v1"), List.of(a), List.of(entry(0, "h0"))),
                write(record(2, 20, "b"), List.of(), List.of()),
                write(record(3, 30, "c"), List.of(b), List.of(entry(0, "g0"), entry(1, "g1"))))));
    store.write(StoreBatch.of(List.of(write(record(1, 40, "v2"), List.of(c), List.of(entry(1, "h1"))))));
    Map<CustomerId, StoredCustomer> visited = new HashMap<>();
    store.scan(customer -> visited.put(customer.record().customer(), customer));
    assertThat(visited.get(id(1)))
        .as("customer 1 as scan hands it back (record, seen events, history)")
        .isEqualTo(new StoredCustomer(record(1, 40, "v2"), List.of(a, c), List.of(entry(0, "h0"), entry(1, "h1"))));
    assertThat(visited.get(id(2)))
        .as("customer 2 as scan hands it back (record, seen events, history)")
        .isEqualTo(new StoredCustomer(record(2, 20, "b"), List.of(), List.of()));
    assertThat(visited.get(id(3)))
        .as("customer 3 as scan hands it back (record, seen events, history)")
        .isEqualTo(new StoredCustomer(record(3, 30, "c"), List.of(b), List.of(entry(0, "g0"), entry(1, "g1"))));
    assertThat(visited).hasSize(3);
  }

  /**
   * Erasure removes everything of the customer and keeps only the tombstone; tombstones of either
   * scheme come back as written, in order.
   */
  @Test
  public void erasureLeavesOnlyTheTombstone() {
    CustomerStore store = createStore();
    store.write(
        StoreBatch.of(
            List.of(
                write(record(1, 10, "a"), List.of(new SeenEvent(1, 1, 1)), List.of(entry(0, "h"))),
                write(record(2, 10, "b"), List.of(), List.of()))));
    Tombstone tombstone = new Tombstone(Tombstone.Scheme.KEYED, 42, -7, "dormant");
    store.write(StoreBatch.erase(id(1), tombstone));
    assertThat(store.load(id(1))).isEmpty();
    assertThat(scanned(store)).containsExactly(id(2));
    assertThat(due(store, 10)).containsExactly(id(2));
    assertThat(store.tombstones()).containsExactly(tombstone);
    Tombstone second = new Tombstone(Tombstone.Scheme.SALTED, 43, 9, "active");
    store.write(StoreBatch.erase(id(2), second));
    assertThat(store.tombstones()).containsExactly(tombstone, second);
    // a third in neither the order of fingerprints, nor of schemes, nor of key checks: kept as written
    Tombstone third = new Tombstone(Tombstone.Scheme.KEYED, 42, -100, "growth");
    store.write(new StoreBatch(List.of(), List.of(), List.of(third), Optional.empty(), false));
    assertThat(store.tombstones()).as("tombstones in the order written").containsExactly(tombstone, second, third);
  }

  /**
   * Erasure removes the customer's seen events and history, not only its record: the same id
   * written again (as a snapshot import may) has only what was written after the erasure. A store
   * that kept them would keep personal data it was told to remove, and hand it back.
   */
  @Test
  public void erasureRemovesSeenEventsAndHistoryToo() {
    CustomerStore store = createStore();
    store.write(
        StoreBatch.of(
            List.of(write(record(1, 10, "a"), List.of(new SeenEvent(1, 1, 1)), List.of(entry(0, "before"))))));
    store.write(StoreBatch.erase(id(1), new Tombstone(Tombstone.Scheme.KEYED, 42, -7, "dormant")));
    store.write(
        StoreBatch.of(
            List.of(write(record(1, 20, "b"), List.of(new SeenEvent(2, 2, 2)), List.of(entry(0, "after"))))));
    StoredCustomer again = store.load(id(1)).orElseThrow();
    assertThat(again.record()).isEqualTo(record(1, 20, "b"));
    assertThat(again.seen()).as("seen events after erasure").containsExactly(new SeenEvent(2, 2, 2));
    assertThat(again.history()).as("history after erasure").containsExactly(entry(0, "after"));
  }

  /**
   * A replacing batch removes every seen event and history entry, not only the records: a customer
   * it carries again has only what the batch carries.
   */
  @Test
  public void replaceAllRemovesSeenEventsAndHistoryToo() {
    CustomerStore store = createStore();
    store.write(
        StoreBatch.of(
            List.of(write(record(1, 10, "a"), List.of(new SeenEvent(1, 1, 1)), List.of(entry(0, "before"))))));
    store.write(
        new StoreBatch(
            List.of(write(record(1, 20, "b"), List.of(new SeenEvent(2, 2, 2)), List.of(entry(0, "imported")))),
            List.of(),
            List.of(),
            Optional.empty(),
            true));
    StoredCustomer again = store.load(id(1)).orElseThrow();
    assertThat(again.record()).isEqualTo(record(1, 20, "b"));
    assertThat(again.seen()).as("seen events after replaceAll").containsExactly(new SeenEvent(2, 2, 2));
    assertThat(again.history()).as("history after replaceAll").containsExactly(entry(0, "imported"));
  }

  /**
   * A batch is all or nothing: a store that refuses one (its {@code write} throws) has stored none
   * of it, neither the customers listed before the part it refused, nor the erasures, tombstones
   * and position that come after. The batch here appends a history entry under a sequence the
   * customer already has, which every store refuses ({@link #aRepeatedHistorySequenceIsRefused}).
   */
  @Test
  public void aRefusedBatchStoresNoneOfIt() {
    CustomerStore store = createStore();
    SeenEvent a = new SeenEvent(1, 2, 3);
    StoredCustomer one = new StoredCustomer(record(1, 10, "v1"), List.of(a), List.of(entry(0, "h0")));
    StoredCustomer three = new StoredCustomer(record(3, 30, "c"), List.of(), List.of(entry(0, "g0")));
    store.write(
        new StoreBatch(
            List.of(write(one.record(), one.seen(), one.history()), write(three.record(), three.seen(), three.history())),
            List.of(),
            List.of(),
            Optional.of("p1"),
            false));
    StoreBatch refused =
        new StoreBatch(
            List.of(
                write(record(2, 20, "new"), List.of(new SeenEvent(4, 5, 6)), List.of(entry(0, "n0"))),
                write(record(1, 40, "v2"), List.of(new SeenEvent(7, 8, 9)), List.of(entry(0, "again")))),
            List.of(id(3)),
            List.of(new Tombstone(Tombstone.Scheme.KEYED, 42, -7, "dormant")),
            Optional.of("p2"),
            false);
    assertRefused(catchThrowable(() -> store.write(refused)), "what writing a batch that repeats a stored history sequence throws");
    assertThat(store.load(id(2))).as("a customer written by a refused batch").isEmpty();
    assertThat(store.load(id(1))).as("a customer rewritten by a refused batch").contains(one);
    assertThat(store.load(id(3))).as("a customer erased by a refused batch").contains(three);
    assertThat(store.tombstones()).as("the tombstones of a refused batch").isEmpty();
    assertThat(store.position()).as("the position of a refused batch").contains("p1");
    assertThat(scanned(store)).as("customers after a refused batch").containsExactlyInAnyOrder(id(1), id(3));
  }

  /**
   * A history entry under a sequence the customer already holds is refused, whether the store
   * holds that sequence or the same write carries it twice: {@code write} throws a {@link
   * CustomerStoreException} of kind {@link StoreFailure#REFUSED REFUSED}, so that the caller knows
   * retrying fails again, and stores nothing of the batch. A store that put the entry over the one it holds would let a replayed or faulty
   * append change a customer's stage history without a trace.
   */
  @Test
  public void aRepeatedHistorySequenceIsRefused() {
    CustomerStore store = createStore();
    StoredCustomer one =
        new StoredCustomer(record(1, 10, "v1"), List.of(new SeenEvent(1, 2, 3)), List.of(entry(0, "h0"), entry(1, "h1")));
    store.write(
        new StoreBatch(List.of(write(one.record(), one.seen(), one.history())), List.of(), List.of(), Optional.of("p1"), false));
    StoreBatch repeatsStored =
        new StoreBatch(
            List.of(
                write(record(2, 20, "new"), List.of(new SeenEvent(4, 5, 6)), List.of(entry(0, "n0"))),
                write(record(1, 40, "v2"), List.of(new SeenEvent(7, 8, 9)), List.of(entry(1, "h1 replaced"), entry(2, "h2")))),
            List.of(),
            List.of(),
            Optional.of("p2"),
            false);
    assertRefused(catchThrowable(() -> store.write(repeatsStored)), "what writing a batch that repeats stored history entry 1 throws");
    assertThat(store.load(id(1))).as("customer 1 after a batch that repeats its stored history entry 1").contains(one);
    assertThat(store.load(id(2))).as("a customer written by a batch that repeats a stored history entry").isEmpty();
    assertThat(store.position()).as("the position after a batch that repeats a stored history entry").contains("p1");
    StoreBatch repeatsItself =
        new StoreBatch(
            List.of(
                write(record(3, 30, "c"), List.of(), List.of(entry(0, "g0"))),
                write(record(1, 50, "v3"), List.of(), List.of(entry(2, "h2"), entry(2, "h2 again")))),
            List.of(),
            List.of(),
            Optional.of("p3"),
            false);
    assertRefused(catchThrowable(() -> store.write(repeatsItself)), "what writing a batch whose write carries history entry 2 twice throws");
    assertThat(store.load(id(1))).as("customer 1 after a batch that carries its history entry 2 twice").contains(one);
    assertThat(store.load(id(3))).as("a customer written by a batch that carries a history entry twice").isEmpty();
    assertThat(store.position()).as("the position after a batch that carries a history entry twice").contains("p1");
    assertThat(scanned(store)).as("customers after two refused batches").containsExactly(id(1));
    store.write(StoreBatch.of(List.of(write(record(1, 60, "v4"), List.of(), List.of(entry(2, "h2"))))));
    assertThat(store.load(id(1)).orElseThrow().history())
        .as("history after the next sequence is appended")
        .containsExactly(entry(0, "h0"), entry(1, "h1"), entry(2, "h2"));
  }

  /**
   * History entries continue each customer's sequence from 0: a batch with an entry that skips a
   * sequence, after the customer's stored entries, for a customer with none, or after an earlier
   * entry of the same write, is refused like a repeated one, and stores nothing. A skipped
   * sequence means an earlier write was lost; an engine restarted over such a store would number
   * its next change as one the store holds, and every later write of that customer would be
   * refused.
   */
  @Test
  public void aSkippedHistorySequenceIsRefused() {
    CustomerStore store = createStore();
    StoredCustomer one =
        new StoredCustomer(record(1, 10, "v1"), List.of(new SeenEvent(1, 2, 3)), List.of(entry(0, "h0"), entry(1, "h1")));
    store.write(
        new StoreBatch(List.of(write(one.record(), one.seen(), one.history())), List.of(), List.of(), Optional.of("p1"), false));
    List<List<StoreBatch.Write>> skipping =
        List.of(
            List.of(
                write(record(2, 20, "new"), List.of(), List.of(entry(0, "n0"))),
                write(record(1, 40, "v2"), List.of(new SeenEvent(7, 8, 9)), List.of(entry(3, "h3")))),
            List.of(write(record(2, 20, "new"), List.of(new SeenEvent(4, 5, 6)), List.of(entry(1, "n1")))),
            List.of(write(record(2, 20, "new"), List.of(), List.of(entry(0, "n0"), entry(2, "n2")))),
            List.of(
                write(record(2, 20, "new"), List.of(), List.of(entry(0, "n0"))),
                write(record(1, 40, "v2"), List.of(), List.of(entry(2, "h2"), entry(4, "h4")))));
    for (List<StoreBatch.Write> writes : skipping) {
      String batch = "a batch whose history skips a sequence (" + writes.size() + " writes)";
      assertRefused(
          catchThrowable(() -> store.write(new StoreBatch(writes, List.of(), List.of(), Optional.of("p2"), false))),
          "what writing " + batch + " throws");
      assertThat(store.load(id(1))).as("customer 1 after " + batch).contains(one);
      assertThat(store.load(id(2))).as("a customer written by " + batch).isEmpty();
      assertThat(store.position()).as("the position after " + batch).contains("p1");
    }
    assertRefused(
        catchThrowable(
            () -> store.write(new StoreBatch(List.of(write(record(3, 30, "c"), List.of(), List.of(entry(1, "g1")))), List.of(),
                List.of(), Optional.empty(), true))),
        "what writing a replacing batch whose customer's history starts at 1 throws");
    assertThat(store.load(id(1))).as("customer 1 after a refused replacing batch").contains(one);
    assertThat(scanned(store)).as("customers after refused batches").containsExactly(id(1));
  }

  /** A position is stored with its batch and kept by batches without one. */
  @Test
  public void aPositionIsStoredWithItsBatch() {
    CustomerStore store = createStore();
    store.write(new StoreBatch(List.of(write(record(1, 1, "a"), List.of(), List.of())), List.of(), List.of(), Optional.of("topic-0@17"), false));
    assertThat(store.position()).as("position of the latest batch that carried one").contains("topic-0@17");
    store.write(StoreBatch.of(List.of(write(record(2, 1, "b"), List.of(), List.of()))));
    assertThat(store.position()).as("position after a batch without one").contains("topic-0@17");
    store.write(new StoreBatch(List.of(), List.of(), List.of(), Optional.of("topic-0@18"), false));
    assertThat(store.position()).as("position of a batch that carries nothing else").contains("topic-0@18");
  }

  /** A replacing batch leaves only what it carries. */
  @Test
  public void replaceAllReplacesEverything() {
    CustomerStore store = createStore();
    store.write(
        new StoreBatch(
            List.of(write(record(1, 1, "a"), List.of(new SeenEvent(1, 1, 1)), List.of(entry(0, "h")))),
            List.of(id(9)),
            List.of(new Tombstone(Tombstone.Scheme.SALTED, 1, 2, "s")),
            Optional.of("p"),
            false));
    store.write(
        new StoreBatch(
            List.of(write(record(2, 1, "b"), List.of(new SeenEvent(2, 2, 2)), List.of(entry(0, "g")))),
            List.of(),
            List.of(new Tombstone(Tombstone.Scheme.KEYED, 3, 4, "t")),
            Optional.empty(),
            true));
    assertThat(store.load(id(1))).isEmpty();
    assertThat(scanned(store)).containsExactly(id(2));
    assertThat(store.tombstones()).containsExactly(new Tombstone(Tombstone.Scheme.KEYED, 3, 4, "t"));
    StoredCustomer two = store.load(id(2)).orElseThrow();
    assertThat(two.seen()).containsExactly(new SeenEvent(2, 2, 2));
    assertThat(two.history()).containsExactly(entry(0, "g"));
  }

  /**
   * Writes from two threads for disjoint customers all land.
   *
   * @throws Exception if a writer fails
   */
  @Test
  public void concurrentWritesForDisjointCustomersAllLand() throws Exception {
    CustomerStore store = createStore();
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int base = t * perThread;
        done.add(
            pool.submit(
                () -> {
                  for (int i = base; i < base + perThread; i++) {
                    store.write(StoreBatch.of(List.of(write(record(i, i, "s" + i), List.of(new SeenEvent(i + 1, i, i)), List.of(entry(0, "h" + i))))));
                    store.write(StoreBatch.of(List.of(write(record(i, i, "t" + i), List.of(new SeenEvent(i + 1000, i, i)), List.of(entry(1, "g" + i))))));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(scanned(store)).hasSize(2 * perThread);
    for (int i = 0; i < 2 * perThread; i++) {
      StoredCustomer c = store.load(id(i)).orElseThrow();
      assertThat(c.record()).isEqualTo(record(i, i, "t" + i));
      assertThat(c.seen()).containsExactly(new SeenEvent(i + 1, i, i), new SeenEvent(i + 1000, i, i));
      assertThat(c.history()).containsExactly(entry(0, "h" + i), entry(1, "g" + i));
    }
  }

  /**
   * That a write was refused as the SPI requires: with a {@link CustomerStoreException} of kind
   * {@link StoreFailure#REFUSED REFUSED}, which tells the caller that retrying it fails again.
   */
  private static void assertRefused(Throwable thrown, String what) {
    assertThat(thrown).as(what).isInstanceOf(CustomerStoreException.class);
    assertThat(((CustomerStoreException) thrown).kind()).as(what + ": its kind").isEqualTo(StoreFailure.REFUSED);
  }
}
