package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.key;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.StoreFailure;
import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query reads a customer's record and then its appended rows, while the task's stream thread may
 * write between the two reads. Here the stream thread's write (an input record through the
 * processor) is made exactly there, after the query read the record and before it reads the rows,
 * and the query must still see the customer as one write left it.
 */
class QueryDuringWritesTest {
  @TempDir Path stateDir;

  private final TestEvents.MovableClock clock = new TestEvents.MovableClock(START.plus(Duration.ofDays(1)));
  private Driven driven;

  /** new -> active on a first transaction, active -> loyal on a second. */
  private static LifecycleModel twoStepModel() {
    LifecycleModel.Builder b =
        LifecycleModel.builder("two-steps")
            .stage("new", StageFamily.PROSPECT)
            .stage("active", StageFamily.GROWTH)
            .stage("loyal", StageFamily.MATURITY)
            .initial("new")
            .forwardOnly(false);
    b.rule("first").from("new").to("active").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1));
    b.rule("second").from("active").to("loyal").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(2));
    return b.build();
  }

  private ClmTopology start() {
    driven =
        new Driven(
            ClmTopology.builder()
                .engine(e -> e.model(twoStepModel()).currency("EUR"))
                .idMask(ErasureTest.MASK)
                .withoutPunctuation(),
            clock,
            stateDir);
    return driven.clm;
  }

  @AfterEach
  void close() {
    if (driven != null) {
      driven.close();
    }
  }

  /** A task's customers store as a query reads it, running the stream thread's write once, right after a record is read. */
  private static final class WriteAfterRecordRead implements ReadOnlyKeyValueStore<Bytes, byte[]> {
    private final ReadOnlyKeyValueStore<Bytes, byte[]> store;
    private Runnable write;

    WriteAfterRecordRead(ReadOnlyKeyValueStore<Bytes, byte[]> store, Runnable write) {
      this.store = store;
      this.write = write;
    }

    @Override
    public byte[] get(Bytes key) {
      byte[] value = store.get(key);
      if (write != null) {
        Runnable once = write;
        write = null;
        once.run();
      }
      return value;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
      return store.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
      return store.all();
    }

    @Override
    public long approximateNumEntries() {
      return store.approximateNumEntries();
    }
  }

  private Optional<CustomerView> queryWith(ClmTopology clm, String customer, Runnable writeBetweenReads) {
    KeyValueStore<Bytes, byte[]> customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    KeyValueStore<Bytes, byte[]> appended = driven.driver.getKeyValueStore(ClmTopology.APPENDED_STORE);
    return CustomerQueries.view(
        new WriteAfterRecordRead(customers, writeBetweenReads), appended, CustomerId.of(customer), clm.engineFactory);
  }

  private static List<String> stages(CustomerView view) {
    return view.history().stream().map(c -> c.from() + ">" + c.to()).toList();
  }

  @Test
  void aStageChangeWrittenBetweenTheTwoReadsIsNotInTheAnswer() {
    ClmTopology clm = start();
    driven.input.pipeInput(key("C-1"), json(transaction("t-1", "C-1", START, "10.00")));

    CustomerView during =
        queryWith(clm, "C-1", () -> driven.input.pipeInput(key("C-1"), json(transaction("t-2", "C-1", START.plusSeconds(60), "10.00"))))
            .orElseThrow();

    assertThat(during.customer().stage()).as("stage of the record read before the second transaction").isEqualTo("active");
    assertThat(stages(during)).as("history read with that record").containsExactly("new>active");
    CustomerView after = queryWith(clm, "C-1", () -> {}).orElseThrow();
    assertThat(after.customer().stage()).as("stage after the second transaction").isEqualTo("loyal");
    assertThat(stages(after)).containsExactly("new>active", "active>loyal");
  }

  @Test
  void aCustomerErasedBetweenTheTwoReadsIsNotFound() {
    ClmTopology clm = start();
    driven.input.pipeInput(key("C-1"), json(transaction("t-1", "C-1", START, "10.00")));
    RecordHeaders erase = new RecordHeaders();
    erase.add(new RecordHeader(ClmTopology.ERASURE_HEADER, new byte[0]));

    Optional<CustomerView> during =
        queryWith(clm, "C-1", () -> driven.input.pipeInput(new TestRecord<>(key("C-1"), null, erase)));

    assertThat(during).as("a customer erased while it was read").isEmpty();
    assertThat(clm.counts().erased()).isEqualTo(1);
  }

  private static byte[] layout1(long indexed, long dueAt, int seen, byte[] state) {
    return ByteBuffer.allocate(20 + state.length).putLong(indexed).putLong(dueAt).putInt(seen).put(state).array();
  }

  private static Bytes row(String customer, char kind, long sequence) {
    byte[] id = customer.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(id.length + 10).put(id).put((byte) 0).put((byte) kind).putLong(sequence).array());
  }

  @Test
  void aRecordWrittenByEarlierVersionsIsReadWithItsWholeHistoryAndCountedByTheNextWrite() {
    start();
    KeyValueStore<Bytes, byte[]> customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    KeyValueStore<Bytes, byte[]> appended = driven.driver.getKeyValueStore(ClmTopology.APPENDED_STORE);
    Bytes key = Bytes.wrap("C-9".getBytes(StandardCharsets.UTF_8));
    // as earlier versions laid it out: indexed, dueAt, seen count, state; no history count
    customers.put(key, layout1(Long.MAX_VALUE, 77, 1, new byte[] {5, 6, 7}));
    appended.put(row("C-9", 's', 0), ByteBuffer.allocate(24).putLong(11).putLong(12).putLong(13).array());
    appended.put(row("C-9", 'h', 0), new byte[] {1});
    appended.put(row("C-9", 'h', 1), new byte[] {2});
    KafkaCustomerStore store = driven.store();
    CustomerId id = CustomerId.of("C-9");

    assertThat(store.load(id))
        .contains(
            new StoredCustomer(
                new CustomerRecord(id, 77, new byte[] {5, 6, 7}),
                List.of(new SeenEvent(11, 12, 13)),
                List.of(new HistoryEntry(0, new byte[] {1}), new HistoryEntry(1, new byte[] {2}))));

    assertThatThrownBy(() -> store.write(StoreBatch.of(List.of(new StoreBatch.Write(
            new CustomerRecord(id, 88, new byte[] {8}), List.of(), List.of(new HistoryEntry(1, new byte[] {9})))))))
        .isInstanceOfSatisfying(CustomerStoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreFailure.REFUSED))
        .hasMessageContaining("history entry 1 of customer " + id.masked() + " is held already");
    assertThatThrownBy(() -> store.write(StoreBatch.of(List.of(new StoreBatch.Write(
            new CustomerRecord(id, 88, new byte[] {8}), List.of(), List.of(new HistoryEntry(3, new byte[] {9})))))))
        .isInstanceOfSatisfying(CustomerStoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreFailure.REFUSED))
        .hasMessage("history entry 3 of customer " + id.masked() + " leaves a gap: the next sequence is 2, so nothing of"
            + " the batch was written");
    assertThat(customers.get(key)).as("the record after two refused writes").isEqualTo(layout1(Long.MAX_VALUE, 77, 1, new byte[] {5, 6, 7}));

    store.write(StoreBatch.of(List.of(new StoreBatch.Write(
        new CustomerRecord(id, 88, new byte[] {8}), List.of(new SeenEvent(21, 22, 23)), List.of(new HistoryEntry(2, new byte[] {3}))))));
    ByteBuffer written = ByteBuffer.wrap(customers.get(key));
    assertThat(written.getLong(8)).as("dueAt").isEqualTo(88);
    assertThat(written.getInt(16)).as("the layout, negated").isEqualTo(-2);
    assertThat(written.getInt(20)).as("seen events counted").isEqualTo(2);
    assertThat(written.getInt(24)).as("history entries counted").isEqualTo(3);
    assertThat(Arrays.copyOfRange(written.array(), 28, written.capacity())).as("state").containsExactly(8);
    assertThat(store.load(id).orElseThrow().history()).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aRecordThatCountsHistoryEntriesTheStoreDoesNotHoldIsCorrupt() {
    start();
    KeyValueStore<Bytes, byte[]> customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    KeyValueStore<Bytes, byte[]> appended = driven.driver.getKeyValueStore(ClmTopology.APPENDED_STORE);
    // layout 2: indexed, dueAt, -2, seen 0, history 2, state; only entry 0 is stored
    customers.put(
        Bytes.wrap("C-8".getBytes(StandardCharsets.UTF_8)),
        ByteBuffer.allocate(29).putLong(Long.MAX_VALUE).putLong(1).putInt(-2).putInt(0).putInt(2).put((byte) 4).array());
    appended.put(row("C-8", 'h', 0), new byte[] {1});
    CustomerId id = CustomerId.of("C-8");
    assertThatThrownBy(() -> driven.store().load(id))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + id.masked() + " counts 2 history entries, the store holds 1 of them");
    appended.put(row("C-8", 'h', 1), new byte[] {2});
    assertThat(driven.store().load(id).orElseThrow().history()).extracting(HistoryEntry::sequence).containsExactly(0L, 1L);
  }

  @Test
  void aRecordOfAnUnknownLayoutIsNamedAsSuch() {
    start();
    KeyValueStore<Bytes, byte[]> customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    customers.put(
        Bytes.wrap("C-7".getBytes(StandardCharsets.UTF_8)),
        ByteBuffer.allocate(32).putLong(Long.MAX_VALUE).putLong(1).putInt(-3).putInt(0).putInt(0).array());
    CustomerId id = CustomerId.of("C-7");
    assertThatThrownBy(() -> driven.store().load(id))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + id.masked() + " has store layout 3; this version reads layouts 1 and 2");
  }
}
