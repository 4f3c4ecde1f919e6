package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.StageChange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input record just under the size the application's producer may send: its dead letter, with
 * the reason's headers added, would not fit, and must not stop the processing of the partition.
 */
class OversizedRecordTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void aDeadLetterTooLargeToSendIsWrittenWithoutItsValueAndProcessingGoesOn() throws Exception {
    try (Broker broker = new Broker()) {
      broker.createTopics(1, "big-events", "big-changes", "big-dead-letters");
      ClmTopology clm =
          ClmTopology.builder()
              .engine(e -> e.model("banking-six-stage").currency("EUR").futureTolerance(Duration.ofDays(36_500)))
              .inputTopic("big-events")
              .stageChangeTopic("big-changes")
              .deadLetterTopic("big-dead-letters")
              .withoutPunctuation()
              .build();
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "clm-big");
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
      p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
      p.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 5_000);
      KafkaStreams streams = clm.newKafkaStreams(p);
      // 150 bytes under the default max.request.size (1 MiB): it fits, with the reason's headers it does not.
      byte[] big = new byte[1_048_576 - 150];
      Arrays.fill(big, (byte) ' ');
      byte[] prefix = "{\"type\":\"gift\",\"x\":\"".getBytes(StandardCharsets.UTF_8);
      System.arraycopy(prefix, 0, big, 0, prefix.length);
      big[big.length - 2] = '"';
      big[big.length - 1] = '}';
      try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers());
          KafkaConsumer<byte[], byte[]> changes = consumer(broker.bootstrapServers(), "big-changes");
          KafkaConsumer<byte[], byte[]> letters = consumer(broker.bootstrapServers(), "big-dead-letters")) {
        producer.send(new ProducerRecord<>("big-events", TestEvents.key("C-1"), big)).get();
        producer.send(
                new ProducerRecord<>(
                    "big-events",
                    TestEvents.key("C-1"),
                    TestEvents.json(TestEvents.transaction("p-1", "C-1", TestEvents.START, "10.00"))))
            .get();
        streams.start();

        List<ConsumerRecord<byte[], byte[]>> readLetters = new ArrayList<>();
        List<StageChange> readChanges = new ArrayList<>();
        await(
            "the dead letter and the stage change are committed",
            () -> {
              letters.poll(Duration.ofMillis(200)).forEach(readLetters::add);
              changes.poll(Duration.ofMillis(200))
                  .forEach(r -> readChanges.add(ClmSerdes.stageChanges().deserializer().deserialize("", r.value())));
              return (!readLetters.isEmpty() && !readChanges.isEmpty()) || streams.state() == KafkaStreams.State.ERROR
                  || streams.state() == KafkaStreams.State.PENDING_ERROR;
            });
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(readChanges).extracting(StageChange::to).containsExactly("development");
        assertThat(readLetters).hasSize(1);
        ConsumerRecord<byte[], byte[]> letter = readLetters.get(0);
        assertThat(letter.key()).isEqualTo(TestEvents.key("C-1"));
        assertThat(letter.value()).isNull();
        DeadLetter reason = DeadLetter.from(letter.headers());
        assertThat(reason.reason()).isEqualTo(DeadLetter.Reason.MALFORMED);
        assertThat(reason.topic()).isEqualTo("big-events");
        assertThat(reason.partition()).isZero();
        assertThat(reason.offset()).isZero();
        assertThat(reason.message())
            .contains("gift")
            .contains("value of " + big.length + " bytes left out")
            .contains("max.request.size");
        assertThat(clm.counts().malformed()).isEqualTo(1);
      } finally {
        streams.close(Duration.ofSeconds(30));
      }
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
