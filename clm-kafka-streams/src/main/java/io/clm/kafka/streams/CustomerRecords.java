package io.clm.kafka.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.StageChange;
import io.clm.api.spi.CustomerStore.StoredCustomer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of one customer in the customer store, format 1:
 *
 * <pre>
 * byte    format (1)
 * long    due: epoch millis when a time-driven rule can next fire, Long.MAX_VALUE for never
 * int     n, then n bytes: {"customer": {Customer}, "seen": [fingerprint, ...]} as JSON
 * int     h, then h times: int m, then m bytes: one {StageChange} as JSON, oldest first
 * </pre>
 *
 * <p>The fixed header lets a save read the previous due time and append to the history by copying
 * bytes, without decoding the old state; only a load decodes.
 */
final class CustomerRecords {
  static final byte FORMAT = 1;
  private static final int HEADER = 1 + 8;

  private CustomerRecords() {}

  /** Encodes a customer with its previous history (bytes as stored) and the changes to append. */
  static byte[] encode(StoredCustomer customer, long due, byte[] previous, List<StageChange> appended) {
    ObjectNode state = ClmJson.MAPPER.createObjectNode();
    state.set("customer", ClmJson.MAPPER.valueToTree(customer.customer()));
    ArrayNode seen = state.putArray("seen");
    for (Long fp : customer.seenEvents()) {
      seen.add(fp);
    }
    byte[] json = ClmJson.write(state);
    int oldCount = previous == null ? 0 : historyCount(previous);
    int oldStart = previous == null ? 0 : historyStart(previous) + 4;
    int oldLength = previous == null ? 0 : previous.length - oldStart;
    List<byte[]> added = new ArrayList<>(appended.size());
    int addedLength = 0;
    for (StageChange change : appended) {
      byte[] entry = ClmJson.write(change);
      added.add(entry);
      addedLength += 4 + entry.length;
    }
    ByteBuffer out = ByteBuffer.allocate(HEADER + 4 + json.length + 4 + oldLength + addedLength);
    out.put(FORMAT).putLong(due).putInt(json.length).put(json).putInt(oldCount + appended.size());
    if (previous != null) {
      out.put(previous, oldStart, oldLength);
    }
    for (byte[] entry : added) {
      out.putInt(entry.length).put(entry);
    }
    return out.array();
  }

  /** The same record with another due time. */
  static byte[] withDue(byte[] record, long due) {
    byte[] copy = record.clone();
    ByteBuffer.wrap(copy).putLong(1, due);
    return copy;
  }

  static long due(byte[] record) {
    checkFormat(record);
    return ByteBuffer.wrap(record).getLong(1);
  }

  static StoredCustomer customer(byte[] record) {
    checkFormat(record);
    int length = ByteBuffer.wrap(record).getInt(HEADER);
    try {
      JsonNode state = ClmJson.MAPPER.readTree(record, HEADER + 4, length);
      Customer customer = ClmJson.MAPPER.treeToValue(state.get("customer"), Customer.class);
      List<Long> seen = new ArrayList<>(state.get("seen").size());
      for (JsonNode fp : state.get("seen")) {
        seen.add(fp.longValue());
      }
      return new StoredCustomer(customer, seen);
    } catch (IOException | RuntimeException e) {
      throw new ClmException("stored customer record cannot be decoded: " + e.getMessage(), e);
    }
  }

  static List<StageChange> history(byte[] record) {
    checkFormat(record);
    ByteBuffer in = ByteBuffer.wrap(record);
    int at = historyStart(record);
    int count = in.getInt(at);
    at += 4;
    List<StageChange> history = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        int length = in.getInt(at);
        history.add(ClmJson.MAPPER.readValue(record, at + 4, length, StageChange.class));
        at += 4 + length;
      }
    } catch (IOException | RuntimeException e) {
      throw new ClmException("stored stage history cannot be decoded: " + e.getMessage(), e);
    }
    return history;
  }

  private static int historyStart(byte[] record) {
    return HEADER + 4 + ByteBuffer.wrap(record).getInt(HEADER);
  }

  private static int historyCount(byte[] record) {
    checkFormat(record);
    return ByteBuffer.wrap(record).getInt(historyStart(record));
  }

  private static void checkFormat(byte[] record) {
    if (record.length < HEADER + 8 || record[0] != FORMAT) {
      throw new ClmException(
          "stored customer record has format " + (record.length == 0 ? "none" : record[0]) + ", this library reads " + FORMAT);
    }
  }
}
