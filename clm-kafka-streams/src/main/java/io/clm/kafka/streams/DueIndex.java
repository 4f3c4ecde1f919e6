package io.clm.kafka.streams;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.TransitionRule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The due-time index: one key per customer with a time-driven rule pending, the due instant first
 * so that a range read returns exactly the customers due up to an instant, in time order. A key is
 * eight bytes of epoch millis, big-endian with the sign bit flipped (so that unsigned byte order is
 * time order), then the customer id in UTF-8; the value is empty.
 */
final class DueIndex {
  private static final byte[] EMPTY = new byte[0];
  private static final Bytes FIRST = Bytes.wrap(millis(Long.MIN_VALUE));

  private final KeyValueStore<Bytes, byte[]> store;

  DueIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Moves a customer's entry from one due time to another; {@code Long.MAX_VALUE} means none. */
  void move(CustomerId customer, long from, long to) {
    if (from == to) {
      return;
    }
    if (from != Long.MAX_VALUE) {
      // put(key, null) deletes without reading the old value first, as delete(key) does.
      store.put(key(from, customer), null);
    }
    if (to != Long.MAX_VALUE) {
      store.put(key(to, customer), EMPTY);
    }
  }

  /** Up to {@code limit} customers due at or before {@code now}, earliest first. */
  List<CustomerId> dueUpTo(long now, int limit) {
    // UTF-8 never contains the byte 0xff, so this bound is above every key of instant now.
    byte[] upper = Arrays.copyOf(millis(now), 9);
    upper[8] = (byte) 0xff;
    List<CustomerId> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> range = store.range(FIRST, Bytes.wrap(upper))) {
      while (range.hasNext() && due.size() < limit) {
        KeyValue<Bytes, byte[]> entry = range.next();
        byte[] key = entry.key.get();
        due.add(new CustomerId(new String(key, 8, key.length - 8, StandardCharsets.UTF_8)));
      }
    }
    return due;
  }

  /**
   * The earliest instant after {@code now} at which a rule out of the customer's stage can fire by
   * the passage of time alone; {@code Long.MAX_VALUE} if none can.
   */
  static long nextDue(LifecycleModel model, Customer customer, long now) {
    long due = Long.MAX_VALUE;
    for (TransitionRule rule : model.rulesFrom(customer.stage())) {
      due = Math.min(due, rule.condition().nextChange(customer.metrics(), now));
    }
    return due;
  }

  static Bytes key(long due, CustomerId customer) {
    byte[] id = customer.value().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + id.length).put(millis(due)).put(id).array());
  }

  private static byte[] millis(long epochMillis) {
    return ByteBuffer.allocate(8).putLong(epochMillis ^ Long.MIN_VALUE).array();
  }
}
