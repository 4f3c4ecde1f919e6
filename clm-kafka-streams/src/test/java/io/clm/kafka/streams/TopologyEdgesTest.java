package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.key;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.event.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's defaults and the edges of its input: keys, values and the pruning cutoff. */
class TopologyEdgesTest {
  @TempDir Path stateDir;

  private final TestEvents.MovableClock clock = new TestEvents.MovableClock(START.plus(Duration.ofDays(20)));
  private Driven driven;

  @AfterEach
  void close() {
    if (driven != null) {
      driven.close();
    }
  }

  private ClmTopology start(ClmTopology.Builder builder) {
    driven = new Driven(builder, clock, stateDir);
    return driven.clm;
  }

  private static ClmTopology.Builder dormancy() {
    return ClmTopology.builder().engine(e -> e.model(TestEvents.dormancyModel()).currency("EUR"));
  }

  private List<String> readChanges() {
    List<String> read = new ArrayList<>();
    for (byte[] value : driven.changes.readValuesToList()) {
      StageChange change = ClmSerdes.stageChanges().deserializer().deserialize("", value);
      read.add(change.customer().value() + ":" + change.to());
    }
    return read;
  }

  private List<DeadLetter> readDeadLetters() {
    return driven.deadLetters.readRecordsToList().stream().map(r -> DeadLetter.from(r.headers())).toList();
  }

  @Test
  void withoutASettingTimeDrivenRulesAreEvaluatedEveryMinute() {
    ClmTopology clm = start(dormancy());
    driven.input.pipeInput(key("A"), json(transaction("a-1", "A", START, "5.00")));
    assertThat(readChanges()).containsExactly("A:active");

    clock.set(START.plus(Duration.ofDays(31)));
    driven.driver.advanceWallClockTime(Duration.ofSeconds(59));
    assertThat(clm.counts().punctuations()).isZero();
    driven.driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(clm.counts().punctuations()).isEqualTo(1);
    assertThat(readChanges()).containsExactly("A:dormant");
  }

  @Test
  void withoutPunctuationNoTimeDrivenRuleFiresHoweverLongTheWallClockRuns() {
    ClmTopology clm = start(dormancy().withoutPunctuation());
    driven.input.pipeInput(key("A"), json(transaction("a-1", "A", START, "5.00")));
    assertThat(readChanges()).containsExactly("A:active");

    clock.set(START.plus(Duration.ofDays(31)));
    driven.driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(clm.counts().punctuations()).isZero();
    assertThat(readChanges()).isEmpty();
  }

  @Test
  void aRecordWithoutAKeyOrWithAKeyThatIsNotAnIdIsRefusedSayingWhatTheKeyIs() {
    ClmTopology clm = start(dormancy().withoutPunctuation());
    byte[] event = json(transaction("a-1", "A", START, "5.00"));
    driven.input.pipeInput((byte[]) null, event);
    driven.input.pipeInput(new byte[] {'A', (byte) 0xff}, event);

    List<DeadLetter> letters = readDeadLetters();
    String customer = CustomerId.of("A").masked();
    String rule = ": events must be keyed by customer id so that each customer lives in one partition";
    assertThat(letters).extracting(DeadLetter::reason).containsExactly(DeadLetter.Reason.REFUSED, DeadLetter.Reason.REFUSED);
    assertThat(letters).extracting(DeadLetter::message).containsExactly(
        "record key null is not the event's customer " + customer + rule,
        "record key of 2 bytes that are not a customer id is not the event's customer " + customer + rule);
    assertThat(clm.counts().refused()).isEqualTo(2);
    assertThat(clm.counts().applied()).isZero();
  }

  @Test
  void bytesInAnEncodingJsonReadersDoNotKnowAreMalformed() {
    ClmTopology clm = start(dormancy().withoutPunctuation());
    byte[] ucs4 = {0, 0, (byte) 0xff, (byte) 0xfe, 0, 0, 0, '{'};
    driven.input.pipeInput(key("A"), ucs4);

    List<TestRecord<byte[], byte[]>> letters = driven.deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(ucs4);
    DeadLetter letter = DeadLetter.from(letters.get(0).headers());
    assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.MALFORMED);
    assertThat(letter.message()).isEqualTo("not a clm event: Unsupported UCS-4 endianness (2143) detected");
    assertThat(clm.counts().malformed()).isEqualTo(1);
  }

  @Test
  void aSeenEventExactlyOneWindowBeforeTheLatestIsKeptAndItsReplayIsADuplicateAfterARestart() {
    Duration window = Duration.ofDays(35);
    clock.set(START.plus(Duration.ofDays(400)));
    ClmTopology clm = start(dormancy().withoutPunctuation().deduplicationWindow(window));
    Transaction atCutoff = transaction("p-2", "C-1", START.plus(Duration.ofDays(65)), "5.00");
    driven.input.pipeInput(key("C-1"), json(transaction("p-1", "C-1", START, "5.00")));
    driven.input.pipeInput(key("C-1"), json(atCutoff));
    driven.input.pipeInput(key("C-1"), json(transaction("p-3", "C-1", START.plus(Duration.ofDays(100)), "5.00")));

    driven.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(clm.counts().seenEventsPruned()).as("only the event of day 0 is older than day 100 - 35 days").isEqualTo(1);

    LifecycleEngine restarted =
        Clm.builder()
            .model(TestEvents.dormancyModel())
            .currency("EUR")
            .clock(clock)
            .deduplicationWindow(window)
            .store(driven.store())
            .build();
    assertThat(restarted.ingest(atCutoff).duplicate()).isTrue();
  }
}
