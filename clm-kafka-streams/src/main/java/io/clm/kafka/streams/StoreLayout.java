package io.clm.kafka.streams;

import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoredCustomer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How a task's stores hold clm's customer records (the engine's opaque bytes) and what is appended
 * to them.
 *
 * <pre>
 * customers store, key = customer id (UTF-8), value in layout 2:
 *   long indexed   the instant under which the due-time index lists the customer (MAX_VALUE: not listed)
 *   long dueAt     the record's dueAt column, as the engine wrote it
 *   int  -2        the layout, negated
 *   int  seen      number of seen events appended (sequences 0 to seen - 1, the oldest maybe pruned)
 *   int  history   number of history entries appended (sequences 0 to history - 1)
 *   then the record's state bytes
 * value in layout 1, written by earlier versions and still read (a write replaces it with layout 2):
 *   long indexed, long dueAt, int seen (never negative), then the record's state bytes
 * customers store, reserved keys (a customer id never starts with byte 0):
 *   [0, 'k', sequence]  a keyed tombstone: long key check value, long fingerprint, stage id (UTF-8)
 *   [0, 't', sequence]  a salted tombstone of earlier versions: long salt, long fingerprint, stage id
 *                       (one sequence numbers both kinds, so each sequence is under one of the keys)
 *   [0, 'n']            number of tombstones, a long
 *   [0, 'p']            the position, UTF-8
 * appended store, key = customer id, 0, kind, long sequence (big-endian):
 *   kind 's'  a seen event: long id, long content, long at
 *   kind 'h'  a history entry: the engine's bytes of one stage change
 * </pre>
 *
 * <p>A customer id holds no control character, so the byte 0 after it ends it unambiguously and a
 * range over [id, 0, kind, 0...] to [id, 0, kind, ff...] holds exactly one customer's entries of one
 * kind, in sequence order.
 *
 * <p><b>Reads consistent with one write.</b> {@link KafkaCustomerStore} writes a customer's seen
 * events and history entries before its record, never rewrites them, and deletes them only after
 * the record, when the customer is erased. So every row a record counts was put before the record
 * and is still there unless the customer was erased since; rows put after it have sequences at or
 * beyond its counts. {@link #load} reads the record, then the rows it counts and no others, then
 * checks that the record is still there (an erased customer is never written again, its tombstone
 * refuses its events); a query on another thread therefore sees the customer as one write left
 * it, never a history one change ahead of the record's stage or cut short by an erasure. A layout-1 record carries no history count: its history is read
 * whole, as earlier versions did, until the customer's next write.
 */
final class StoreLayout {
  /** The bytes before the state of a layout-1 record. */
  static final int HEADER_V1 = 8 + 8 + 4;
  /** The bytes before the state of a layout-2 record. */
  static final int HEADER = 8 + 8 + 4 + 4 + 4;
  /** The layout of the records written, stored negated where layout 1 has its (never negative) seen count. */
  static final int LAYOUT = 2;
  static final byte SEEN = 's';
  static final byte HISTORY = 'h';
  static final Bytes TOMBSTONE_COUNT = Bytes.wrap(new byte[] {0, 'n'});
  static final Bytes POSITION = Bytes.wrap(new byte[] {0, 'p'});

  private StoreLayout() {}

  static Bytes customerKey(CustomerId customer) {
    return Bytes.wrap(customer.value().getBytes(StandardCharsets.UTF_8));
  }

  static boolean isCustomerKey(Bytes key) {
    return key.get().length > 0 && key.get()[0] != 0;
  }

  static CustomerId customerOf(Bytes key) {
    return new CustomerId(new String(key.get(), StandardCharsets.UTF_8));
  }

  static Bytes tombstoneKey(long sequence) {
    return Bytes.wrap(ByteBuffer.allocate(10).put((byte) 0).put((byte) 't').putLong(sequence).array());
  }

  static Bytes keyedTombstoneKey(long sequence) {
    return Bytes.wrap(ByteBuffer.allocate(10).put((byte) 0).put((byte) 'k').putLong(sequence).array());
  }

  static Bytes appendedKey(CustomerId customer, byte kind, long sequence) {
    byte[] id = customer.value().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(id.length + 10).put(id).put((byte) 0).put(kind).putLong(sequence).array());
  }

  static byte[] customerValue(long indexed, CustomerRecord record, int seen, int history) {
    byte[] state = record.state();
    return ByteBuffer.allocate(HEADER + state.length)
        .putLong(indexed)
        .putLong(record.dueAt())
        .putInt(-LAYOUT)
        .putInt(seen)
        .putInt(history)
        .put(state)
        .array();
  }

  static long indexed(byte[] value) {
    return ByteBuffer.wrap(value).getLong(0);
  }

  static long dueAt(byte[] value) {
    return ByteBuffer.wrap(value).getLong(8);
  }

  /**
   * Whether a customer's record is in layout 1, without a history count.
   *
   * @throws CorruptRecordException for a layout this version does not know
   */
  private static boolean layout1(CustomerId id, byte[] value) {
    int field = ByteBuffer.wrap(value).getInt(16);
    if (field >= 0) {
      return true;
    }
    if (field != -LAYOUT) {
      throw new CorruptRecordException(
          "record of customer " + id.masked() + " has store layout " + -(long) field + "; this version reads layouts 1 and "
              + LAYOUT);
    }
    return false;
  }

  static int seenCount(CustomerId id, byte[] value) {
    return ByteBuffer.wrap(value).getInt(layout1(id, value) ? 16 : 20);
  }

  /** The number of history entries a customer's record counts, or -1 for a layout-1 record, which has none. */
  static int historyCount(CustomerId id, byte[] value) {
    return layout1(id, value) ? -1 : ByteBuffer.wrap(value).getInt(24);
  }

  static byte[] withIndexed(byte[] value, long indexed) {
    byte[] copy = value.clone();
    ByteBuffer.wrap(copy).putLong(0, indexed);
    return copy;
  }

  static byte[] seenValue(SeenEvent e) {
    return ByteBuffer.allocate(24).putLong(e.id()).putLong(e.content()).putLong(e.at()).array();
  }

  /** The event time, epoch millis, of a seen event's value. */
  static long seenAt(byte[] value) {
    return ByteBuffer.wrap(value).getLong(16);
  }

  /**
   * Reads one customer with the seen events and history entries its record counts (all of them for
   * a layout-1 record): see the class comment for why this is consistent with one write of the
   * customer, also while the stream thread writes.
   *
   * @return the customer, or empty if the store does not hold it, or no longer once its rows are
   *     read (it was erased meanwhile)
   * @throws CorruptRecordException if the record counts history entries the store does not hold
   *     (a store that lost rows), or has a layout this version does not know
   */
  static Optional<StoredCustomer> load(
      ReadOnlyKeyValueStore<Bytes, byte[]> customers, ReadOnlyKeyValueStore<Bytes, byte[]> appended, CustomerId id) {
    Bytes key = customerKey(id);
    byte[] value = customers.get(key);
    if (value == null) {
      return Optional.empty();
    }
    int seenCount = seenCount(id, value);
    int historyCount = historyCount(id, value);
    List<SeenEvent> seen = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    if (historyCount != 0) {
      try (KeyValueIterator<Bytes, byte[]> it =
          historyCount < 0 ? range(appended, id, HISTORY) : range(appended, id, HISTORY, historyCount)) {
        it.forEachRemaining(row -> addRow(row, seen, history));
      }
    }
    if (seenCount != 0) {
      try (KeyValueIterator<Bytes, byte[]> it = range(appended, id, SEEN, seenCount)) {
        it.forEachRemaining(row -> addRow(row, seen, history));
      }
    }
    // An erasure deletes the record before the rows, and the customer is never written again (its
    // tombstone refuses its events): a record still there now means no erasure touched the rows read.
    if (customers.get(key) == null) {
      return Optional.empty();
    }
    if (historyCount >= 0 && history.size() != historyCount) {
      throw new CorruptRecordException(
          "record of customer " + id.masked() + " counts " + historyCount + " history entries, the store holds "
              + history.size() + " of them");
    }
    return Optional.of(customer(key, value, seen, history));
  }

  /** A stored customer from its record's key and value and its appended rows. */
  static StoredCustomer customer(Bytes key, byte[] value, List<SeenEvent> seen, List<HistoryEntry> history) {
    CustomerId id = customerOf(key);
    int header = layout1(id, value) ? HEADER_V1 : HEADER;
    CustomerRecord record = new CustomerRecord(id, dueAt(value), Arrays.copyOfRange(value, header, value.length));
    return new StoredCustomer(record, seen, history);
  }

  /** Adds one row of the appended store to the seen events or the history it belongs to. */
  static void addRow(KeyValue<Bytes, byte[]> row, List<SeenEvent> seen, List<HistoryEntry> history) {
    byte[] key = row.key.get();
    if (key[key.length - 9] == SEEN) {
      ByteBuffer e = ByteBuffer.wrap(row.value);
      seen.add(new SeenEvent(e.getLong(0), e.getLong(8), e.getLong(16)));
    } else {
      history.add(new HistoryEntry(ByteBuffer.wrap(key).getLong(key.length - 8), row.value));
    }
  }

  /**
   * Compares the customer an appended row belongs to (its key up to the byte 0) with a customer id,
   * in the unsigned byte order both stores keep.
   */
  static int compareOwner(byte[] rowKey, byte[] id) {
    int owner = rowKey.length - 10;
    return Arrays.compareUnsigned(rowKey, 0, owner, id, 0, id.length);
  }

  static KeyValueIterator<Bytes, byte[]> range(ReadOnlyKeyValueStore<Bytes, byte[]> appended, CustomerId id, byte kind) {
    return appended.range(appendedKey(id, kind, 0), appendedKey(id, kind, Long.MAX_VALUE));
  }

  /** A customer's rows of one kind under the sequences 0 to {@code count - 1}; {@code count} is positive. */
  private static KeyValueIterator<Bytes, byte[]> range(
      ReadOnlyKeyValueStore<Bytes, byte[]> appended, CustomerId id, byte kind, int count) {
    return appended.range(appendedKey(id, kind, 0), appendedKey(id, kind, count - 1L));
  }
}
