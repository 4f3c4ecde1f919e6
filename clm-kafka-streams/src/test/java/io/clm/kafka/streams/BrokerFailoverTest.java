package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application instances on a real broker, one in this JVM and one in a child JVM that is
 * killed (SIGKILL) mid-stream; the survivor takes its partitions over from the changelogs. At the
 * end every customer's state and history, the stage counts and the stage-change topic equal one
 * in-memory engine fed the same events once; an instance started later on an empty disk, restored
 * from the changelogs alone, answers the same.
 */
class BrokerFailoverTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void anInstanceKilledMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
    try (Broker broker = new Broker()) {
      broker.createTopics(4, Instance.EVENTS, Instance.CHANGES, Instance.DEAD_LETTERS);
      String bootstrap = broker.bootstrapServers();
      List<Event> feed = TestEvents.feed(150, 3_000, 11);
      LifecycleEngine reference =
          Clm.builder().model("banking-six-stage").currency("EUR").futureTolerance(Duration.ofDays(36_500)).build();
      List<StageChange> expected = new ArrayList<>();

      Process child = startChild(bootstrap, Files.createDirectory(dir.resolve("b")), freePort());
      Instance a = new Instance(bootstrap, Files.createDirectory(dir.resolve("a")), freePort());
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
          ChangeReader changes = new ChangeReader(bootstrap, Instance.CHANGES)) {
        await("both instances own partitions", () -> a.streams.state() == KafkaStreams.State.RUNNING && ownersOf(a) == 2);

        // First third, then every customer so far read through instance A, locally or from B.
        send(producer, reference, expected, feed.subList(0, 1_000));
        changes.await(expected.size());
        Set<HostInfo> answeredBy = new java.util.HashSet<>();
        reference.forEachCustomer(
            c -> {
              answeredBy.add(a.streams.queryMetadataForKey(ClmTopology.CUSTOMERS_STORE, c.id().value(), new StringSerializer()).activeHost());
              assertThat(a.queries.customer(c.id())).contains(new CustomerView(c, reference.history(c.id())));
            });
        assertThat(answeredBy).hasSize(2);

        // Second third and three unreadable records; B dies while it works through them.
        send(producer, reference, expected, feed.subList(1_000, 2_000));
        for (int i = 0; i < 3; i++) {
          producer.send(new ProducerRecord<>(Instance.EVENTS, "C-" + i, "{broken".getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
        List<CustomerId> probes = customersOwnedBy(a, hostOf(a, false), 3);
        child.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        List<Event> probeEvents = new ArrayList<>();
        for (CustomerId probe : probes) {
          probeEvents.add(TestEvents.transaction("probe-" + probe.value(), probe.value(), TestEvents.START, "1.00"));
        }
        send(producer, reference, expected, probeEvents);
        changes.awaitCustomers(probes);
        long failoverMillis = (System.nanoTime() - killed) / 1_000_000;
        System.out.println("failover: " + failoverMillis + " ms from SIGKILL to the dead instance's partitions processed again");

        send(producer, reference, expected, feed.subList(2_000, feed.size()));
        changes.await(expected.size());

        // The stage-change topic holds every change once, in each customer's order.
        assertThat(changes.byCustomer()).isEqualTo(byCustomer(expected));
        assertSameAsReference(a.queries, reference);
        assertThat(new ChangeReader(bootstrap, Instance.DEAD_LETTERS).awaitCount(3)).isEqualTo(3);

        // A third instance on an empty disk restores everything from the changelogs.
        Instance c = new Instance(bootstrap, Files.createDirectory(dir.resolve("c")), freePort());
        try {
          await("instance C owns partitions", () -> ownersOf(a) == 2);
          a.close();
          await("instance C owns every partition", () -> ownersOf(c) == 1 && c.streams.state() == KafkaStreams.State.RUNNING);
          awaitQuietly(() -> c.queries.customer(probes.get(0)).isPresent());
          // A follow-up rebalance may still close the stores for queries for a moment: retry then.
          awaitQuietly(() -> {
            assertSameAsReference(c.queries, reference);
            return true;
          });
        } finally {
          c.close();
        }
      } finally {
        a.close();
        child.destroyForcibly().waitFor();
      }
    }
  }

  private static void assertSameAsReference(CustomerQueries queries, LifecycleEngine reference) {
    Map<String, Long> counts = new LinkedHashMap<>();
    reference.model().stages().forEach(s -> counts.put(s.id(), 0L));
    List<Customer> all = new ArrayList<>();
    reference.forEachCustomer(all::add);
    for (Customer expected : all) {
      CustomerView view = queries.customer(expected.id()).orElseThrow();
      assertThat(view.customer()).isEqualTo(expected);
      assertThat(view.history()).isEqualTo(reference.history(expected.id()));
      counts.merge(view.customer().stage(), 1L, Long::sum);
    }
    assertThat(counts).isEqualTo(reference.stageCounts());
    assertThat(all).hasSize(150 + 3);
  }

  private static Map<CustomerId, List<StageChange>> byCustomer(List<StageChange> changes) {
    Map<CustomerId, List<StageChange>> by = new HashMap<>();
    changes.forEach(c -> by.computeIfAbsent(c.customer(), k -> new ArrayList<>()).add(c));
    return by;
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, LifecycleEngine reference, List<StageChange> expected, List<Event> events) {
    for (Event e : events) {
      expected.addAll(reference.ingest(e).changes());
      producer.send(new ProducerRecord<>(Instance.EVENTS, e.customer().value(), TestEvents.json(e)));
    }
    producer.flush();
  }

  private static int ownersOf(Instance instance) {
    int owners = 0;
    for (StreamsMetadata m : instance.streams.metadataForAllStreamsClients()) {
      if (!m.topicPartitions().isEmpty()) {
        owners++;
      }
    }
    return owners;
  }

  private static HostInfo hostOf(Instance a, boolean self) {
    for (StreamsMetadata m : a.streams.metadataForAllStreamsClients()) {
      if (m.hostInfo().equals(a.self) == self && !m.topicPartitions().isEmpty()) {
        return m.hostInfo();
      }
    }
    throw new AssertionError("no " + (self ? "local" : "remote") + " owner");
  }

  /** New customer ids whose partitions the given host owns now. */
  private static List<CustomerId> customersOwnedBy(Instance a, HostInfo owner, int count) {
    List<CustomerId> found = new ArrayList<>();
    for (int i = 0; found.size() < count; i++) {
      CustomerId id = CustomerId.of("P-" + i);
      if (a.streams.queryMetadataForKey(ClmTopology.CUSTOMERS_STORE, id.value(), new StringSerializer()).activeHost().equals(owner)) {
        found.add(id);
      }
    }
    return found;
  }

  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private Process startChild(String bootstrap, Path stateDir, int port) throws IOException {
    Path classpath = dir.resolve("classpath.txt");
    Files.writeString(classpath, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "@" + classpath,
                Instance.class.getName(),
                bootstrap,
                stateDir.toString(),
                Integer.toString(port))
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(line -> { });
              } catch (IOException e) {
                // the child was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    return child;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Waits for a condition that may throw while stores move (a query during a rebalance). */
  static void awaitQuietly(BooleanSupplier condition) throws InterruptedException {
    await("a query succeeds", () -> {
      try {
        return condition.getAsBoolean();
      } catch (CustomerQueryException e) {
        return false;
      }
    });
  }

  /** Reads a topic as committed, from the beginning. */
  static final class ChangeReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();

    ChangeReader(String bootstrap, String topic) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime());
      consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(topic));
    }

    void await(int count) throws InterruptedException {
      BrokerFailoverTest.await(count + " records are committed", () -> poll() >= count);
      // Anything more would be a change counted twice: give it a moment to show up.
      for (int i = 0; i < 5; i++) {
        poll();
      }
      assertThat(read).hasSize(count);
    }

    int awaitCount(int count) throws InterruptedException {
      await(count);
      return read.size();
    }

    void awaitCustomers(List<CustomerId> customers) throws InterruptedException {
      Set<String> wanted = new TreeSet<>();
      customers.forEach(c -> wanted.add(c.value()));
      BrokerFailoverTest.await("changes of " + wanted, () -> {
        poll();
        Set<String> seen = new TreeSet<>();
        read.forEach(r -> seen.add(new String(r.key(), StandardCharsets.UTF_8)));
        return seen.containsAll(wanted);
      });
    }

    private int poll() {
      consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      return read.size();
    }

    List<ConsumerRecord<byte[], byte[]>> records() {
      return List.copyOf(read);
    }

    Map<CustomerId, List<StageChange>> byCustomer() {
      List<StageChange> changes = new ArrayList<>();
      read.forEach(r -> changes.add(ClmSerdes.stageChanges().deserializer().deserialize("", r.value())));
      return BrokerFailoverTest.byCustomer(changes);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
