package io.clm.kafka.streams;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * clm's customer store over one stream task's three key-value stores (laid out as {@link
 * StoreLayout} says): customer records, appended seen events and history, and the {@link
 * DueIndex}. Everything one batch writes reaches the changelogs in the task's transaction, so under
 * exactly-once a batch is committed whole or not at all; a batch that fails half-way fails the task,
 * and Kafka Streams restores the stores from the changelogs before it runs again.
 *
 * <p>History entries continue each customer's sequence: a batch that repeats or skips a sequence is
 * refused whole (see {@link #write}), instead of a put replacing the stored stage change.
 *
 * <p>Kafka Streams runs a task on one thread at a time; the methods are synchronized all the same,
 * as the store SPI asks, which costs an uncontended lock per call.
 *
 * <p>The header of each customer record written through this store (where the due-time index
 * lists it, how many seen events and history entries it has) is also kept in memory, so that a
 * write does not read the record back from the store first. A store lives as long as its task's processor, and Kafka
 * Streams re-creates both after a failure, so the copy never outlives what the stores committed.
 *
 * <p>With a deduplication window, {@link #prune} removes the seen events that the engine can no
 * longer be asked about: those older than the window before the customer's latest seen event. An
 * event that old is refused by the engine as too old before its id is looked up, so the rows serve
 * no purpose, and without pruning a restore would read one row per event the customer ever had.
 */
final class KafkaCustomerStore implements CustomerStore {
  private final KeyValueStore<Bytes, byte[]> customers;
  private final KeyValueStore<Bytes, byte[]> appended;
  private final DueIndex due;
  private final KeyValueStore<Bytes, byte[]> dueStore;
  private final Map<CustomerId, Header> headers = new HashMap<>();
  private final long windowMillis;
  private final List<CustomerId> appendedSincePrune = new ArrayList<>();

  /** The part of a stored customer record that a write needs: see {@link StoreLayout}. */
  private static final class Header {
    long indexed;
    int seen;
    int history;
    boolean appendedSincePrune;

    Header(long indexed, int seen, int history) {
      this.indexed = indexed;
      this.seen = seen;
      this.history = history;
    }
  }

  KafkaCustomerStore(
      KeyValueStore<Bytes, byte[]> customers, KeyValueStore<Bytes, byte[]> appended, KeyValueStore<Bytes, byte[]> due) {
    this(customers, appended, due, Long.MAX_VALUE);
  }

  /**
   * A store that can {@link #prune} the seen events older than a deduplication window.
   *
   * @param windowMillis the engine's deduplication window; {@code Long.MAX_VALUE} for none, which
   *     keeps every seen event
   */
  KafkaCustomerStore(
      KeyValueStore<Bytes, byte[]> customers,
      KeyValueStore<Bytes, byte[]> appended,
      KeyValueStore<Bytes, byte[]> due,
      long windowMillis) {
    this.windowMillis = windowMillis;
    this.customers = customers;
    this.appended = appended;
    this.dueStore = due;
    this.due = new DueIndex(due);
  }

  @Override
  public synchronized Optional<StoredCustomer> load(CustomerId customer) {
    return StoreLayout.load(customers, appended, customer);
  }

  /**
   * Visits every customer in one pass over each store: customer records and appended rows are
   * both ordered by customer id (see {@link StoreLayout}), so the rows of each customer follow one
   * another and two iterators suffice, instead of two range reads per customer.
   */
  @Override
  public synchronized void scan(Consumer<StoredCustomer> action) {
    try (KeyValueIterator<Bytes, byte[]> records = customers.all();
        KeyValueIterator<Bytes, byte[]> rows = appended.all()) {
      KeyValue<Bytes, byte[]> row = rows.hasNext() ? rows.next() : null;
      while (records.hasNext()) {
        KeyValue<Bytes, byte[]> record = records.next();
        if (!StoreLayout.isCustomerKey(record.key)) {
          continue;
        }
        byte[] id = record.key.get();
        while (row != null && StoreLayout.compareOwner(row.key.get(), id) < 0) {
          row = rows.hasNext() ? rows.next() : null;
        }
        List<SeenEvent> seen = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        while (row != null && StoreLayout.compareOwner(row.key.get(), id) == 0) {
          StoreLayout.addRow(row, seen, history);
          row = rows.hasNext() ? rows.next() : null;
        }
        action.accept(StoreLayout.customer(record.key, record.value, seen, history));
      }
    }
  }

  @Override
  public synchronized void scanDue(long epochMillis, Consumer<CustomerId> action) {
    due.dueUpTo(epochMillis, Integer.MAX_VALUE).forEach(action);
  }

  /** Up to {@code limit} customers the due-time index lists at or before an instant, earliest first. */
  synchronized List<CustomerId> due(long epochMillis, int limit) {
    return due.dueUpTo(epochMillis, limit);
  }

  /**
   * The instant under which the due-time index lists a customer; {@code Long.MAX_VALUE} if it does
   * not list it.
   */
  synchronized long indexedAt(CustomerId id) {
    byte[] value = customers.get(StoreLayout.customerKey(id));
    return value == null ? Long.MAX_VALUE : StoreLayout.indexed(value);
  }

  @Override
  public synchronized List<Tombstone> tombstones() {
    List<Tombstone> tombstones = new ArrayList<>();
    long count = tombstoneCount();
    for (long i = 0; i < count; i++) {
      byte[] keyed = customers.get(StoreLayout.keyedTombstoneKey(i));
      Tombstone.Scheme scheme = keyed != null ? Tombstone.Scheme.KEYED : Tombstone.Scheme.SALTED;
      ByteBuffer t = ByteBuffer.wrap(keyed != null ? keyed : customers.get(StoreLayout.tombstoneKey(i)));
      long check = t.getLong();
      long fingerprint = t.getLong();
      byte[] stage = new byte[t.remaining()];
      t.get(stage);
      tombstones.add(new Tombstone(scheme, check, fingerprint, new String(stage, StandardCharsets.UTF_8)));
    }
    return tombstones;
  }

  private long tombstoneCount() {
    byte[] count = customers.get(StoreLayout.TOMBSTONE_COUNT);
    return count == null ? 0 : ByteBuffer.wrap(count).getLong();
  }

  @Override
  public synchronized Optional<String> position() {
    byte[] position = customers.get(StoreLayout.POSITION);
    return position == null ? Optional.empty() : Optional.of(new String(position, StandardCharsets.UTF_8));
  }

  /**
   * Writes a batch: per customer its seen events and history entries, then its record, which
   * counts them (see {@link StoreLayout} for why in that order). A history entry that does not
   * continue the customer's sequence is refused before anything of the batch is written: one under
   * a sequence the customer holds already, in the store or earlier in the same write, which a put
   * would write over, and one that leaves a gap, which the record's count of history entries could
   * not describe.
   *
   * @throws CustomerStoreException of kind {@link io.clm.api.StoreFailure#REFUSED REFUSED}, naming
   *     the masked customer id and the sequence, if the batch repeats or skips a history sequence
   */
  @Override
  public synchronized void write(StoreBatch batch) {
    for (StoreBatch.Write w : batch.writes()) {
      refuseBrokenHistory(w, batch.replaceAll());
    }
    if (batch.replaceAll()) {
      clear(customers);
      clear(appended);
      clear(dueStore);
      headers.clear();
      appendedSincePrune.clear();
    }
    for (StoreBatch.Write w : batch.writes()) {
      CustomerId id = w.record().customer();
      Bytes key = StoreLayout.customerKey(id);
      Header header = header(id, key);
      int seen = header.seen;
      for (SeenEvent e : w.seen()) {
        appended.put(StoreLayout.appendedKey(id, StoreLayout.SEEN, seen++), StoreLayout.seenValue(e));
      }
      for (HistoryEntry h : w.history()) {
        appended.put(StoreLayout.appendedKey(id, StoreLayout.HISTORY, h.sequence()), h.change());
      }
      int history = header.history + w.history().size();
      long dueAt = w.record().dueAt();
      customers.put(key, StoreLayout.customerValue(dueAt, w.record(), seen, history));
      due.move(id, header.indexed, dueAt);
      header.indexed = dueAt;
      header.seen = seen;
      header.history = history;
      if (windowMillis != Long.MAX_VALUE && !w.seen().isEmpty() && !header.appendedSincePrune) {
        header.appendedSincePrune = true;
        appendedSincePrune.add(id);
      }
    }
    for (CustomerId erased : batch.erasures()) {
      erase(erased);
    }
    for (Tombstone t : batch.tombstones()) {
      long count = tombstoneCount();
      byte[] stage = t.stage().getBytes(StandardCharsets.UTF_8);
      customers.put(
          t.scheme() == Tombstone.Scheme.KEYED ? StoreLayout.keyedTombstoneKey(count) : StoreLayout.tombstoneKey(count),
          ByteBuffer.allocate(16 + stage.length).putLong(t.check()).putLong(t.fingerprint()).put(stage).array());
      customers.put(StoreLayout.TOMBSTONE_COUNT, ByteBuffer.allocate(8).putLong(count + 1).array());
    }
    batch.position().ifPresent(p -> customers.put(StoreLayout.POSITION, p.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Throws if a write's history entries do not continue the customer's sequence (from 0 when the
   * batch replaces the whole store): if one repeats a sequence the customer holds, in the store or
   * earlier in the write, or skips one.
   */
  private void refuseBrokenHistory(StoreBatch.Write w, boolean replaceAll) {
    if (w.history().isEmpty()) {
      return;
    }
    CustomerId id = w.record().customer();
    long next = replaceAll ? 0 : header(id, StoreLayout.customerKey(id)).history;
    for (HistoryEntry h : w.history()) {
      if (h.sequence() < next) {
        throw new CustomerStoreException(
            "history entry " + h.sequence() + " of customer " + id.masked()
                + " is held already; a history sequence is appended once, so nothing of the batch was written",
            StoreFailure.REFUSED,
            null);
      }
      if (h.sequence() > next) {
        throw new CustomerStoreException(
            "history entry " + h.sequence() + " of customer " + id.masked() + " leaves a gap: the next sequence is "
                + next + ", so nothing of the batch was written",
            StoreFailure.REFUSED,
            null);
      }
      next++;
    }
  }

  /**
   * Removes, for every customer whose seen events grew since the last call, the seen events older
   * than the deduplication window before its latest one. Reads only those customers' seen events.
   *
   * @return how many seen events were removed
   */
  synchronized long prune() {
    long removed = 0;
    for (CustomerId id : appendedSincePrune) {
      Header header = headers.get(id);
      if (header == null) {
        continue; // erased since
      }
      header.appendedSincePrune = false;
      List<Bytes> keys = new ArrayList<>();
      List<Long> times = new ArrayList<>();
      long latest = Long.MIN_VALUE;
      try (KeyValueIterator<Bytes, byte[]> it = StoreLayout.range(appended, id, StoreLayout.SEEN)) {
        while (it.hasNext()) {
          KeyValue<Bytes, byte[]> entry = it.next();
          long at = StoreLayout.seenAt(entry.value);
          keys.add(entry.key);
          times.add(at);
          latest = Math.max(latest, at);
        }
      }
      // The engine refuses an event older than its customer's latest event minus the window; the
      // latest seen event is at most that latest event, so this cutoff never drops a row it needs.
      long cutoff = latest - windowMillis;
      for (int i = 0; i < keys.size(); i++) {
        if (times.get(i) < cutoff) {
          appended.put(keys.get(i), null);
          removed++;
        }
      }
    }
    appendedSincePrune.clear();
    return removed;
  }

  private Header header(CustomerId id, Bytes key) {
    Header header = headers.get(id);
    if (header == null) {
      byte[] stored = customers.get(key);
      header =
          stored == null
              ? new Header(Long.MAX_VALUE, 0, 0)
              : new Header(StoreLayout.indexed(stored), StoreLayout.seenCount(id, stored), historyCount(id, stored));
      headers.put(id, header);
    }
    return header;
  }

  /** The number of history entries of a stored record; a layout-1 record has none, so its rows are counted. */
  private int historyCount(CustomerId id, byte[] stored) {
    int count = StoreLayout.historyCount(id, stored);
    if (count < 0) {
      count = 0;
      try (KeyValueIterator<Bytes, byte[]> it = StoreLayout.range(appended, id, StoreLayout.HISTORY)) {
        for (; it.hasNext(); it.next()) {
          count++;
        }
      }
    }
    return count;
  }

  private void erase(CustomerId id) {
    headers.remove(id);
    Bytes key = StoreLayout.customerKey(id);
    byte[] previous = customers.get(key);
    if (previous != null) {
      due.move(id, StoreLayout.indexed(previous), Long.MAX_VALUE);
      customers.delete(key);
    }
    for (byte kind : new byte[] {StoreLayout.SEEN, StoreLayout.HISTORY}) {
      List<Bytes> keys = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> it = StoreLayout.range(appended, id, kind)) {
        it.forEachRemaining(entry -> keys.add(entry.key));
      }
      keys.forEach(appended::delete);
    }
  }

  /**
   * Lists a customer under a later instant in the due-time index, after a punctuation looked at
   * it: whatever was due has fired or no longer holds, so the next instant lies after {@code now}.
   * The record itself is left as the engine wrote it.
   */
  synchronized void reschedule(CustomerId id, Optional<Customer> customer, LifecycleModel model, long now) {
    Bytes key = StoreLayout.customerKey(id);
    byte[] value = customers.get(key);
    if (value == null || customer.isEmpty()) {
      return;
    }
    long indexed = StoreLayout.indexed(value);
    long written = StoreLayout.dueAt(value);
    long next = written > now ? written : DueIndex.nextDue(model, customer.get(), now);
    if (next != indexed) {
      customers.put(key, StoreLayout.withIndexed(value, next));
      due.move(id, indexed, next);
      Header header = headers.get(id);
      if (header != null) {
        header.indexed = next;
      }
    }
  }

  private static void clear(KeyValueStore<Bytes, byte[]> store) {
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
      all.forEachRemaining((KeyValue<Bytes, byte[]> entry) -> keys.add(entry.key));
    }
    keys.forEach(store::delete);
  }
}
