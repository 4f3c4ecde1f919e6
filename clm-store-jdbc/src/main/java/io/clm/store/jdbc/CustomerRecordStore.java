package io.clm.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a durable customer store does, in terms of opaque customer records: the engine encodes a
 * customer's state as bytes, and the store keeps them with the few columns it must be able to
 * query (the customer key and the instant the customer is next due), appends the fingerprints of
 * the events the customer has seen and its stage history rather than rewriting them, writes a
 * batch and the position of the ingested stream in one transaction, and erases a customer's
 * personal data while keeping a mark that counts them in aggregates.
 *
 * <p>Every method may be called from any number of threads. Every write is one transaction: it is
 * stored whole or not at all, and a failure is a {@link JdbcStoreException} that names the store
 * and the operation.
 */
public interface CustomerRecordStore extends AutoCloseable {

  /**
   * The store's name for messages: its JDBC URL without credentials, or the name it was given.
   *
   * @return the name
   */
  String id();

  /**
   * Loads a customer's record with the fingerprints of the events it has seen.
   *
   * @param customerKey the customer's key
   * @return the record, or empty if the store does not hold the customer
   * @throws JdbcStoreException if the database cannot be read
   */
  Optional<Stored> load(String customerKey);

  /**
   * Visits every stored customer in key order, streaming: the store never holds the population
   * in memory. Seen-event fingerprints are not read; {@link #load} reads them for one customer.
   *
   * @param action called once per customer
   * @throws JdbcStoreException if the database cannot be read
   */
  void scan(Consumer<Row> action);

  /**
   * Visits the customers due at or before an instant, earliest first, from the due-time index
   * only. The index keeps microseconds: a customer due within the same microsecond after {@code
   * until} may be included, never one due earlier left out.
   *
   * @param until the instant
   * @param action called once per due customer
   * @throws JdbcStoreException if the database cannot be read
   */
  void forEachDue(Instant until, Consumer<Row> action);

  /**
   * Number of customers stored (erased ones excluded).
   *
   * @return the count
   * @throws JdbcStoreException if the database cannot be read
   */
  long count();

  /**
   * A customer's history entries, in the order they were appended.
   *
   * @param customerKey the customer's key
   * @return the entries; empty for an unknown customer
   * @throws JdbcStoreException if the database cannot be read
   */
  List<byte[]> history(String customerKey);

  /**
   * Writes a batch in one transaction: every record replaced or inserted, every new fingerprint
   * and history entry appended, and the stream position recorded, or nothing at all.
   *
   * @param batch the batch
   * @throws JdbcStoreException if the batch cannot be stored; nothing of it is then stored
   */
  void save(Batch batch);

  /**
   * The stream position recorded by the last batch that carried one.
   *
   * @return the position, or empty if none was recorded
   * @throws JdbcStoreException if the database cannot be read
   */
  OptionalLong position();

  /**
   * Erases a customer in one transaction: its record, seen fingerprints and history are deleted
   * and an erasure mark (a salted fingerprint of the key and the stage, no personal data) is
   * kept so that aggregates keep counting the customer and later events can be refused.
   *
   * @param customerKey the customer's key
   * @param mark the erasure mark
   * @return how many history entries were removed
   * @throws JdbcStoreException if the erasure cannot be stored; nothing is then erased
   */
  int erase(String customerKey, ErasureMark mark);

  /**
   * Whether an erasure mark with this subject fingerprint is stored.
   *
   * @param subject the salted fingerprint of the erased customer's key
   * @return true if erased
   * @throws JdbcStoreException if the database cannot be read
   */
  boolean isErased(long subject);

  /**
   * Erased customers per stage they were in when erased.
   *
   * @return the counts, by stage id; stages without erasures are absent
   * @throws JdbcStoreException if the database cannot be read
   */
  Map<String, Long> erasedPerStage();

  /** Releases the store's connections (the pool it created; never the caller's own data source). */
  @Override
  void close();

  /**
   * A stored customer without its seen-event fingerprints.
   *
   * @param customerKey the customer's key
   * @param record the encoded customer record
   * @param due when the customer is next due for time-dependent rules; empty for never. Kept to
   *     the microsecond (truncated), which is what the due-time index holds
   */
  record Row(String customerKey, byte[] record, Optional<Instant> due) {
    /**
     * Validates the row.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the key is blank or longer than 256 characters, or the
     *     due instant is beyond the years -290,000 to 290,000
     */
    public Row {
      Keys.check(customerKey);
      record = record.clone();
      due = Times.micros(due);
    }

