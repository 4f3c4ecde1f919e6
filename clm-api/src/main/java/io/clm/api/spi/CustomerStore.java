package io.clm.api.spi;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import io.clm.api.annotation.Stable;
import java.util.List;
import java.util.Optional;

/**
 * Persistence for integrators who keep clm's state in their own database. The engine keeps its
 * working set in memory, reads a customer from the store the first time it needs one, and writes
 * every accepted change through to the store before it returns: {@link #save} is called under the
 * customer's lock, once per accepted event, with the stage changes the event appended.
 *
 * <p>Implementations must be thread-safe for different customers; the engine never calls them
 * concurrently for the same customer. A {@code save} that throws fails the event: the engine
 * rethrows and keeps its in-memory state as it was before the event.
 */
@Stable
public interface CustomerStore {

  /**
   * Loads a customer.
   *
   * @param customer the customer
   * @return the stored state, or empty if the store does not know the customer
   */
  Optional<StoredCustomer> load(CustomerId customer);

  /**
   * Stores a customer's new state and appends to its history, atomically.
   *
   * @param customer the new state
   * @param appended stage changes to append to the history, oldest first (often empty)
   */
  void save(StoredCustomer customer, List<StageChange> appended);

  /**
   * A customer's full stage history.
   *
   * @param customer the customer
   * @return the changes, oldest first
   */
  List<StageChange> history(CustomerId customer);

  /**
   * Removes the customer and its history.
   *
   * @param customer the customer
   */
  void erase(CustomerId customer);

  /**
   * A customer as stored: its state and the fingerprints of the event ids it has seen (for
   * idempotency).
   *
   * @param customer the state
   * @param seenEvents 64-bit fingerprints of the ids of the events applied to the customer
   */
  record StoredCustomer(Customer customer, List<Long> seenEvents) {
    /**
     * Copies the fingerprints.
     *
     * @param customer the state
     * @param seenEvents 64-bit fingerprints of the ids of the events applied to the customer
     */
    public StoredCustomer {
      java.util.Objects.requireNonNull(customer, "customer");
      seenEvents = List.copyOf(seenEvents);
    }
  }
}
