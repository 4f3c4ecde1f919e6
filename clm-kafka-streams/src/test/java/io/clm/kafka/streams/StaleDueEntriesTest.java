package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.key;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A due-index entry that lists a customer before the engine holds it due (the index and the record
 * disagree) is woken once: the punctuation finds nothing due for the customer and lists it again
 * under its next due instant, instead of waking it at every punctuation, where it would take a
 * place among the {@code maxWokenPerPunctuation} customers each time.
 */
class StaleDueEntriesTest {
  private static final CustomerId A = CustomerId.of("A");
  /** The dormancy rule of the test model fires 30 days after A's one transaction. */
  private static final Instant DORMANT_AT = START.plus(Duration.ofDays(30));
  private static final Instant STALE = START.plus(Duration.ofHours(1));

  @TempDir Path stateDir;

  private final TestEvents.MovableClock clock = new TestEvents.MovableClock(START.plus(Duration.ofDays(1)));
  private Driven driven;
  private ClmTopology clm;

  @AfterEach
  void close() {
    if (driven != null) {
      driven.close();
    }
  }

  private void startWithOneActiveCustomer() {
    driven =
        new Driven(
            ClmTopology.builder()
                .engine(e -> e.model(TestEvents.dormancyModel()).currency("EUR"))
                .punctuationInterval(Duration.ofMinutes(1)),
            clock,
            stateDir);
    clm = driven.clm;
    driven.input.pipeInput(key("A"), json(transaction("a-1", "A", START, "5.00")));
    assertThat(driven.changes.readRecordsToList()).hasSize(1);
    assertThat(dueEntries()).containsExactly(DORMANT_AT + " A");
  }

  /**
   * Lists A under {@link #STALE} in the index and in its record's header, and sets the record's due
   * column to {@code dueAt}; the task's engine, which read A before, still holds it due at {@link
   * #DORMANT_AT}.
   */
  private void listUnderStaleInstant(long dueAt) {
    KeyValueStore<Bytes, byte[]> customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    KeyValueStore<Bytes, byte[]> due = driven.driver.getKeyValueStore(ClmTopology.DUE_STORE);
    Bytes key = StoreLayout.customerKey(A);
    byte[] record = customers.get(key).clone();
    ByteBuffer.wrap(record).putLong(0, STALE.toEpochMilli()).putLong(8, dueAt);
    customers.put(key, record);
    due.delete(DueIndex.key(DORMANT_AT.toEpochMilli(), A));
    due.put(DueIndex.key(STALE.toEpochMilli(), A), new byte[0]);
    assertThat(dueEntries()).containsExactly(STALE + " A");
  }

  @Test
  void anEntryBeforeTheRecordsDueInstantIsMovedToItAfterOneWakeAndTheNextWriteMovesItOn() {
    startWithOneActiveCustomer();
    // The record says A is due at day 10, the index lists it at an hour after its transaction.
    Instant recordDue = START.plus(Duration.ofDays(10));
    listUnderStaleInstant(recordDue.toEpochMilli());

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().customersWoken()).isEqualTo(1);
    assertThat(driven.changes.isEmpty()).isTrue();
    assertThat(dueEntries()).containsExactly(recordDue + " A");
    assertThat(StoreLayout.indexed(driven.driver.<Bytes, byte[]>getKeyValueStore(ClmTopology.CUSTOMERS_STORE).get(StoreLayout.customerKey(A))))
        .isEqualTo(recordDue.toEpochMilli());

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().customersWoken()).as("A is not woken again before it is due").isEqualTo(1);

    // A's next write moves the entry it was moved to, so the index lists A once.
    driven.input.pipeInput(key("A"), json(transaction("a-2", "A", START.plus(Duration.ofHours(2)), "5.00")));
    Instant dormantAfterSecond = START.plus(Duration.ofHours(2)).plus(Duration.ofDays(30));
    assertThat(dueEntries()).containsExactly(dormantAfterSecond + " A");

    clock.set(dormantAfterSecond.plus(Duration.ofDays(1)));
    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(readChanges()).extracting(c -> c.customer().value() + ":" + c.to()).containsExactly("A:dormant");
    assertThat(clm.counts().customersWoken()).isEqualTo(2);
  }

  @Test
  void anEntryWhoseRecordWasDueBeforeIsMovedToTheNextInstantARuleCanFire() {
    startWithOneActiveCustomer();
    listUnderStaleInstant(STALE.toEpochMilli());

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().customersWoken()).isEqualTo(1);
    assertThat(driven.changes.isEmpty()).isTrue();
    assertThat(dueEntries()).containsExactly(DORMANT_AT + " A");

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().customersWoken()).isEqualTo(1);
  }

  @Test
  void anEntryWhoseRecordIsDueAtThePunctuationsInstantIsMovedPastIt() {
    startWithOneActiveCustomer();
    listUnderStaleInstant(clock.instant().toEpochMilli());

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().customersWoken()).isEqualTo(1);
    assertThat(dueEntries()).containsExactly(DORMANT_AT + " A");

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().customersWoken()).isEqualTo(1);
  }

  private List<StageChange> readChanges() {
    List<StageChange> read = new ArrayList<>();
    driven.changes.readValuesToList().forEach(v -> read.add(ClmSerdes.stageChanges().deserializer().deserialize("", v)));
    return read;
  }

  /** The due index's entries, as "instant customer". */
  private List<String> dueEntries() {
    KeyValueStore<Bytes, byte[]> due = driven.driver.getKeyValueStore(ClmTopology.DUE_STORE);
    List<String> entries = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = due.all()) {
      all.forEachRemaining(entry -> {
        ByteBuffer key = ByteBuffer.wrap(entry.key.get());
        long millis = key.getLong() ^ Long.MIN_VALUE;
        byte[] id = new byte[key.remaining()];
        key.get(id);
        entries.add(Instant.ofEpochMilli(millis) + " " + new String(id, java.nio.charset.StandardCharsets.UTF_8));
      });
    }
    return entries;
  }
}
