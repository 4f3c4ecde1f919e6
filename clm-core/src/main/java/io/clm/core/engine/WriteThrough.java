package io.clm.core.engine;

import io.clm.api.ClmException;
import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.StageChange;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Write-through to the {@link CustomerStore}, when one is configured: what the store gets for a
 * changed customer (its record, the seen events and stage changes to append), saving with
 * rollback of the customer's state when the store fails, and reading the store back at restart.
 * Without a store every method is a no-op that allocates nothing.
 */
final class WriteThrough {
  private final CustomerStore store;
  private final CustomerCodec codec;
  private final StageRules rules;
  /** The erased customers, whom the store must not list as live. */
  private final ErasedIds erased;

  WriteThrough(CustomerStore store, CustomerCodec codec, StageRules rules, ErasedIds erased) {
    this.store = store;
    this.codec = codec;
    this.rules = rules;
    this.erased = erased;
  }

  /** A copy to roll back to if the store fails, or null without a store. */
  CustomerState backup(CustomerState s) {
    return store == null ? null : s.copy();
  }

  /**
   * Saves a changed customer; if the store fails, restores {@code s} from {@code backup} (when
   * not null) and throws.
   *
   * @param changes the stage changes to append, or null for none
   * @throws CustomerStoreException naming the customer's masked id when the store fails
   */
  void save(CustomerState s, CustomerState backup, List<SeenEvent> seen, List<StageChange> changes) {
    if (store == null) {
      return;
    }
    try {
      store.write(StoreBatch.of(List.of(write(s, seen, changes == null ? List.of() : changes))));
    } catch (RuntimeException e) {
      if (backup != null) {
        s.copyFrom(backup);
      }
      throw failure(s.id(), e);
    }
  }

  /** Saves several customers atomically; {@code first} names the batch in an error. */
  void saveAll(List<StoreBatch.Write> writes, CustomerId first) {
    if (store == null || writes.isEmpty()) {
      return;
    }
    try {
      store.write(StoreBatch.of(writes));
    } catch (RuntimeException e) {
      throw failure(first, e);
    }
  }

  /** Stores an erasure: the customer's data goes, the tombstone stays. */
  void erase(CustomerId customer, Tombstone tombstone) {
    if (store == null) {
      return;
    }
    try {
      store.write(StoreBatch.erase(customer, tombstone));
    } catch (RuntimeException e) {
      throw failure(customer, e);
    }
  }

  /** Replaces the store's whole contents (snapshot import). */
  void replace(StoreBatch replacement) {
    if (store == null) {
      return;
    }
    try {
      store.write(replacement);
    } catch (RuntimeException e) {
      throw failed("import the snapshot", e);
    }
  }

  boolean enabled() {
    return store != null;
  }

  private static CustomerStoreException failure(CustomerId id, RuntimeException e) {
    return failed("save customer " + id.masked(), e);
  }

  /**
   * The store's failure to do {@code what}: as is if it is a {@link CustomerStoreException}, else
   * wrapped in one of kind {@link StoreFailure#FAILED FAILED} that names the operation and the
   * exception's class, never its message (which may hold data).
   */
  private static CustomerStoreException failed(String what, RuntimeException e) {
    return e instanceof CustomerStoreException s ? s
        : new CustomerStoreException(
            "the customer store failed to " + what + ": " + e.getClass().getName(), StoreFailure.FAILED, e);
  }

  /**
   * Carries what the engine's side of a scan threw (decoding a record, or the action of {@code
   * forEachCustomer}) through the store's {@code scan}, so that it is not taken for the store's.
   */
  private static final class Visit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What the engine's side threw. */
    final transient RuntimeException failure;

    Visit(RuntimeException failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  /** What the store gets for a customer: its record, and the seen events and changes to append. */
  StoreBatch.Write write(CustomerState s, List<SeenEvent> seen, List<StageChange> changes) {
    return write(s, Math.max(s.time, s.stageEnteredAt), seen, changes);
  }

  /**
   * What the store gets for a customer evaluated at {@code now}: its record, due when its
   * time-driven rules can next fire after {@code now}, and the seen events and changes to append.
   */
  StoreBatch.Write write(CustomerState s, long now, List<SeenEvent> seen, List<StageChange> changes) {
    int n = s.historySize();
    List<HistoryEntry> entries = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      entries.add(new HistoryEntry(n - changes.size() + i, codec.encodeChange(changes.get(i))));
    }
    return new StoreBatch.Write(new CustomerRecord(s.id(), rules.dueOf(s, now), codec.encodeState(s)), seen, entries);
  }

