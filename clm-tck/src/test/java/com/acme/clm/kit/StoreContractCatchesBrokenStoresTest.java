package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import io.clm.tck.CustomerStoreContract;
import io.clm.tck.MemoryCustomerStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The store contract's checks can fail: each broken store below is caught by the check meant for it. */
class StoreContractCatchesBrokenStoresTest {

  /**
   * Keeps records, seen events and history in separate tables, as a database store does, and on
   * erasure and replaceAll deletes only the records: the seen events and history stay behind.
   */
  static final class RecordsOnlyDeletingStore implements CustomerStore {
    private final Map<CustomerId, CustomerRecord> records = new HashMap<>();
    private final Map<CustomerId, List<SeenEvent>> seen = new HashMap<>();
    private final Map<CustomerId, List<HistoryEntry>> history = new HashMap<>();
    private final List<Tombstone> tombstones = new ArrayList<>();
    private String position;

    @Override
    public synchronized Optional<StoredCustomer> load(CustomerId customer) {
      CustomerRecord r = records.get(customer);
      return r == null
          ? Optional.empty()
          : Optional.of(new StoredCustomer(r, seen.getOrDefault(customer, List.of()), history.getOrDefault(customer, List.of())));
    }

    @Override
    public synchronized void scan(Consumer<StoredCustomer> action) {
      records.keySet().forEach(id -> action.accept(load(id).orElseThrow()));
    }

    @Override
    public synchronized void scanDue(long epochMillis, Consumer<CustomerId> action) {
      records.values().stream().filter(r -> r.dueAt() <= epochMillis).forEach(r -> action.accept(r.customer()));
    }

    @Override
    public synchronized List<Tombstone> tombstones() {
      return List.copyOf(tombstones);
    }

    @Override
    public synchronized Optional<String> position() {
      return Optional.ofNullable(position);
    }

    @Override
    public synchronized void write(StoreBatch batch) {
      if (batch.replaceAll()) {
        records.clear();
        tombstones.clear();
      }
      for (StoreBatch.Write w : batch.writes()) {
        CustomerId id = w.record().customer();
        records.put(id, w.record());
        seen.computeIfAbsent(id, k -> new ArrayList<>()).addAll(w.seen());
        history.computeIfAbsent(id, k -> new ArrayList<>()).addAll(w.history());
      }
      batch.erasures().forEach(records::remove);
      tombstones.addAll(batch.tombstones());
      batch.position().ifPresent(p -> position = p);
    }
  }

  /** Passes every call to the reference store; the broken stores below override one behaviour. */
  abstract static class DelegatingStore implements CustomerStore {
    final MemoryCustomerStore store = new MemoryCustomerStore();

    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      return store.load(customer);
    }

    @Override
    public void scan(Consumer<StoredCustomer> action) {
      store.scan(action);
    }

    @Override
    public void scanDue(long epochMillis, Consumer<CustomerId> action) {
      store.scanDue(epochMillis, action);
    }

    @Override
    public List<Tombstone> tombstones() {
      return store.tombstones();
    }

    @Override
    public Optional<String> position() {
      return store.position();
    }

