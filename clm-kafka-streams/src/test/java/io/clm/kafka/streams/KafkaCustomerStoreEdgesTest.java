package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store over a task's stores at its edges: a batch that replaces everything, rows without a
 * record, and a record of earlier versions without seen events.
 */
class KafkaCustomerStoreEdgesTest {
  private static final CustomerId A = CustomerId.of("A");
  private static final CustomerId B = CustomerId.of("B");

  @TempDir Path stateDir;

  private Driven driven;
  private KafkaCustomerStore store;
  private KeyValueStore<Bytes, byte[]> customers;
  private KeyValueStore<Bytes, byte[]> appended;
  private KeyValueStore<Bytes, byte[]> due;

  @BeforeEach
  void start() {
    driven =
        new Driven(
            ClmTopology.builder().engine(e -> e.model("banking-six-stage").currency("EUR")).withoutPunctuation(),
            new TestEvents.MovableClock(TestEvents.START),
            stateDir);
    store = driven.store();
    customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    appended = driven.driver.getKeyValueStore(ClmTopology.APPENDED_STORE);
    due = driven.driver.getKeyValueStore(ClmTopology.DUE_STORE);
  }

  @AfterEach
  void close() {
    driven.close();
  }

  private static StoreBatch.Write write(CustomerId id, long dueAt, long seenId, byte change) {
    return new StoreBatch.Write(
        new CustomerRecord(id, dueAt, new byte[] {change}),
        List.of(new SeenEvent(seenId, seenId + 1, seenId + 2)),
        List.of(new HistoryEntry(0, new byte[] {change})));
  }

  @Test
  void aBatchThatReplacesEverythingLeavesNoRowAndNoDueEntryOfTheCustomersBefore() {
    store.write(StoreBatch.of(List.of(write(A, 100, 10, (byte) 1), write(B, 200, 20, (byte) 2))));
    assertThat(keysHolding(appended, B)).hasSize(2);
    assertThat(dueEntries()).containsExactly(100L, 200L);

    store.write(new StoreBatch(List.of(write(A, 300, 30, (byte) 3)), List.of(), List.of(), Optional.empty(), true));

    assertThat(store.load(B)).isEmpty();
    assertThat(keysHolding(appended, B)).as("B's rows").isEmpty();
    assertThat(keysHolding(due, B)).as("B's due entry").isEmpty();
    assertThat(dueEntries()).as("the due index lists A at its new instant only").containsExactly(300L);
    List<CustomerId> dueNow = new ArrayList<>();
    store.scanDue(Long.MAX_VALUE - 1, dueNow::add);
    assertThat(dueNow).containsExactly(A);
    assertThat(store.load(A))
        .contains(new StoredCustomer(
            new CustomerRecord(A, 300, new byte[] {3}), List.of(new SeenEvent(30, 31, 32)), List.of(new HistoryEntry(0, new byte[] {3}))));
  }

  @Test
  void rowsWithoutARecordAreLeftOutOfAScanAndTheNextCustomerKeepsItsOwn() {
    store.write(StoreBatch.of(List.of(write(B, 200, 20, (byte) 2))));
    appended.put(StoreLayout.appendedKey(A, StoreLayout.SEEN, 0), StoreLayout.seenValue(new SeenEvent(1, 2, 3)));
    appended.put(StoreLayout.appendedKey(A, StoreLayout.HISTORY, 0), new byte[] {9});

    List<StoredCustomer> scanned = new ArrayList<>();
    store.scan(scanned::add);

    assertThat(scanned)
        .containsExactly(new StoredCustomer(
            new CustomerRecord(B, 200, new byte[] {2}), List.of(new SeenEvent(20, 21, 22)), List.of(new HistoryEntry(0, new byte[] {2}))));
  }

  @Test
  void aRecordOfEarlierVersionsWithoutSeenEventsIsReadWithItsHistory() {
    Bytes key = StoreLayout.customerKey(A);
    // layout 1: indexed, dueAt, seen count 0, state
    customers.put(key, ByteBuffer.allocate(21).putLong(Long.MAX_VALUE).putLong(77).putInt(0).put((byte) 5).array());
    appended.put(StoreLayout.appendedKey(A, StoreLayout.HISTORY, 0), new byte[] {1});

    assertThat(store.load(A))
        .contains(new StoredCustomer(new CustomerRecord(A, 77, new byte[] {5}), List.of(), List.of(new HistoryEntry(0, new byte[] {1}))));
  }

  /** The keys of a store that hold the customer's id (the ids here are one letter, which no other key byte matches). */
  private static List<Bytes> keysHolding(KeyValueStore<Bytes, byte[]> store, CustomerId id) {
    byte[] part = id.value().getBytes(StandardCharsets.UTF_8);
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
      all.forEachRemaining(entry -> {
        if (ErasureTest.contains(entry.key.get(), part)) {
          keys.add(entry.key);
        }
      });
    }
    return keys;
  }

  /** The due instants the index holds, in its order. */
  private List<Long> dueEntries() {
    List<Long> instants = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = due.all()) {
      all.forEachRemaining(entry -> instants.add(ByteBuffer.wrap(entry.key.get()).getLong() ^ Long.MIN_VALUE));
    }
    return instants;
  }
}
