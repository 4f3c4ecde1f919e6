package io.clm.api.spi;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where an engine keeps its customers: one {@link CustomerRecord} per customer, the {@link
 * SeenEvent}s and {@link HistoryEntry}s appended to it, the {@link Tombstone}s of erased customers
 * and an optional position string. Pass one to {@code Clm.builder().store(store)}.
 *
 * <p>The engine owns the contents: records and history entries are opaque bytes that only the
 * engine decodes; a store keeps them exactly, and may index the plain columns ({@link
 * CustomerRecord#customer()}, {@link CustomerRecord#dueAt()}). One engine writes to a store at a
 * time.
 *
 * <ul>
 *   <li><b>Restart.</b> An engine built over a store reads every customer once with {@link #scan},
 *       and the tombstones with {@link #tombstones()}; it then reports the same counts, histories
 *       and due customers as the engine that wrote them. An engine that keeps only some customers
 *       in memory reads none at its build: it reads customers back with {@link #loadAll} when it
 *       needs them, finds the due ones with {@link #scanDue}, and counts the
 *       others with one {@link #scan} on first use.
 *   <li><b>Write-through.</b> Every accepted change is one {@link #write} of a {@link StoreBatch},
 *       under the locks of the customers it touches, before the engine returns. A write is all or
 *       nothing. A write that throws fails the operation; the engine keeps its memory as it was.
 *   <li><b>Append, never rewrite.</b> A batch replaces a customer's record (small, fixed size)
 *       and appends the new seen events and history entries; old ones are never sent again.
 *   <li><b>History continues its sequence.</b> A customer's history entries are numbered from 0
 *       without a gap. A store refuses a batch that appends a history entry under a sequence the
 *       customer already holds, whether stored or earlier in the same write, or one that skips a
 *       sequence: {@link #write} throws a {@link CustomerStoreException} of kind {@link
 *       io.clm.api.StoreFailure#REFUSED REFUSED} and stores nothing of the batch. It never replaces
 *       the stored entry, which would let a replayed or faulty append change a customer's stage
 *       history without a trace; and it never stores past a gap, which means an earlier write was
 *       lost and would leave an engine restarted over the store numbering its next change as one
 *       the store holds.
 *   <li><b>Failures.</b> A store reports a failure it can classify as a {@link
 *       CustomerStoreException} with its {@link io.clm.api.StoreFailure kind}, so that a caller
 *       can tell a write worth retrying from one that fails again. The engine passes it on as it
 *       is and wraps anything else a store throws in one of kind {@code FAILED}.
 * </ul>
 *
 * <p>Implementations must be thread-safe: the engine writes batches for disjoint customers from
 * several threads at once. Every implementation should pass the store contract in {@code clm-tck}
 * ({@code io.clm.tck.CustomerStoreContract}).
 */
@Stable
public interface CustomerStore {

  /**
   * Loads one customer.
   *
   * @param customer the customer
   * @return its record, seen events and history (oldest first), or empty if not stored
   */
  Optional<StoredCustomer> load(CustomerId customer);

  /**
   * Loads several customers at once: what {@link #load} returns for each of them that is stored.
   * An engine that keeps only some customers in memory calls it for the customers of a batch and
   * for the customers due. The default calls {@link #load} for each; a store that can read them in
   * fewer round trips should.
   *
   * @param customers the customers, without duplicates
   * @return the stored ones among them, in no particular order
   */
  default List<StoredCustomer> loadAll(Collection<CustomerId> customers) {
    List<StoredCustomer> found = new ArrayList<>(customers.size());
    for (CustomerId customer : customers) {
      load(customer).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Visits every stored customer once, in no particular order.
   *
   * @param action what to do with each
   */
  void scan(Consumer<StoredCustomer> action);

  /**
   * Visits the customers whose {@link CustomerRecord#dueAt()} is at or before an instant.
   *
   * @param epochMillis the instant, epoch milliseconds
   * @param action what to do with the id of each, in no particular order
   */
  void scanDue(long epochMillis, Consumer<CustomerId> action);

  /**
   * The tombstones of every erased customer, in the order they were written.
   *
   * @return the tombstones
   */
  List<Tombstone> tombstones();

  /**
   * The position written with the latest batch that carried one, such as a source offset, so
   * that an integrator can resume a feed exactly where the stored state ends.
   *
   * @return the position, or empty if no batch carried one
   */
  Optional<String> position();

  /**
   * Applies a batch atomically: either every part of it is stored, or (when this method throws)
   * none.
   *
   * @param batch what to store
   * @throws CustomerStoreException of kind {@link io.clm.api.StoreFailure#REFUSED REFUSED} for a
   *     history entry under a sequence the customer already holds or one that skips a sequence,
   *     and with its kind for any
   *     other failure the store can classify; the engine reports it and keeps its memory unchanged
   *     (any other {@code RuntimeException} is a failure of kind {@code FAILED} to the engine)
   */
  void write(StoreBatch batch);
}