    @Override
    public void write(StoreBatch batch) {
      store.write(batch);
    }
  }

  /**
   * Scans only the records, as a database store that reads one table for speed: each customer
   * comes back without its seen events and history.
   */
  static final class RecordsOnlyScanStore extends DelegatingStore {
    @Override
    public void scan(Consumer<StoredCustomer> action) {
      store.scan(c -> action.accept(new StoredCustomer(c.record(), List.of(), List.of())));
    }
  }

  /**
   * Keeps a due-time index beside the records that gains an entry on each write but drops the
   * old one only on erasure: a customer whose due time moved later is still found at the old one.
   */
  static final class StaleDueIndexStore extends DelegatingStore {
    private final Map<CustomerId, List<Long>> dueTimes = new HashMap<>();

    @Override
    public synchronized void scanDue(long epochMillis, Consumer<CustomerId> action) {
      dueTimes.forEach((id, times) -> {
        if (times.stream().anyMatch(t -> t <= epochMillis)) {
          action.accept(id);
        }
      });
    }

    @Override
    public synchronized void write(StoreBatch batch) {
      store.write(batch);
      if (batch.replaceAll()) {
        dueTimes.clear();
      }
      batch.writes().forEach(w -> dueTimes.computeIfAbsent(w.record().customer(), k -> new ArrayList<>()).add(w.record().dueAt()));
      batch.erasures().forEach(dueTimes::remove);
    }
  }

  /**
   * Writes a batch one customer at a time without a transaction, as a database store on
   * auto-commit does, and refuses a history entry whose sequence is already stored, as a primary
   * key on (customer, sequence) does: the customers before the refused one stay written.
   */
  static final class WriteByWriteStore extends DelegatingStore {
    @Override
    public synchronized void write(StoreBatch batch) {
      if (batch.replaceAll()) {
        store.write(batch);
        return;
      }
      for (StoreBatch.Write w : batch.writes()) {
        int stored = store.load(w.record().customer()).map(c -> c.history().size()).orElse(0);
        for (HistoryEntry h : w.history()) {
          if (h.sequence() < stored) {
            throw new CustomerStoreException("duplicate key: history entry " + h.sequence(), StoreFailure.REFUSED, null);
          }
        }
        store.write(StoreBatch.of(List.of(w)));
      }
      store.write(new StoreBatch(List.of(), batch.erasures(), batch.tombstones(), batch.position(), false));
    }
  }

  /**
   * Keeps each customer's history entries under their sequences, as a key-value store does, and
   * puts a written entry under its sequence whatever is held there: an entry that repeats a
   * sequence replaces the one stored, and the batch is not refused.
   */
  static class ReplacingHistoryStore extends DelegatingStore {
    private final Map<CustomerId, SortedMap<Long, HistoryEntry>> history = new HashMap<>();

    @Override
    public synchronized Optional<StoredCustomer> load(CustomerId customer) {
      return store.load(customer).map(this::withHistory);
    }

    @Override
    public synchronized void scan(Consumer<StoredCustomer> action) {
      store.scan(c -> action.accept(withHistory(c)));
    }

    private StoredCustomer withHistory(StoredCustomer c) {
      return new StoredCustomer(
          c.record(), c.seen(), List.copyOf(history.getOrDefault(c.record().customer(), new TreeMap<>()).values()));
    }

    @Override
    public synchronized void write(StoreBatch batch) {
      List<StoreBatch.Write> withoutHistory =
          batch.writes().stream().map(w -> new StoreBatch.Write(w.record(), w.seen(), List.of())).toList();
      store.write(new StoreBatch(withoutHistory, batch.erasures(), batch.tombstones(), batch.position(), batch.replaceAll()));
      if (batch.replaceAll()) {
        history.clear();
      }
      for (StoreBatch.Write w : batch.writes()) {
        SortedMap<Long, HistoryEntry> entries = history.computeIfAbsent(w.record().customer(), k -> new TreeMap<>());
        w.history().forEach(h -> entries.put(h.sequence(), h));
      }
      batch.erasures().forEach(history::remove);
    }
  }

  /**
   * Refuses a history entry under a sequence it holds, as a check against the stored rows does, but
   * not one that its own write carries twice: the later of the two replaces the earlier.
   */
  static final class StoredRepeatsOnlyStore extends ReplacingHistoryStore {
    @Override
    public synchronized void write(StoreBatch batch) {
      for (StoreBatch.Write w : batch.writes()) {
        int stored = batch.replaceAll() ? 0 : load(w.record().customer()).map(c -> c.history().size()).orElse(0);
        for (HistoryEntry h : w.history()) {
          if (h.sequence() < stored) {
            throw new CustomerStoreException("history entry " + h.sequence() + " is stored already", StoreFailure.REFUSED, null);
          }
        }
      }
      super.write(batch);
    }
  }

  /**
   * Refuses a history entry under a sequence the customer holds, stored or earlier in the same
   * write, as a primary key on (customer, sequence) does, and nothing more: an entry that skips a
   * sequence is stored.
   */
  static final class PrimaryKeyOnlyStore extends ReplacingHistoryStore {
    @Override
    public synchronized void write(StoreBatch batch) {
      for (StoreBatch.Write w : batch.writes()) {
        Set<Long> held = new HashSet<>();
        if (!batch.replaceAll()) {
          load(w.record().customer()).ifPresent(c -> c.history().forEach(h -> held.add(h.sequence())));
        }
        for (HistoryEntry h : w.history()) {
          if (!held.add(h.sequence())) {
            throw new CustomerStoreException("duplicate key: history entry " + h.sequence(), StoreFailure.REFUSED, null);
          }
        }
      }
      super.write(batch);
    }
  }

  /**
   * Refuses what the reference store refuses, but with an exception of its own instead of a
   * {@link CustomerStoreException}, so that a caller cannot tell the refusal from a store that is
   * down.
   */
  static final class UntypedRefusalStore extends DelegatingStore {
    @Override
    public void write(StoreBatch batch) {
      try {
        store.write(batch);
      } catch (CustomerStoreException e) {
        throw new IllegalStateException("refused: " + e.getMessage());
      }
    }
  }

  /**
   * Keeps history entries as text, as a store with a character column for them does: bytes that
   * are not UTF-8 come back changed.
   */
  static final class TextHistoryStore extends DelegatingStore {
    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      return store.load(customer).map(TextHistoryStore::asText);
    }

    @Override
    public void scan(Consumer<StoredCustomer> action) {
      store.scan(c -> action.accept(asText(c)));
    }

    private static StoredCustomer asText(StoredCustomer c) {
      List<HistoryEntry> history = c.history().stream()
          .map(h -> new HistoryEntry(h.sequence(), new String(h.change(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)))
          .toList();
      return new StoredCustomer(c.record(), c.seen(), history);
    }
  }

  /** Appends every seen event of a write but the last, as an off-by-one in a batched insert does. */
  static final class DropsLastSeenEventStore extends DelegatingStore {
    @Override
    public void write(StoreBatch batch) {
      List<StoreBatch.Write> writes = batch.writes().stream()
          .map(w -> new StoreBatch.Write(w.record(), w.seen().subList(0, Math.max(0, w.seen().size() - 1)), w.history()))
          .toList();
      store.write(new StoreBatch(writes, batch.erasures(), batch.tombstones(), batch.position(), batch.replaceAll()));
    }
  }

  /** Finds the customers due up to a second after the instant, as a due query rounded to seconds may. */
  static final class DueASecondEarlyStore extends DelegatingStore {
    @Override
    public void scanDue(long epochMillis, Consumer<CustomerId> action) {
      store.scanDue(epochMillis >= Long.MAX_VALUE - 1_000 ? epochMillis : epochMillis + 1_000, action);
    }
  }

  /** Stores the position only of a batch that writes customers, not of one that carries nothing else. */
  static final class PositionOnlyWithWritesStore extends DelegatingStore {
    @Override
    public void write(StoreBatch batch) {
      store.write(batch.writes().isEmpty()
          ? new StoreBatch(batch.writes(), batch.erasures(), batch.tombstones(), Optional.empty(), batch.replaceAll())
          : batch);
    }
  }

  /** Starts with a position, as a store whose schema script inserts a first feed position does. */
  static final class StartsWithAPositionStore extends DelegatingStore {
    @Override
    public Optional<String> position() {
      return store.position().or(() -> Optional.of("0"));
    }
  }

  /**
   * Loads many customers with one query of the records' table alone: each comes back without its
   * seen events and history, while {@code load} reads all three tables.
   */
  static final class RecordsOnlyLoadAllStore extends DelegatingStore {
    @Override
    public List<StoredCustomer> loadAll(Collection<CustomerId> customers) {
      return store.loadAll(customers).stream().map(c -> new StoredCustomer(c.record(), List.of(), List.of())).toList();
    }
  }

  /** Answers loadAll with every stored customer, as a query whose IN clause was lost. */
  static final class LoadsEveryoneStore extends DelegatingStore {
    @Override
    public List<StoredCustomer> loadAll(Collection<CustomerId> customers) {
      List<StoredCustomer> all = new ArrayList<>();
      store.scan(all::add);
      return all;
    }
  }

  /** Hands back its tombstones sorted by fingerprint, as a table read without an ORDER BY may. */
  static final class SortingTombstonesStore implements CustomerStore {
    private final MemoryCustomerStore store = new MemoryCustomerStore();

    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      return store.load(customer);
    }

    @Override
    public void scan(Consumer<StoredCustomer> action) {
      store.scan(action);
    }

    @Override
    public void scanDue(long epochMillis, Consumer<CustomerId> action) {
      store.scanDue(epochMillis, action);
    }

    @Override
    public List<Tombstone> tombstones() {
      return store.tombstones().stream().sorted(Comparator.comparingLong(Tombstone::fingerprint)).toList();
    }

    @Override
    public Optional<String> position() {
      return store.position();
    }

    @Override
    public void write(StoreBatch batch) {
      store.write(batch);
    }
  }

  @Test
  void aStoreThatReordersTombstonesIsCaught() {
    CustomerStoreContract c = contract(SortingTombstonesStore::new);
    assertThatCode(c::erasureRemovesSeenEventsAndHistoryToo).doesNotThrowAnyException();
    assertThatThrownBy(c::erasureLeavesOnlyTheTombstone)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("tombstones in the order written");
  }

  private static CustomerStoreContract contract(Supplier<CustomerStore> store) {
    return new CustomerStoreContract() {
      @Override
      protected CustomerStore createStore() {
        return store.get();
      }
    };
  }

  @Test
  void theReferenceStorePassesEveryCheck() {
    CustomerStoreContract c = contract(MemoryCustomerStore::new);
    assertThatCode(c::erasureLeavesOnlyTheTombstone).doesNotThrowAnyException();
    assertThatCode(c::erasureRemovesSeenEventsAndHistoryToo).doesNotThrowAnyException();
    assertThatCode(c::replaceAllReplacesEverything).doesNotThrowAnyException();
    assertThatCode(c::replaceAllRemovesSeenEventsAndHistoryToo).doesNotThrowAnyException();
    assertThatCode(c::aRefusedBatchStoresNoneOfIt).doesNotThrowAnyException();
    assertThatCode(c::aRepeatedHistorySequenceIsRefused).doesNotThrowAnyException();
    assertThatCode(c::aSkippedHistorySequenceIsRefused).doesNotThrowAnyException();
  }

  @Test
  void aStoreThatKeepsTheSeenEventsAndHistoryOfAnErasedCustomerIsCaught() {
    CustomerStoreContract c = contract(RecordsOnlyDeletingStore::new);
    // the checks of what a reader sees right after erasure and replaceAll cannot tell
    assertThatCode(c::erasureLeavesOnlyTheTombstone).doesNotThrowAnyException();
    assertThatCode(c::replaceAllReplacesEverything).doesNotThrowAnyException();
    assertThatCode(c::writesReplaceTheRecordAndAppendTheRest).doesNotThrowAnyException();
    assertThatThrownBy(c::erasureRemovesSeenEventsAndHistoryToo)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seen events after erasure");
    assertThatThrownBy(c::replaceAllRemovesSeenEventsAndHistoryToo)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seen events after replaceAll");
  }

  @Test
  void aStoreWhoseScanLeavesOutSeenEventsAndHistoryIsCaught() {
    CustomerStoreContract c = contract(RecordsOnlyScanStore::new);
    // the other checks of scan look at which customers it visits, not at what it hands back
    assertThatCode(c::scanAndScanDueFindTheRightCustomers).doesNotThrowAnyException();
    assertThatCode(c::erasureLeavesOnlyTheTombstone).doesNotThrowAnyException();
    assertThatThrownBy(c::scanHandsBackEachCustomerWhole)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("customer 1 as scan hands it back (record, seen events, history)");
    assertThatCode(contract(MemoryCustomerStore::new)::scanHandsBackEachCustomerWhole).doesNotThrowAnyException();
  }

  @Test
  void aStoreThatFindsACustomerAtAnEarlierDueTimeIsCaught() {
    CustomerStoreContract c = contract(StaleDueIndexStore::new);
    // due times that only ever move earlier, and erasures, it handles
    assertThatCode(c::scanAndScanDueFindTheRightCustomers).doesNotThrowAnyException();
    assertThatCode(c::erasureLeavesOnlyTheTombstone).doesNotThrowAnyException();
    assertThatThrownBy(c::scanDueFollowsTheLatestDueTime)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("customers due at 499 after their due times moved to 500 and never");
    assertThatCode(contract(MemoryCustomerStore::new)::scanDueFollowsTheLatestDueTime).doesNotThrowAnyException();
  }

  @Test
  void aStoreThatKeepsPartOfARefusedBatchIsCaught() {
    CustomerStoreContract c = contract(WriteByWriteStore::new);
    // batches it does not refuse it stores whole
    assertThatCode(c::writesReplaceTheRecordAndAppendTheRest).doesNotThrowAnyException();
    assertThatCode(c::erasureLeavesOnlyTheTombstone).doesNotThrowAnyException();
    assertThatCode(c::aPositionIsStoredWithItsBatch).doesNotThrowAnyException();
    assertThatThrownBy(c::aRefusedBatchStoresNoneOfIt)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a customer written by a refused batch");
    assertThatCode(contract(MemoryCustomerStore::new)::aRefusedBatchStoresNoneOfIt).doesNotThrowAnyException();
  }

  @Test
  void aStoreThatReplacesAHistoryEntryItHoldsIsCaught() {
    CustomerStoreContract c = contract(ReplacingHistoryStore::new);
    // history appended under new sequences it keeps, in order, and drops with its customer
    assertThatCode(c::aWrittenCustomerLoadsExactly).doesNotThrowAnyException();
    assertThatCode(c::writesReplaceTheRecordAndAppendTheRest).doesNotThrowAnyException();
    assertThatCode(c::scanHandsBackEachCustomerWhole).doesNotThrowAnyException();
    assertThatCode(c::erasureRemovesSeenEventsAndHistoryToo).doesNotThrowAnyException();
    assertThatCode(c::replaceAllRemovesSeenEventsAndHistoryToo).doesNotThrowAnyException();
    assertThatCode(c::concurrentWritesForDisjointCustomersAllLand).doesNotThrowAnyException();
    assertThatThrownBy(c::aRepeatedHistorySequenceIsRefused)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a batch that repeats stored history entry 1 throws");
    assertThatThrownBy(c::aRefusedBatchStoresNoneOfIt)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a batch that repeats a stored history sequence throws");
    assertThatCode(contract(MemoryCustomerStore::new)::aRepeatedHistorySequenceIsRefused).doesNotThrowAnyException();
  }

  @Test
  void aStoreThatRefusesOnlyARepeatOfAStoredSequenceIsCaught() {
    // a sequence carried twice by one write is refused as well as one the store holds
    assertThatThrownBy(contract(StoredRepeatsOnlyStore::new)::aRepeatedHistorySequenceIsRefused)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a batch whose write carries history entry 2 twice throws");
  }

  @Test
  void aStoreThatStoresAHistoryEntryWhichSkipsASequenceIsCaught() {
    CustomerStoreContract c = contract(PrimaryKeyOnlyStore::new);
    // repeats, stored or carried twice, it refuses whole
    assertThatCode(c::aRepeatedHistorySequenceIsRefused).doesNotThrowAnyException();
    assertThatCode(c::aRefusedBatchStoresNoneOfIt).doesNotThrowAnyException();
    assertThatThrownBy(c::aSkippedHistorySequenceIsRefused)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a batch whose history skips a sequence (2 writes) throws");
  }

  @Test
  void aStoreThatRefusesWithAnUntypedExceptionIsCaught() {
    CustomerStoreContract c = contract(UntypedRefusalStore::new);
    // it stores and refuses what it should
    assertThatCode(c::writesReplaceTheRecordAndAppendTheRest).doesNotThrowAnyException();
    assertThatThrownBy(c::aRepeatedHistorySequenceIsRefused)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a batch that repeats stored history entry 1 throws")
        .hasMessageContaining("CustomerStoreException");
    assertThatThrownBy(c::aRefusedBatchStoresNoneOfIt)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a batch that repeats a stored history sequence throws");
  }

  @Test
  void theReferenceStoreRefusesTheBatchTheAtomicityCheckWrites() {
    // otherwise the check above would hold the reference store to nothing
    CustomerStore store = new MemoryCustomerStore();
    store.write(StoreBatch.of(List.of(new StoreBatch.Write(
        new CustomerRecord(CustomerId.of("x"), 1, new byte[] {1}), List.of(), List.of(new HistoryEntry(0, new byte[] {1}))))));
    assertThatThrownBy(() -> store.write(StoreBatch.of(List.of(new StoreBatch.Write(
        new CustomerRecord(CustomerId.of("x"), 2, new byte[] {2}), List.of(), List.of(new HistoryEntry(0, new byte[] {2})))))))
        .isInstanceOfSatisfying(CustomerStoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreFailure.REFUSED));
  }

  @Test
  void aStoreThatKeepsHistoryAsTextIsCaught() {
    CustomerStoreContract c = contract(TextHistoryStore::new);
    // history written as UTF-8 text survives it
    assertThatCode(c::writesReplaceTheRecordAndAppendTheRest).doesNotThrowAnyException();
    assertThatCode(c::scanHandsBackEachCustomerWhole).doesNotThrowAnyException();
    assertThatThrownBy(c::aWrittenCustomerLoadsExactly)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("history entries, byte for byte");
    assertThatCode(contract(MemoryCustomerStore::new)::aWrittenCustomerLoadsExactly).doesNotThrowAnyException();
  }

  @Test
  void aStoreThatDropsASeenEventIsCaught() {
    assertThatThrownBy(contract(DropsLastSeenEventStore::new)::writesReplaceTheRecordAndAppendTheRest)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seen events appended by three writes");
  }

  @Test
  void aStoreThatFindsCustomersBeforeTheyAreDueIsCaught() {
    assertThatThrownBy(contract(DueASecondEarlyStore::new)::scanAndScanDueFindTheRightCustomers)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("customers due at or before 99");
  }

  @Test
  void aStoreThatLosesThePositionOfABatchWithoutWritesIsCaught() {
    assertThatThrownBy(contract(PositionOnlyWithWritesStore::new)::aPositionIsStoredWithItsBatch)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("position of a batch that carries nothing else");
  }

  @Test
  void aStoreThatStartsWithAPositionIsCaught() {
    CustomerStoreContract c = contract(StartsWithAPositionStore::new);
    // a position written later replaces the one it started with
    assertThatCode(c::aPositionIsStoredWithItsBatch).doesNotThrowAnyException();
    assertThatThrownBy(c::aNewStoreIsEmpty)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("position of a new store");
    assertThatCode(contract(MemoryCustomerStore::new)::aNewStoreIsEmpty).doesNotThrowAnyException();
  }

  @Test
  void aStoreWhoseLoadAllLeavesOutSeenEventsAndHistoryIsCaught() {
    CustomerStoreContract c = contract(RecordsOnlyLoadAllStore::new);
    // load itself is sound
    assertThatCode(c::aWrittenCustomerLoadsExactly).doesNotThrowAnyException();
    assertThatThrownBy(c::loadAllReturnsTheStoredCustomersAmongThoseAsked)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("loadAll of customers 3, 9 and 1");
    assertThatCode(contract(MemoryCustomerStore::new)::loadAllReturnsTheStoredCustomersAmongThoseAsked)
        .doesNotThrowAnyException();
  }

  @Test
  void aStoreWhoseLoadAllReturnsCustomersNotAskedForIsCaught() {
    assertThatThrownBy(contract(LoadsEveryoneStore::new)::loadAllReturnsTheStoredCustomersAmongThoseAsked)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("loadAll of customers 3, 9 and 1");
  }
}