    /**
     * The encoded record.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] record() {
      return record.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && customerKey.equals(r.customerKey) && Arrays.equals(record, r.record) && due.equals(r.due);
    }

    @Override
    public int hashCode() {
      return Objects.hash(customerKey, Arrays.hashCode(record), due);
    }

    @Override
    public String toString() {
      return "Row[" + record.length + " bytes, due=" + due + "]";
    }
  }

  /**
   * A stored customer with the fingerprints of the events it has seen.
   *
   * @param row the record
   * @param seen the fingerprints, ascending
   */
  record Stored(Row row, long[] seen) {
    /**
     * Validates the customer and sorts the fingerprints.
     *
     * @throws NullPointerException if a component is null
     */
    public Stored {
      Objects.requireNonNull(row, "row");
      seen = seen.clone();
      Arrays.sort(seen);
    }

    /**
     * The fingerprints, ascending.
     *
     * @return a copy
     */
    @Override
    public long[] seen() {
      return seen.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Stored s && row.equals(s.row) && Arrays.equals(seen, s.seen);
    }

    @Override
    public int hashCode() {
      return 31 * row.hashCode() + Arrays.hashCode(seen);
    }

    @Override
    public String toString() {
      return "Stored[" + row + ", " + seen.length + " seen]";
    }
  }

  /**
   * One customer's part of a batch.
   *
   * @param row the new record, replacing the stored one
   * @param newSeen fingerprints of the events applied since the last save, appended
   * @param newHistory history entries since the last save, appended in order
   */
  record Write(Row row, long[] newSeen, List<byte[]> newHistory) {
    /**
     * Validates and copies the write.
     *
     * @throws NullPointerException if a component or an entry is null
     * @throws IllegalArgumentException if a fingerprint is repeated
     */
    public Write {
      Objects.requireNonNull(row, "row");
      newSeen = newSeen.clone();
      long[] sorted = newSeen.clone();
      Arrays.sort(sorted);
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i] == sorted[i - 1]) {
          throw new IllegalArgumentException("newSeen repeats fingerprint " + sorted[i]);
        }
      }
      List<byte[]> copies = new ArrayList<>(newHistory.size());
      for (byte[] entry : newHistory) {
        copies.add(Objects.requireNonNull(entry, "history entry").clone());
      }
      newHistory = List.copyOf(copies);
    }

    /**
     * The appended fingerprints.
     *
     * @return a copy
     */
    @Override
    public long[] newSeen() {
      return newSeen.clone();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Write w) || !row.equals(w.row) || !Arrays.equals(newSeen, w.newSeen)
          || newHistory.size() != w.newHistory.size()) {
        return false;
      }
      for (int i = 0; i < newHistory.size(); i++) {
        if (!Arrays.equals(newHistory.get(i), w.newHistory.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return 31 * row.hashCode() + Arrays.hashCode(newSeen);
    }

    @Override
    public String toString() {
      return "Write[" + row + ", " + newSeen.length + " seen, " + newHistory.size() + " history]";
    }
  }

  /**
   * A batch: customers' writes and, optionally, the position of the stream they were read from.
   *
   * @param writes the writes, one per customer
   * @param position the stream position after the batch, recorded with it; empty to leave it
   */
  record Batch(List<Write> writes, OptionalLong position) {
    /**
     * Validates and copies the batch.
     *
     * @throws NullPointerException if a component or a write is null
     * @throws IllegalArgumentException if a customer appears twice or the position is negative
     */
    public Batch {
      writes = List.copyOf(writes);
      Objects.requireNonNull(position, "position");
      Set<String> keys = new HashSet<>();
      for (Write w : writes) {
        if (!keys.add(w.row().customerKey())) {
          throw new IllegalArgumentException("batch writes one customer twice");
        }
      }
      if (position.isPresent() && position.getAsLong() < 0) {
        throw new IllegalArgumentException("position " + position.getAsLong() + " is negative");
      }
    }
  }

  /**
   * What is kept of an erased customer: nothing that identifies them.
   *
   * @param subject a salted fingerprint of the customer's key
   * @param stage the stage the customer was in, for aggregates
   * @param at when the erasure was done
   */
  record ErasureMark(long subject, String stage, Instant at) {
    /**
     * Validates the mark.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the stage is blank
     */
    public ErasureMark {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(at, "at");
      if (stage.isBlank()) {
        throw new IllegalArgumentException("stage is blank");
      }
    }
  }
}
