package io.clm.store.jdbc;

import io.clm.api.CustomerId;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated feed of events and a deterministic fold of it into customer records, seen events
 * and history entries, written through the store SPI in batches that carry the feed position.
 * Event {@code i} is a pure function of {@code i}, so any process can regenerate the feed from any
 * position. The fold stands in for the engine: it produces the same kinds of writes (a record
 * replaced, one seen event appended per event, a history entry appended on a stage change).
 */
final class FeedLog {
  static final long T0_MILLIS = 1_767_607_200_000L; // 2026-01-05T10:00:00Z
  static final long DAY_MILLIS = 86_400_000L;
  static final int[] STAGE_AT = {1, 3, 6, 10};

  final int customers;

  FeedLog(int customers) {
    this.customers = customers;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  String customerOf(long event) {
    return String.format("C-%07d", Math.floorMod(mix(event * 2 + 1), customers));
  }

  /** One customer's folded state. */
  static final class State {
    long count;
    long amount;
    long lastAt;
    int stage;

    byte[] encode() {
      return ByteBuffer.allocate(25).put((byte) 1).putLong(count).putLong(amount).putLong(lastAt).array();
    }

    static State decode(byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != 1) {
        throw new IllegalStateException("unknown record version");
      }
      State s = new State();
      s.count = b.getLong();
      s.amount = b.getLong();
      s.lastAt = b.getLong();
      for (int threshold : STAGE_AT) {
        if (s.count >= threshold) {
          s.stage++;
        }
      }
      return s;
    }
  }

  /** Folds events [from, to) into writes, one per customer, given the states before them. */
  StoreBatch batch(long from, long to, Map<String, State> states) {
    Map<String, List<SeenEvent>> seen = new LinkedHashMap<>();
    Map<String, List<HistoryEntry>> history = new HashMap<>();
    for (long i = from; i < to; i++) {
      String key = customerOf(i);
      State s = states.computeIfAbsent(key, k -> new State());
      long at = T0_MILLIS + i * 1_000L;
      s.count++;
      s.amount += Math.floorMod(mix(i * 2), 100_000L);
      s.lastAt = at;
      seen.computeIfAbsent(key, k -> new ArrayList<>()).add(new SeenEvent(mix(i) | 1L, mix(~i), at));
      if (s.stage < STAGE_AT.length && s.count == STAGE_AT[s.stage]) {
        byte[] change = ByteBuffer.allocate(9).put((byte) s.stage).putLong(at).array();
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(new HistoryEntry(s.stage, change));
        s.stage++;
      }
    }
    List<StoreBatch.Write> writes = new ArrayList<>(seen.size());
    for (Map.Entry<String, List<SeenEvent>> e : seen.entrySet()) {
      State s = states.get(e.getKey());
      CustomerRecord record = new CustomerRecord(CustomerId.of(e.getKey()), s.lastAt + 30 * DAY_MILLIS, s.encode());
      writes.add(new StoreBatch.Write(record, e.getValue(), history.getOrDefault(e.getKey(), List.of())));
    }
    return new StoreBatch(writes, List.of(), List.of(), Optional.of(Long.toString(to)), false);
  }

  /**
   * A clean pass of the feed in memory, without any store: what a store must hold after ingesting
   * events [0, events), by customer key in ascending order.
   */
  java.util.SortedMap<String, StoredCustomer> cleanPass(long events, int batchSize) {
    Map<String, State> states = new HashMap<>();
    Map<String, CustomerRecord> records = new HashMap<>();
    Map<String, List<SeenEvent>> seen = new HashMap<>();
    Map<String, List<HistoryEntry>> history = new HashMap<>();
    for (long from = 0; from < events; from += batchSize) {
      for (StoreBatch.Write w : batch(from, Math.min(events, from + batchSize), states).writes()) {
        String key = w.record().customer().value();
        records.put(key, w.record());
        seen.computeIfAbsent(key, k -> new ArrayList<>()).addAll(w.seen());
        history.computeIfAbsent(key, k -> new ArrayList<>()).addAll(w.history());
      }
    }
    java.util.SortedMap<String, StoredCustomer> all = new java.util.TreeMap<>();
    for (Map.Entry<String, CustomerRecord> e : records.entrySet()) {
      all.put(e.getKey(), new StoredCustomer(e.getValue(), seen.get(e.getKey()), history.get(e.getKey())));
    }
    return all;
  }

  /**
   * The states a store holds, as the fold left them: read from the records alone (the stage
   * follows from the count), so that a restart does not read every seen event.
   */
  static Map<String, State> states(JdbcStore store) {
    Map<String, State> states = new HashMap<>();
    try (java.sql.Connection c = store.dataSource().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT customer_key, record FROM clm_customer")) {
      ps.setFetchSize(1_000);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getString(1), State.decode(rs.getBytes(2)));
        }
      }
      c.rollback();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return states;
  }
}
