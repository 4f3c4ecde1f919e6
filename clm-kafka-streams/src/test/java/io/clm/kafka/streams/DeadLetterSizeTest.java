package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead letter keeps its value exactly when the producer would send it with it: the producer
 * refuses a record whose size, as Kafka estimates it before sending ({@code
 * AbstractRecords.estimateSizeInBytesUpperBound}), exceeds its {@code max.request.size}, and a
 * refused dead letter fails the task, which meets the same record again on every restart.
 */
class DeadLetterSizeTest {
  private static final int MAX_REQUEST_SIZE = 4_096;
  private static final String LEFT_OUT = " bytes left out";

  @TempDir Path stateDir;

  @Test
  void aDeadLetterKeepsItsValueExactlyWhenTheProducersMaxRequestSizeAllowsIt() {
    Properties p = new Properties();
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_SIZE));
    assertValuesKeptExactlyWhenTheyFit(p);
  }

  @Test
  void theProducersOwnMaxRequestSizeWinsOverTheOneForEveryClient() {
    Properties p = new Properties();
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1000000");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_SIZE);
    assertValuesKeptExactlyWhenTheyFit(p);
  }

  /**
   * Sends unreadable values of every length from well under to well over the limit, and checks
   * each dead letter against Kafka's own estimate of the record the producer would send.
   */
  private void assertValuesKeptExactlyWhenTheyFit(Properties producer) {
    int kept = 0;
    int leftOut = 0;
    try (Driven driven = new Driven(banking(), new TestEvents.MovableClock(START), stateDir, producer)) {
      for (int length = 3_000; length <= MAX_REQUEST_SIZE + 100; length++) {
        byte[] value = unknownType(length);
        driven.input.pipeInput(key("C-1"), value);
        TestRecord<byte[], byte[]> letter = driven.deadLetters.readRecord();
        Header[] sent = letter.headers().toArray();
        DeadLetter reason = DeadLetter.from(letter.headers());
        assertThat(reason.reason()).isEqualTo(DeadLetter.Reason.MALFORMED);
        if (letter.value() != null) {
          kept++;
          assertThat(letter.value()).isEqualTo(value);
          assertThat(reason.message()).doesNotContain(LEFT_OUT);
          assertThat(producerEstimate(value, sent)).as("a dead letter of a value of %d bytes", length).isLessThanOrEqualTo(MAX_REQUEST_SIZE);
        } else {
          leftOut++;
          String suffix = "; the value of " + length + LEFT_OUT;
          assertThat(reason.message()).contains(suffix).contains("max.request.size " + MAX_REQUEST_SIZE);
          assertThat(producerEstimate(null, sent)).isLessThanOrEqualTo(MAX_REQUEST_SIZE);
          RecordHeaders withValue = new RecordHeaders();
          new DeadLetter(reason.reason(), reason.message().substring(0, reason.message().indexOf(suffix)), reason.topic(),
                  reason.partition(), reason.offset())
              .writeTo(withValue);
          assertThat(producerEstimate(value, withValue.toArray()))
              .as("the dead letter of a value of %d bytes, had it kept its value", length)
              .isGreaterThan(MAX_REQUEST_SIZE);
        }
      }
    }
    assertThat(kept).isPositive();
    assertThat(leftOut).isPositive();
  }

  private static ClmTopology.Builder banking() {
    return ClmTopology.builder().engine(e -> e.model("banking-six-stage").currency("EUR")).withoutPunctuation();
  }

  /** JSON of an event of a type clm does not know, {@code length} bytes long. */
  private static byte[] unknownType(int length) {
    byte[] value = new byte[length];
    Arrays.fill(value, (byte) ' ');
    byte[] prefix = "{\"type\":\"gift\",\"x\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefix, 0, value, 0, prefix.length);
    value[length - 2] = '"';
    value[length - 1] = '}';
    return value;
  }

  /** The size the producer checks against max.request.size before it sends a dead letter keyed C-1. */
  private static int producerEstimate(byte[] value, Header[] headers) {
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key("C-1"), value, headers);
  }
}
