package io.clm.store.jdbc;

import io.clm.api.CorruptRecordException;
import io.clm.api.spi.SeenEvent;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The column {@code clm_seen_batch.events}: a customer's seen events of one write, 24 bytes each
 * (id fingerprint, content fingerprint, instant in epoch milliseconds, big-endian).
 */
final class SeenEvents {
  /** Bytes per event. */
  static final int SIZE = 3 * Long.BYTES;

  private SeenEvents() {}

  static byte[] pack(List<SeenEvent> events) {
    ByteBuffer b = ByteBuffer.allocate(events.size() * SIZE);
    for (SeenEvent e : events) {
      b.putLong(e.id()).putLong(e.content()).putLong(e.at());
    }
    return b.array();
  }

  /** Adds the events of one row to a list, in the order they were applied. */
  static void unpack(int count, byte[] events, List<SeenEvent> into) {
    if (count <= 0 || events.length != count * SIZE) {
      throw new CorruptRecordException("clm_seen_batch row of a customer holds " + events.length
          + " bytes for " + count + " seen events; expected " + SIZE + " bytes per event");
    }
    ByteBuffer b = ByteBuffer.wrap(events);
    for (int i = 0; i < count; i++) {
      into.add(new SeenEvent(b.getLong(), b.getLong(), b.getLong()));
    }
  }
}