  /** The store's tombstones, for a restart. */
  void restore(Consumer<Tombstone> tombstones) {
    if (store == null) {
      return;
    }
    List<Tombstone> all = store.tombstones();
    all.stream()
        .filter(t -> t.scheme() == Tombstone.Scheme.SALTED)
        .findFirst()
        .ifPresent(t -> erased.salt = t.check());
    all.forEach(tombstones);
  }

  /**
   * Every stored customer, in no order: decoded whole when {@code whole}, else only its record
   * (seen events and history left out), which is enough to count it.
   *
   * @throws CorruptRecordException if the store lists an erased customer as live
   */
  void scan(boolean whole, Consumer<CustomerState> customers) {
    if (store == null) {
      return;
    }
    try {
      store.scan(stored -> {
        try {
          customers.accept(live(
              whole ? decode(stored) : codec.decodeState(stored.record().customer(), stored.record().state())));
        } catch (RuntimeException e) {
          throw new Visit(e);
        }
      });
    } catch (Visit v) {
      throw v.failure; // a corrupt record, or the failure of the caller's action: not the store's
    } catch (RuntimeException e) {
      throw failed("scan its customers", e);
    }
  }

  /**
   * Those of {@code ids} that the store holds, read back in one call.
   *
   * @throws ClmException naming the (first) customer's masked id when the store fails (a {@link
   *     CustomerStoreException}), or naming a
   *     customer the store returned without being asked for it or lists as live though erased
   */
  List<CustomerState> loadAll(List<CustomerId> ids) {
    List<StoredCustomer> stored;
    try {
      stored = store.loadAll(ids);
    } catch (RuntimeException e) {
      throw failed(ids.size() == 1 ? "load customer " + ids.get(0).masked()
          : "load " + ids.size() + " customers, the first " + ids.get(0).masked(), e);
    }
    Set<CustomerId> asked = new HashSet<>(ids);
    List<CustomerState> states = new ArrayList<>(stored.size());
    for (StoredCustomer s : stored) {
      if (!asked.remove(s.record().customer())) {
        throw new CorruptRecordException(
            "the store returned customer " + s.record().customer().masked() + " without being asked for it, or twice");
      }
      states.add(live(decode(s)));
    }
    return states;
  }

  /**
   * {@code s}, read from the store as live.
   *
   * @throws CorruptRecordException if the store also holds a tombstone of the customer
   */
  private CustomerState live(CustomerState s) {
    if (erased.contains(s.id())) {
      throw new CorruptRecordException("the store lists erased customer " + s.id().masked() + " as live");
    }
    return s;
  }

  /** The customers the store lists as due at or before {@code t}, by stripe index. */
  List<List<CustomerId>> dueByStripe(long t) {
    List<List<CustomerId>> due = new ArrayList<>(Stripes.COUNT);
    for (int i = 0; i < Stripes.COUNT; i++) {
      due.add(new ArrayList<>());
    }
    try {
      store.scanDue(t, id -> due.get(Stripes.index(id)).add(id));
    } catch (RuntimeException e) {
      throw failed("list the customers due", e);
    }
    return due;
  }

  /** A stored customer as state: its record, its seen events and its history. */
  CustomerState decode(StoredCustomer stored) {
    CustomerId id = stored.record().customer();
    CustomerState s = codec.decodeState(id, stored.record().state());
    for (SeenEvent e : stored.seen()) {
      SeenIds.restore(s, e);
    }
    s.seenRestored();
    for (HistoryEntry h : stored.history()) {
      s.append(codec.decodeChange(id, h.change()));
    }
    return s;
  }

  /** The batch that makes a store hold exactly these customers and tombstones. */
  StoreBatch replacement(List<CustomerState> customers, List<Tombstone> tombstones) {
    List<StoreBatch.Write> writes = new ArrayList<>(customers.size());
    for (CustomerState s : customers) {
      List<SeenEvent> seen = new ArrayList<>(s.seenCount);
      for (long[] row : SeenIds.sorted(s)) {
        seen.add(new SeenEvent(row[0], row[1], row[2]));
      }
      writes.add(write(s, seen, s.historyList()));
    }
    return new StoreBatch(writes, List.of(), tombstones, Optional.empty(), true);
  }

  /** The error for a store that lists a customer twice. */
  static CorruptRecordException listedTwice(CustomerId id) {
    return new CorruptRecordException("the store lists customer " + id.masked() + " twice");
  }
}
