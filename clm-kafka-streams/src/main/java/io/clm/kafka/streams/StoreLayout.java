package io.clm.kafka.streams;

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
 * customers store, key = customer id (UTF-8):
 *   long indexed   the instant under which the due-time index lists the customer (MAX_VALUE: not listed)
 *   long dueAt     the record's dueAt column, as the engine wrote it
 *   int  seen      number of seen events appended
 *   then the record's state bytes
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
 */
final class StoreLayout {
  static final int HEADER = 8 + 8 + 4;
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

  static byte[] customerValue(long indexed, CustomerRecord record, int seen) {
    byte[] state = record.state();
    return ByteBuffer.allocate(HEADER + state.length)
        .putLong(indexed)
        .putLong(record.dueAt())
        .putInt(seen)
        .put(state)
        .array();
  }

  static long indexed(byte[] value) {
    return ByteBuffer.wrap(value).getLong(0);
  }

  static long dueAt(byte[] value) {
    return ByteBuffer.wrap(value).getLong(8);
  }

  static int seenCount(byte[] value) {
    return ByteBuffer.wrap(value).getInt(16);
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

  /** Reads one customer with everything appended to it. */
  static Optional<StoredCustomer> load(
      ReadOnlyKeyValueStore<Bytes, byte[]> customers, ReadOnlyKeyValueStore<Bytes, byte[]> appended, CustomerId id) {
    Bytes key = customerKey(id);
    byte[] value = customers.get(key);
    if (value == null) {
      return Optional.empty();
    }
    List<SeenEvent> seen = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    for (byte kind : new byte[] {HISTORY, SEEN}) {
      try (KeyValueIterator<Bytes, byte[]> it = range(appended, id, kind)) {
        while (it.hasNext()) {
          addRow(it.next(), seen, history);
        }
      }
    }
    return Optional.of(customer(key, value, seen, history));
  }

  /** A stored customer from its record's key and value and its appended rows. */
  static StoredCustomer customer(Bytes key, byte[] value, List<SeenEvent> seen, List<HistoryEntry> history) {
    CustomerRecord record = new CustomerRecord(customerOf(key), dueAt(value), Arrays.copyOfRange(value, HEADER, value.length));
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
}
