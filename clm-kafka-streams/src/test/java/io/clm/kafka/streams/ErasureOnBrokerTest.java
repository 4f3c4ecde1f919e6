package io.clm.kafka.streams;

import static io.clm.kafka.streams.BrokerFailoverTest.await;
import static io.clm.kafka.streams.BrokerFailoverTest.awaitQuietly;
import static io.clm.kafka.streams.BrokerFailoverTest.freePort;
import static io.clm.kafka.streams.BrokerFailoverTest.producer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure requests on a real broker, exactly once: the erased customers' keys end as tombstones in
 * every changelog (which carry the compaction bound), and an instance restored from the
 * changelogs on an empty disk no longer knows them and refuses their later events.
 */
class ErasureOnBrokerTest {
  private static final List<CustomerId> ERASED = List.of(CustomerId.of("C-3"), CustomerId.of("C-7"));

  @TempDir Path dir;

  @Test
  void erasedCustomersLeaveOnlyTombstonesInTheChangelogsAndStayErasedAfterARestore() throws Exception {
    try (Broker broker = new Broker()) {
      broker.createTopics(2, Instance.EVENTS, Instance.CHANGES, Instance.DEAD_LETTERS);
      String bootstrap = broker.bootstrapServers();
      // Customers C-0 to C-29: no other id contains "C-3" or "C-7".
      List<Event> feed = TestEvents.feed(30, 600, 5);
      LifecycleEngine reference =
          Clm.builder().model("banking-six-stage").currency("EUR").futureTolerance(Duration.ofDays(36_500)).build();
      int changes = 0;
      Instance a = new Instance(bootstrap, Files.createDirectory(dir.resolve("a")), freePort());
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
          BrokerFailoverTest.ChangeReader written = new BrokerFailoverTest.ChangeReader(bootstrap, Instance.CHANGES)) {
        await("instance A runs", () -> a.streams.state() == KafkaStreams.State.RUNNING);
        for (Event e : feed) {
          changes += reference.ingest(e).changes().size();
          producer.send(new ProducerRecord<>(Instance.EVENTS, e.customer().value(), TestEvents.json(e)));
        }
        for (CustomerId id : ERASED) {
          assertThat(reference.customer(id)).isPresent();
          reference.erase(id);
          ProducerRecord<String, byte[]> request = new ProducerRecord<>(Instance.EVENTS, id.value(), null);
          request.headers().add(new RecordHeader(ClmTopology.ERASURE_HEADER, new byte[0]));
          producer.send(request);
        }
        producer.flush();
        written.await(changes + ERASED.size());
        Map<String, Integer> tombstones = new HashMap<>();
        written.records().stream()
            .filter(r -> r.value() == null)
            .forEach(r -> tombstones.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum));
        assertThat(tombstones).isEqualTo(Map.of("C-3", 1, "C-7", 1));
        assertThat(a.clm.counts().erased()).isEqualTo(2);
      } finally {
        a.close();
      }

      for (String store : List.of(ClmTopology.CUSTOMERS_STORE, ClmTopology.APPENDED_STORE, ClmTopology.DUE_STORE)) {
        String changelog = Instance.APPLICATION + "-" + store + "-changelog";
        assertThat(topicConfig(bootstrap, changelog).get("max.compaction.lag.ms").value()).isEqualTo("604800000");
        Map<Bytes, byte[]> latest = latestValues(bootstrap, changelog);
        for (CustomerId id : ERASED) {
          byte[] idBytes = id.value().getBytes(StandardCharsets.UTF_8);
          List<Bytes> keys = latest.keySet().stream().filter(k -> ErasureTest.contains(k.get(), idBytes)).toList();
          assertThat(keys).as("keys of %s in %s", id.value(), changelog).isNotEmpty();
          assertThat(keys).allSatisfy(k -> assertThat(latest.get(k)).as("latest value of a key in %s", changelog).isNull());
        }
      }

      Instance b = new Instance(bootstrap, Files.createDirectory(dir.resolve("b")), freePort());
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
          BrokerFailoverTest.ChangeReader deadLetters = new BrokerFailoverTest.ChangeReader(bootstrap, Instance.DEAD_LETTERS)) {
        await("instance B runs", () -> b.streams.state() == KafkaStreams.State.RUNNING);
        List<Customer> kept = new ArrayList<>();
        reference.forEachCustomer(kept::add);
        assertThat(kept).hasSize(28);
        awaitQuietly(() -> {
          for (Customer c : kept) {
            assertThat(b.queries.customer(c.id())).contains(new CustomerView(c, reference.history(c.id())));
          }
          for (CustomerId id : ERASED) {
            assertThat(b.queries.customer(id)).isEmpty();
          }
          return true;
        });
        producer.send(new ProducerRecord<>(
            Instance.EVENTS, "C-3", TestEvents.json(TestEvents.transaction("late-1", "C-3", TestEvents.START, "1.00"))));
        producer.flush();
        deadLetters.await(1);
        DeadLetter letter = DeadLetter.from(deadLetters.records().get(0).headers());
        assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.REFUSED);
        assertThat(letter.message()).contains("was erased");
      } finally {
        b.close();
      }
    }
  }

  private static Config topicConfig(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
  }

  /** Every key of a topic with the value of its latest committed record (null for a tombstone). */
  private static Map<Bytes, byte[]> latestValues(String bootstrap, String topic) throws InterruptedException {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<Bytes, byte[]> latest = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await("the whole of " + topic + " is read", () -> {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          latest.put(Bytes.wrap(r.key()), r.value());
        }
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
      });
    }
    return latest;
  }
}
