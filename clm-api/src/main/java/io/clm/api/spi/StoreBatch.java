package io.clm.api.spi;

import io.clm.api.CustomerId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One atomic write to a {@link CustomerStore}.
 *
 * <p>A store applies it in this order: if {@link #replaceAll()}, it first removes every customer,
 * seen event, history entry and tombstone; then, per {@link Write}, it replaces the customer's
 * record and appends the seen events and history entries; then, per {@link Erase}, it removes the
 * customer's record, seen events and history, and adds the tombstone; finally it stores the
 * position if one is present. A customer appears at most once in a batch.
 *
 * @param writes customers written
 * @param erasures customers erased
 * @param position a position to store atomically with the rest, such as a source offset
 * @param replaceAll whether the batch replaces the store's whole contents (a snapshot import)
 */
public record StoreBatch(
    List<Write> writes, List<Erase> erasures, Optional<String> position, boolean replaceAll) {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a customer appears twice
   */
  public StoreBatch {
    writes = List.copyOf(writes);
    erasures = List.copyOf(erasures);
    Objects.requireNonNull(position, "position");
    Set<CustomerId> ids = new HashSet<>();
    for (Write w : writes) {
      if (!ids.add(w.record().customer())) {
        throw new IllegalArgumentException("batch writes customer " + w.record().customer().masked() + " twice");
      }
    }
    for (Erase e : erasures) {
      if (!ids.add(e.customer())) {
        throw new IllegalArgumentException("batch names customer " + e.customer().masked() + " twice");
      }
    }
  }

  /**
   * A batch of writes, without erasures or position.
   *
   * @param writes the writes
   * @return the batch
   */
  public static StoreBatch of(List<Write> writes) {
    return new StoreBatch(writes, List.of(), Optional.empty(), false);
  }

  /**
   * One customer written: its new record and what to append.
   *
   * @param record the new record, replacing the stored one
   * @param seen seen events to append
   * @param history history entries to append, continuing the stored sequence
   */
  public record Write(CustomerRecord record, List<SeenEvent> seen, List<HistoryEntry> history) {
    /**
     * Checks and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public Write {
      Objects.requireNonNull(record, "record");
      seen = List.copyOf(seen);
      history = List.copyOf(history);
    }
  }

  /**
   * One customer erased.
   *
   * @param customer the customer whose record, seen events and history are removed
   * @param tombstone what is kept instead
   */
  public record Erase(CustomerId customer, Tombstone tombstone) {
    /**
     * Checks.
     *
     * @throws NullPointerException if a component is null
     */
    public Erase {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(tombstone, "tombstone");
    }
  }
}
