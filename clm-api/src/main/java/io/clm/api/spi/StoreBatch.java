package io.clm.api.spi;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
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
 * record and appends the seen events and history entries; then it removes the record, seen events
 * and history of every customer in {@link #erasures()}; then it adds the {@link #tombstones()};
 * finally it stores the position if one is present. A customer appears at most once in a batch.
 *
 * @param writes customers written
 * @param erasures customers erased: everything stored about them is removed
 * @param tombstones tombstones to add: one per erasure, or the erased fingerprints of a snapshot
 * @param position a position to store atomically with the rest, such as a source offset
 * @param replaceAll whether the batch replaces the store's whole contents (a snapshot import)
 */
@Experimental
public record StoreBatch(
    List<Write> writes,
    List<CustomerId> erasures,
    List<Tombstone> tombstones,
    Optional<String> position,
    boolean replaceAll) {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a customer appears twice
   * @param writes customers written
   * @param erasures customers erased: everything stored about them is removed
   * @param tombstones tombstones to add: one per erasure, or the erased fingerprints of a snapshot
   * @param position a position to store atomically with the rest, such as a source offset
   * @param replaceAll whether the batch replaces the store's whole contents (a snapshot import)
   */
  public StoreBatch {
    writes = List.copyOf(writes);
    erasures = List.copyOf(erasures);
    tombstones = List.copyOf(tombstones);
    Objects.requireNonNull(position, "position");
    Set<CustomerId> ids = new HashSet<>();
    for (Write w : writes) {
      if (!ids.add(w.record().customer())) {
        throw new IllegalArgumentException("batch writes customer " + w.record().customer().masked() + " twice");
      }
    }
    for (CustomerId e : erasures) {
      if (!ids.add(e)) {
        throw new IllegalArgumentException("batch names customer " + e.masked() + " twice");
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
    return new StoreBatch(writes, List.of(), List.of(), Optional.empty(), false);
  }

  /**
   * The batch that erases one customer and keeps its tombstone.
   *
   * @param customer the customer
   * @param tombstone what remains of it
   * @return the batch
   */
  public static StoreBatch erase(CustomerId customer, Tombstone tombstone) {
    return new StoreBatch(List.of(), List.of(customer), List.of(tombstone), Optional.empty(), false);
  }

  /**
   * One customer written: its new record and what to append.
   *
   * @param record the new record, replacing the stored one
   * @param seen seen events to append
   * @param history history entries to append, continuing the stored sequence; a store refuses
   *     the batch if one repeats a sequence the customer holds
   */
  public record Write(CustomerRecord record, List<SeenEvent> seen, List<HistoryEntry> history) {
    /**
     * Checks and copies.
     *
     * @throws NullPointerException if a component is null
     * @param record the new record, replacing the stored one
     * @param seen seen events to append
     * @param history history entries to append, continuing the stored sequence; a store refuses
     *     the batch if one repeats a sequence the customer holds
     */
    public Write {
      Objects.requireNonNull(record, "record");
      seen = List.copyOf(seen);
      history = List.copyOf(history);
    }
  }
}
