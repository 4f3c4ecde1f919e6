package io.clm.tck;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link CustomerStore} in memory, for tests: the reference implementation of the store contract.
 * Every method holds one lock, so a batch is atomic; it copies what it hands out. A batch whose
 * history entries do not continue each customer's sequence (one repeats a sequence the customer
 * holds, or leaves a gap) is refused with a {@link CustomerStoreException} of kind {@link
 * StoreFailure#REFUSED REFUSED}, before anything of it is stored. Counts the batches written, so
 * that tests can check what an engine writes.
 */
@Experimental
public final class MemoryCustomerStore implements CustomerStore {
  private final Map<CustomerId, CustomerRecord> records = new HashMap<>();
  private final Map<CustomerId, List<SeenEvent>> seen = new HashMap<>();
  private final Map<CustomerId, List<HistoryEntry>> history = new HashMap<>();
  private final List<Tombstone> tombstones = new ArrayList<>();
  private String position;
  private long batches;

  /** Creates an empty store. */
  public MemoryCustomerStore() {}

  @Override
  public synchronized Optional<StoredCustomer> load(CustomerId customer) {
    CustomerRecord record = records.get(customer);
    return record == null ? Optional.empty() : Optional.of(stored(record));
  }

  private StoredCustomer stored(CustomerRecord record) {
    CustomerId id = record.customer();
    return new StoredCustomer(record, seen.getOrDefault(id, List.of()), history.getOrDefault(id, List.of()));
  }

  @Override
  public void scan(Consumer<StoredCustomer> action) {
    List<StoredCustomer> all = new ArrayList<>();
    synchronized (this) {
      for (CustomerRecord r : records.values()) {
        all.add(stored(r));
      }
    }
    all.forEach(action);
  }

  @Override
  public void scanDue(long epochMillis, Consumer<CustomerId> action) {
    List<CustomerId> due = new ArrayList<>();
    synchronized (this) {
      for (CustomerRecord r : records.values()) {
        if (r.dueAt() <= epochMillis) {
          due.add(r.customer());
        }
      }
    }
    due.forEach(action);
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
    for (StoreBatch.Write w : batch.writes()) {
      long next = batch.replaceAll() ? 0 : history.getOrDefault(w.record().customer(), List.of()).size();
      for (HistoryEntry h : w.history()) {
        if (h.sequence() != next) {
          throw new CustomerStoreException(
              "history entry " + h.sequence() + " of customer " + w.record().customer().masked()
                  + (h.sequence() < next ? " is held already" : " leaves a gap") + ": the next is " + next,
              StoreFailure.REFUSED,
              null);
        }
        next++;
      }
    }
    if (batch.replaceAll()) {
      records.clear();
      seen.clear();
      history.clear();
      tombstones.clear();
    }
    for (StoreBatch.Write w : batch.writes()) {
      CustomerId id = w.record().customer();
      records.put(id, w.record());
      seen.computeIfAbsent(id, k -> new ArrayList<>()).addAll(w.seen());
      history.computeIfAbsent(id, k -> new ArrayList<>()).addAll(w.history());
    }
    for (CustomerId e : batch.erasures()) {
      records.remove(e);
      seen.remove(e);
      history.remove(e);
    }
    tombstones.addAll(batch.tombstones());
    batch.position().ifPresent(p -> position = p);
    batches++;
  }

  /**
   * How many batches were written.
   *
   * @return the count
   */
  public synchronized long batches() {
    return batches;
  }

  /**
   * How many customers are stored.
   *
   * @return the count
   */
  public synchronized int size() {
    return records.size();
  }

  /**
   * The masked size only.
   *
   * @return the text
   */
  @Override
  public synchronized String toString() {
    return "MemoryCustomerStore[" + records.size() + " customers, " + tombstones.size() + " tombstones]";
  }
}
