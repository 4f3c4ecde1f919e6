package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.key;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.ValidationException;
import io.clm.api.ConflictingEventException;
import io.clm.api.InvalidEventException;
import io.clm.api.event.Event;
import io.clm.api.event.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {
  @TempDir Path stateDir;

  private Driven driven;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> input;
  private TestOutputTopic<byte[], byte[]> changes;
  private TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestEvents.MovableClock clock = new TestEvents.MovableClock(START.plus(Duration.ofDays(400)));

  private ClmTopology start(ClmTopology.Builder builder) {
    driven = new Driven(builder, clock, stateDir);
    driver = driven.driver;
    input = driven.input;
    changes = driven.changes;
    deadLetters = driven.deadLetters;
    return driven.clm;
  }

  @AfterEach
  void close() {
    if (driven != null) {
      driven.close();
    }
  }

  private static ClmTopology.Builder banking() {
    return ClmTopology.builder().engine(e -> e.model("banking-six-stage").currency("EUR")).withoutPunctuation();
  }

  private List<StageChange> readChanges() {
    List<StageChange> read = new ArrayList<>();
    for (TestRecord<byte[], byte[]> r : changes.readRecordsToList()) {
      StageChange change = ClmSerdes.stageChanges().deserializer().deserialize("changes", r.value());
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(change.customer().value());
      read.add(change);
    }
    return read;
  }

  @Test
  void aFirstTransactionMovesTheCustomerAndTheChangeIsWrittenKeyedByCustomer() {
    ClmTopology clm = start(banking());
    input.pipeInput(key("C-1"), json(transaction("p-1", "C-1", START, "2500.00")));

    List<StageChange> written = readChanges();
    assertThat(written).hasSize(1);
    assertThat(written.get(0).from()).isEqualTo("potential");
    assertThat(written.get(0).to()).isEqualTo("development");
    assertThat(written.get(0).at()).isEqualTo(START);
    assertThat(clm.counts()).isEqualTo(new ProcessingCounts(1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0));
  }

  @Test
  void aRedeliveredEventIsADuplicateAndCountsOnce() {
    ClmTopology clm = start(banking());
    byte[] event = json(transaction("p-1", "C-1", START, "10.00"));
    input.pipeInput(key("C-1"), event);
    input.pipeInput(key("C-1"), event);

    assertThat(readChanges()).hasSize(1);
    assertThat(clm.counts().applied()).isEqualTo(1);
    assertThat(clm.counts().duplicates()).isEqualTo(1);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void theTopologyGivesTheSameChangesAndStatesAsOneInMemoryEngine() {
    ClmTopology clm = start(banking().inMemoryStores());
    List<Event> feed = TestEvents.feed(40, 1_500, 7);
    LifecycleEngine reference = Clm.builder().model("banking-six-stage").currency("EUR").clock(clock).build();
    List<StageChange> expected = new ArrayList<>();
    for (Event e : feed) {
      expected.addAll(reference.ingest(e).changes());
      input.pipeInput(key(e.customer().value()), json(e), e.at());
    }

    assertThat(expected).isNotEmpty();
    assertThat(readChanges()).containsExactlyElementsOf(expected);
    assertThat(clm.counts().applied() + clm.counts().duplicates()).isEqualTo(feed.size());
    assertThat(clm.counts().duplicates()).isEqualTo(feed.size() - feed.stream().map(Event::id).distinct().count());

    LifecycleEngine fromStore =
        Clm.builder().model("banking-six-stage").currency("EUR").clock(clock).store(driven.store()).build();
    reference.forEachCustomer(
        c -> {
          assertThat(fromStore.customer(c.id())).contains(c);
          assertThat(fromStore.history(c.id())).isEqualTo(reference.history(c.id()));
        });
  }

  @Test
  void unreadableInputGoesToTheDeadLetterTopicUnchangedWithItsReasonAndProcessingGoesOn() {
    ClmTopology clm = start(banking());
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    byte[] unknownType = "{\"type\":\"gift\",\"id\":\"g-1\"}".getBytes(StandardCharsets.UTF_8);
    String negative = new String(json(transaction("p-9", "C-1", START, "1.00")), StandardCharsets.UTF_8)
        .replace("\"1.00\"", "\"-1.00\"");
    input.pipeInput(key("C-1"), notJson);
    input.pipeInput(key("C-1"), unknownType);
    input.pipeInput(key("C-1"), negative.getBytes(StandardCharsets.UTF_8));
    input.pipeInput(key("C-2"), json(transaction("p-2", "C-1", START, "1.00")));
    input.pipeInput(key("C-1"), json(new io.clm.api.event.Transaction(
        "p-3", CustomerId.of("C-1"), START, io.clm.api.event.Direction.CREDIT, io.clm.api.Money.of("1.00", "USD"),
        io.clm.api.event.ProductType.CURRENT_ACCOUNT, io.clm.api.event.Channel.MOBILE)));
    input.pipeInput(key("C-1"), json(transaction("p-4", "C-1", START, "1.00")));

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(5);
    assertThat(letters.get(0).value()).isEqualTo(notJson);
    assertThat(letters.get(0).key()).isEqualTo(key("C-1"));
    List<DeadLetter> reasons = letters.stream().map(r -> DeadLetter.from(r.headers())).toList();
    assertThat(reasons).extracting(DeadLetter::reason).containsExactly(
        DeadLetter.Reason.MALFORMED, DeadLetter.Reason.MALFORMED, DeadLetter.Reason.INVALID,
        DeadLetter.Reason.REFUSED, DeadLetter.Reason.REFUSED);
    assertThat(reasons).extracting(DeadLetter::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(reasons).allSatisfy(r -> assertThat(r.topic()).isEqualTo("events"));
    assertThat(reasons.get(1).message()).contains("gift");
    assertThat(reasons.get(2).message()).contains("amount").contains("negative");
    assertThat(reasons.get(3).message()).contains("is not the event's customer " + CustomerId.of("C-1").masked());
    assertThat(reasons.get(4).message()).contains("USD");
    assertThat(readChanges()).extracting(StageChange::to).containsExactly("development");
    assertThat(clm.counts()).isEqualTo(new ProcessingCounts(1, 0, 0, 0, 2, 1, 2, 1, 0, 0, 0));
  }

  @Test
  void aRecordWithTextAfterItsEventOrAFieldGivenTwiceIsADeadLetterNotAnEvent() {
    ClmTopology clm = start(banking());
    String valid = new String(json(transaction("p-1", "C-1", START, "2500.00")), StandardCharsets.UTF_8);
    byte[] trailing = (valid + " {\"type\":\"manual-move\"}").getBytes(StandardCharsets.UTF_8);
    byte[] twice = valid.replaceFirst("\\{", "{\"id\":\"p-0\",").getBytes(StandardCharsets.UTF_8);
    input.pipeInput(key("C-1"), trailing);
    input.pipeInput(key("C-1"), twice);

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).extracting(TestRecord::value).containsExactly(trailing, twice);
    assertThat(letters).allSatisfy(r -> {
      DeadLetter letter = DeadLetter.from(r.headers());
      assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.MALFORMED);
      assertThat(letter.message()).startsWith("not a clm event: ").doesNotContain("C-1");
    });
    assertThat(readChanges()).isEmpty();
    assertThat(clm.counts().applied()).isZero();
    assertThat(clm.counts().malformed()).isEqualTo(2);
  }

  @Test
  void aRecordWithoutAValueOrWithJsonNullIsMalformedAndTheMessageSaysWhich() {
    ClmTopology clm = start(banking());
    input.pipeInput(key("C-1"), (byte[]) null);
    input.pipeInput(key("C-1"), new byte[0]);
    input.pipeInput(key("C-1"), "null".getBytes(StandardCharsets.UTF_8));

    List<DeadLetter> letters = deadLetters.readRecordsToList().stream().map(r -> DeadLetter.from(r.headers())).toList();
    assertThat(letters).extracting(DeadLetter::reason).containsOnly(DeadLetter.Reason.MALFORMED).hasSize(3);
    assertThat(letters).extracting(DeadLetter::message).containsExactly(
        "the record has no value: an event needs one, and an erasure request the header clm.erase",
        "the record has no value: an event needs one, and an erasure request the header clm.erase",
        "the record value is JSON null, not a clm event");
    assertThat(clm.counts().malformed()).isEqualTo(3);
  }

  @Test
  void aDeadLetterMessageNeverQuotesTheCustomerIdOfAnUnreadableRecord() {
    ClmTopology clm = start(banking());
    String valid = new String(json(transaction("p-1", "CUST0012345", START, "1.00")), StandardCharsets.UTF_8);
    byte[] unquoted = valid.replace("\"CUST0012345\"", "CUST0012345").getBytes(StandardCharsets.UTF_8);
    byte[] truncated = valid.substring(0, valid.indexOf("CUST0012345") + 11).getBytes(StandardCharsets.UTF_8);
    byte[] numeric = valid.replace("\"CUST0012345\"", "0012345x").getBytes(StandardCharsets.UTF_8);
    byte[] nested = valid.replace("\"1.00\"", "CUST0012345").getBytes(StandardCharsets.UTF_8);
    input.pipeInput(key("CUST0012345"), unquoted);
    input.pipeInput(key("CUST0012345"), truncated);
    input.pipeInput(key("CUST0012345"), numeric);
    input.pipeInput(key("CUST0012345"), nested);

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).extracting(TestRecord::value).containsExactly(unquoted, truncated, numeric, nested);
    assertThat(letters).allSatisfy(r -> {
      DeadLetter letter = DeadLetter.from(r.headers());
      assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.MALFORMED);
      assertThat(letter.message()).startsWith("not a clm event: ").doesNotContain("0012345");
    });
    assertThat(DeadLetter.from(letters.get(0).headers()).message())
        .startsWith("not a clm event: not well-formed JSON at line 1, column ");
    assertThat(clm.counts().malformed()).isEqualTo(4);
  }

  @Test
  void aPunctuationEvaluatesAtMostMaxWokenPerPunctuationCustomers() {
    clock.set(START.plus(Duration.ofDays(20)));
    ClmTopology clm =
        start(
            ClmTopology.builder()
                .engine(e -> e.model(TestEvents.dormancyModel()).currency("EUR"))
                .punctuationInterval(Duration.ofMinutes(1))
                .maxWokenPerPunctuation(1));
    input.pipeInput(key("A"), json(transaction("a-1", "A", START, "5.00")));
    input.pipeInput(key("B"), json(transaction("b-1", "B", START.plus(Duration.ofDays(1)), "5.00")));
    assertThat(readChanges()).hasSize(2);

    clock.set(START.plus(Duration.ofDays(60)));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(readChanges()).extracting(c -> c.customer().value() + ":" + c.to()).containsExactly("A:dormant");
    List<String> later = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      driver.advanceWallClockTime(Duration.ofMinutes(1));
      List<StageChange> fired = readChanges();
      assertThat(fired).hasSizeLessThanOrEqualTo(1);
      fired.forEach(c -> later.add(c.customer().value() + ":" + c.to() + "@" + c.at()));
    }
    // B waited for a later punctuation, which evaluated up to B's own due instant, the last one it woke.
    assertThat(later).containsExactly("B:dormant@" + START.plus(Duration.ofDays(31)));
  }

  @Test
  void aPunctuationWakesOnlyTheCustomersDueAndTheirTimeDrivenRulesFire() {
    clock.set(START.plus(Duration.ofDays(20)));
    ClmTopology clm =
        start(
            ClmTopology.builder()
                .engine(e -> e.model(TestEvents.dormancyModel()).currency("EUR"))
                .punctuationInterval(Duration.ofMinutes(1)));
    input.pipeInput(key("A"), json(transaction("a-1", "A", START, "5.00")));
    input.pipeInput(key("B"), json(transaction("b-1", "B", START.plus(Duration.ofDays(20)), "5.00")));
    assertThat(readChanges()).extracting(StageChange::to).containsExactly("active", "active");

    clock.set(START.plus(Duration.ofDays(31)));
    driver.advanceWallClockTime(Duration.ofMinutes(1));

    List<StageChange> fired = readChanges();
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).customer()).isEqualTo(CustomerId.of("A"));
    assertThat(fired.get(0).to()).isEqualTo("dormant");
    assertThat(fired.get(0).at()).isEqualTo(START.plus(Duration.ofDays(31)));
    assertThat(clm.counts().customersWoken()).isEqualTo(1);

    clock.set(START.plus(Duration.ofDays(32)));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(readChanges()).isEmpty();
    assertThat(clm.counts().customersWoken()).isEqualTo(1);

    clock.set(START.plus(Duration.ofDays(51)));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(readChanges()).extracting(c -> c.customer().value() + ":" + c.to()).containsExactly("B:dormant");
    assertThat(clm.counts().customersWoken()).isEqualTo(2);
    assertThat(clm.counts().punctuations()).isEqualTo(3);
  }

  @Test
  void seenEventsOlderThanTheWindowArePrunedAndAReplayInsideTheWindowIsStillADuplicateAfterARestart() {
    Duration window = Duration.ofDays(35);
    ClmTopology clm = start(banking().deduplicationWindow(window));
    Transaction insideWindow = transaction("p-5", "C-1", START.plus(Duration.ofDays(70)), "5.00");
    Transaction latest = transaction("p-4", "C-1", START.plus(Duration.ofDays(100)), "5.00");
    Transaction old = transaction("p-3", "C-1", START.plus(Duration.ofDays(50)), "5.00");
    for (Transaction t : List.of(
        transaction("p-1", "C-1", START, "5.00"),
        transaction("p-2", "C-1", START.plus(Duration.ofDays(10)), "5.00"),
        old,
        latest,
        insideWindow,
        transaction("q-1", "C-2", START, "5.00"))) {
      input.pipeInput(key(t.customer().value()), json(t));
    }
    KeyValueStore<Bytes, byte[]> customers = driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
    KeyValueStore<Bytes, byte[]> appended = driver.getKeyValueStore(ClmTopology.APPENDED_STORE);
    assertThat(seenTimes(appended, "C-1")).hasSize(5);

    driver.advanceWallClockTime(Duration.ofMinutes(1));

    // The cutoff is day 100 - 35 = day 65: days 0, 10 and 50 go; days 70 and 100 stay; C-2's one event stays.
    assertThat(seenTimes(appended, "C-1")).containsExactlyInAnyOrder(latest.at(), insideWindow.at());
    assertThat(seenTimes(appended, "C-2")).containsExactly(START);
    assertThat(clm.counts().seenEventsPruned()).isEqualTo(3);

    input.pipeInput(key("C-1"), json(insideWindow));
    input.pipeInput(key("C-1"), json(old));
    assertThat(clm.counts().duplicates()).isEqualTo(1);
    assertThat(clm.counts().refused()).isEqualTo(1);

    LifecycleEngine restarted =
        Clm.builder()
            .model("banking-six-stage")
            .currency("EUR")
            .clock(clock)
            .deduplicationWindow(window)
            .store(driven.store())
            .build();
    assertThat(restarted.ingest(insideWindow).duplicate()).isTrue();
    assertThat(restarted.ingest(latest).duplicate()).isTrue();
    Transaction sameIdOtherAmount = transaction("p-5", "C-1", insideWindow.at(), "6.00");
    assertThatThrownBy(() -> restarted.ingest(sameIdOtherAmount)).isInstanceOf(ConflictingEventException.class);
    assertThatThrownBy(() -> restarted.ingest(old)).isInstanceOf(InvalidEventException.class).hasMessageContaining("p-3");
  }

  @Test
  void theWindowIsSetOnTheTopologyNotTwice() {
    ClmTopology.Builder both =
        ClmTopology.builder()
            .engine(e -> e.model("banking-six-stage").currency("EUR").deduplicationWindow(Duration.ofDays(35)))
            .deduplicationWindow(Duration.ofDays(35))
            .inputTopic("events")
            .stageChangeTopic("changes")
            .deadLetterTopic("dead-letters");
    assertThatThrownBy(both::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("deduplicationWindow");
    assertThatThrownBy(() -> ClmTopology.builder().deduplicationWindow(Duration.ofHours(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deduplicationWindow");
  }

  private static List<Instant> seenTimes(KeyValueStore<Bytes, byte[]> appended, String customer) {
    List<Instant> times = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = StoreLayout.range(appended, CustomerId.of(customer), StoreLayout.SEEN)) {
      it.forEachRemaining(entry -> times.add(Instant.ofEpochMilli(StoreLayout.seenAt(entry.value))));
    }
    return times;
  }
}
