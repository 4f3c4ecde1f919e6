package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.key;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.ErasureKeyException;
import io.clm.api.LifecycleEngine;
import io.clm.api.UnknownCustomerException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasure requests on the input topic, through the topology's processor and stores. */
class ErasureTest {
  static final CustomerIdMask MASK = CustomerIdMask.withKey("erasure-test-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII));

  @TempDir Path stateDir;

  private final TestEvents.MovableClock clock = new TestEvents.MovableClock(START.plus(Duration.ofDays(400)));
  private Driven driven;

  private ClmTopology start(boolean withMask) {
    ClmTopology.Builder builder =
        ClmTopology.builder().engine(e -> e.model("banking-six-stage").currency("EUR")).withoutPunctuation();
    driven = new Driven(withMask ? builder.idMask(MASK) : builder, clock, stateDir);
    return driven.clm;
  }

  @AfterEach
  void close() {
    if (driven != null) {
      driven.close();
    }
  }

  private void erasureRequest(byte[] key, byte[] value, byte[] headerValue) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader(ClmTopology.ERASURE_HEADER, headerValue));
    driven.input.pipeInput(new TestRecord<>(key, value, headers));
  }

  private void feedTwoCustomers() {
    driven.input.pipeInput(key("C-1"), json(transaction("p-1", "C-1", START, "2500.00")));
    driven.input.pipeInput(key("C-1"), json(transaction("p-2", "C-1", START.plus(Duration.ofDays(3)), "40.00")));
    driven.input.pipeInput(key("C-2"), json(transaction("q-1", "C-2", START, "15.00")));
  }

  @Test
  void anErasureRequestRemovesTheCustomerFromEveryStoreAndWritesATombstoneOfItsKey() {
    ClmTopology clm = start(true);
    feedTwoCustomers();
    assertThat(driven.changes.readRecordsToList()).hasSize(2);
    assertThat(keysOf(ClmTopology.APPENDED_STORE, "C-1")).isNotEmpty();
    assertThat(keysOf(ClmTopology.DUE_STORE, "C-1")).isNotEmpty();
    List<Bytes> keptOfC2 = allKeysOf("C-2");

    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      erasureRequest(key("C-1"), null, new byte[0]);
    } finally {
      System.setErr(err);
    }

    // The receipt, logged as evidence: the id masked under the topology's key, never the raw id.
    assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "INFO io.clm.kafka.streams.LifecycleProcessor - erased customer " + MASK.mask(CustomerId.of("C-1"))
            + " at " + START.plus(Duration.ofDays(400)) + ", in stage development; stage changes removed: 1");
    List<TestRecord<byte[], byte[]>> written = driven.changes.readRecordsToList();
    assertThat(written).hasSize(1);
    assertThat(written.get(0).key()).isEqualTo(key("C-1"));
    assertThat(written.get(0).value()).isNull();
    assertThat(keysOf(ClmTopology.CUSTOMERS_STORE, "C-1")).isEmpty();
    assertThat(keysOf(ClmTopology.APPENDED_STORE, "C-1")).isEmpty();
    assertThat(keysOf(ClmTopology.DUE_STORE, "C-1")).isEmpty();
    assertThat(allKeysOf("C-2")).isEqualTo(keptOfC2);
    assertThat(clm.counts()).isEqualTo(new ProcessingCounts(3, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0));
    assertThat(driven.deadLetters.isEmpty()).isTrue();

    // A later event of the erased customer is refused, in this task and in an engine restarted
    // over its stores with the same key; another key cannot read the stores at all.
    driven.input.pipeInput(key("C-1"), json(transaction("p-3", "C-1", START.plus(Duration.ofDays(5)), "1.00")));
    DeadLetter refused = DeadLetter.from(driven.deadLetters.readRecord().headers());
    assertThat(refused.reason()).isEqualTo(DeadLetter.Reason.REFUSED);
    assertThat(refused.message()).contains("was erased");
    LifecycleEngine restarted = restartedOverStores(MASK);
    assertThat(restarted.customer(CustomerId.of("C-1"))).isEmpty();
    assertThat(restarted.customer(CustomerId.of("C-2"))).isPresent();
    assertThat(restarted.customerCount()).isEqualTo(1);
    assertThat(restarted.stageCounts().get("development")).isEqualTo(2);
    assertThatThrownBy(() -> restarted.ingest(transaction("p-4", "C-1", START.plus(Duration.ofDays(6)), "1.00")))
        .isInstanceOf(UnknownCustomerException.class)
        .hasMessageContaining("was erased");
    assertThatThrownBy(() -> restartedOverStores(CustomerIdMask.random())).isInstanceOf(ErasureKeyException.class);
  }

  @Test
  void aRepeatedRequestOrOneForACustomerNeverSeenChangesNothing() {
    ClmTopology clm = start(true);
    feedTwoCustomers();
    driven.changes.readRecordsToList();
    erasureRequest(key("C-1"), null, null);
    erasureRequest(key("C-1"), new byte[0], new byte[0]);
    erasureRequest(key("C-9"), null, new byte[0]);

    assertThat(driven.changes.readRecordsToList()).hasSize(1);
    assertThat(clm.counts().erased()).isEqualTo(1);
    assertThat(clm.counts().nothingToErase()).isEqualTo(2);
    assertThat(clm.counts().deadLetters()).isZero();
    assertThat(allKeysOf("C-9")).isEmpty();
  }

  @Test
  void withoutTheTopologysIdMaskAnErasureRequestIsRefusedAndNothingIsErased() {
    ClmTopology clm = start(false);
    feedTwoCustomers();
    List<Bytes> before = allKeysOf("C-1");
    erasureRequest(key("C-1"), null, new byte[0]);

    TestRecord<byte[], byte[]> letter = driven.deadLetters.readRecord();
    DeadLetter reason = DeadLetter.from(letter.headers());
    assertThat(reason.reason()).isEqualTo(DeadLetter.Reason.REFUSED);
    assertThat(reason.message())
        .contains(CustomerId.of("C-1").masked())
        .contains("ClmTopology.builder().idMask(CustomerIdMask.withKey(secret))")
        .doesNotContain("\"C-1\"");
    assertThat(allKeysOf("C-1")).isEqualTo(before).isNotEmpty();
    assertThat(clm.counts().erased()).isZero();
    assertThat(clm.counts().refused()).isEqualTo(1);
  }

  @Test
  void aRequestThatIsNotExactlyAnErasureRequestGoesToTheDeadLettersAndErasesNothing() {
    ClmTopology clm = start(true);
    feedTwoCustomers();
    List<Bytes> before = allKeysOf("C-1");
    erasureRequest(key("C-1"), null, "false".getBytes(StandardCharsets.UTF_8));
    erasureRequest(key("C-1"), json(transaction("p-9", "C-1", START, "1.00")), new byte[0]);
    erasureRequest(null, null, new byte[0]);
    erasureRequest(new byte[] {'C', '-', (byte) 0xff}, null, new byte[0]);

    List<DeadLetter> letters = driven.deadLetters.readRecordsToList().stream().map(r -> DeadLetter.from(r.headers())).toList();
    assertThat(letters).extracting(DeadLetter::reason).containsExactly(
        DeadLetter.Reason.MALFORMED, DeadLetter.Reason.MALFORMED, DeadLetter.Reason.INVALID, DeadLetter.Reason.INVALID);
    assertThat(letters.get(0).message()).contains("clm.erase").contains("5 bytes");
    assertThat(letters.get(1).message()).contains("an erasure request has no value");
    assertThat(letters.get(2).message()).contains("has no key");
    assertThat(letters.get(3).message()).contains("key of 3 bytes is not a customer id in UTF-8");
    assertThat(allKeysOf("C-1")).isEqualTo(before);
    assertThat(clm.counts().erased()).isZero();
    assertThat(driven.changes.readRecordsToList()).hasSize(2);
  }

  private LifecycleEngine restartedOverStores(CustomerIdMask mask) {
    return Clm.builder().model("banking-six-stage").currency("EUR").clock(clock).idMask(mask).store(driven.store()).build();
  }

  /** Every key of every store that holds the customer's id. */
  private List<Bytes> allKeysOf(String customer) {
    List<Bytes> keys = new ArrayList<>();
    for (String store : List.of(ClmTopology.CUSTOMERS_STORE, ClmTopology.APPENDED_STORE, ClmTopology.DUE_STORE)) {
      keys.addAll(keysOf(store, customer));
    }
    return keys;
  }

  /** The keys of a store that hold the customer's id, as their bytes: ids of these tests share no bytes' run. */
  private List<Bytes> keysOf(String storeName, String customer) {
    KeyValueStore<Bytes, byte[]> store = driven.driver.getKeyValueStore(storeName);
    byte[] id = customer.getBytes(StandardCharsets.UTF_8);
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
      all.forEachRemaining((KeyValue<Bytes, byte[]> entry) -> {
        if (contains(entry.key.get(), id)) {
          keys.add(entry.key);
        }
      });
    }
    return keys;
  }

  static boolean contains(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theDefaultsBoundTheChangelogsCompactionLagUnlessThePropertiesSetIt() {
    Properties none = ClmTopology.withDefaults(new Properties());
    assertThat(none.get("topic.max.compaction.lag.ms")).isEqualTo("604800000");
    Properties own = new Properties();
    own.put("topic.max.compaction.lag.ms", "3600000");
    assertThat(ClmTopology.withDefaults(own).get("topic.max.compaction.lag.ms")).isEqualTo("3600000");
    assertThat(Map.copyOf(none)).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }
}
