package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer queries against real streams on a real broker: what an instance answers for a customer
 * it does not own, and what a query answers when the streams were started without {@code
 * application.server}.
 */
class CustomerQueriesOnBrokerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir static Path dir;

  private static Broker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new Broker();
    broker.createTopics(2, Instance.EVENTS, Instance.CHANGES, Instance.DEAD_LETTERS);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void anInstanceThatDoesNotOwnAnExistingCustomerSaysSoInsteadOfNotFound() throws Exception {
    Instance a = new Instance(broker.bootstrapServers(), Files.createDirectory(dir.resolve("a")), freePort());
    Instance b = new Instance(broker.bootstrapServers(), Files.createDirectory(dir.resolve("b")), freePort());
    try (KafkaProducer<String, byte[]> producer = producer()) {
      await("both instances own a partition", () -> running(a) && running(b) && owners(a) == 2);
      CustomerId ownedByA = ownedBy(a, a.self);
      producer.send(
          new ProducerRecord<>(
              Instance.EVENTS,
              ownedByA.value(),
              TestEvents.json(TestEvents.transaction("p-1", ownedByA.value(), TestEvents.START, "10.00"))));
      producer.flush();
      await("the customer is stored", () -> {
        try {
          return a.queries.customer(ownedByA).isPresent() && b.queries.customer(ownedByA).isPresent();
        } catch (CustomerQueryException e) {
          return false;
        }
      });

      // B does not own the customer: "no such customer" would be a wrong answer, it must say "ask again".
      assertThatThrownBy(() -> b.queries.local(ownedByA))
          .isInstanceOf(CustomerQueryException.class)
          .hasMessageContaining(ownedByA.masked())
          .hasMessageNotContaining(ownedByA.value() + " ");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + b.self.port() + "/clm/customers/" + ownedByA.value()))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains(ownedByA.masked()).doesNotContain(ownedByA.value() + " ");
      assertThatThrownBy(() -> HttpCustomerEndpoint.client().fetch(b.self, ownedByA))
          .isInstanceOf(CustomerQueryException.class)
          .hasMessageContaining("503");
    } finally {
      b.close();
      a.close();
    }
  }

  @Test
  void aQueryOfStreamsWithoutApplicationServerNamesThePropertyAndNotTheId() throws Exception {
    ClmTopology clm =
        ClmTopology.builder()
            .engine(e -> e.model("banking-six-stage").currency("EUR"))
            .inputTopic(Instance.EVENTS)
            .stageChangeTopic(Instance.CHANGES)
            .deadLetterTopic(Instance.DEAD_LETTERS)
            .withoutPunctuation()
            .build();
    Properties p = Instance.properties(broker.bootstrapServers(), Files.createDirectory(dir.resolve("c")), new HostInfo("x", 1));
    p.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "clm-no-server");
    KafkaStreams streams = clm.newKafkaStreams(p);
    try {
      streams.start();
      await("the streams run", () -> streams.state() == KafkaStreams.State.RUNNING);
      CustomerQueries queries = clm.queries(streams, new HostInfo("127.0.0.1", freePort()), HttpCustomerEndpoint.client());
      CustomerId id = CustomerId.of("CUST0012345");
      assertThatThrownBy(() -> queries.customer(id))
          .isInstanceOf(CustomerQueryException.class)
          .hasMessageContaining("application.server")
          .hasMessageNotContaining("0012345");
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  private static boolean running(Instance instance) {
    return instance.streams.state() == KafkaStreams.State.RUNNING;
  }

  private static int owners(Instance instance) {
    int owners = 0;
    for (StreamsMetadata m : instance.streams.metadataForAllStreamsClients()) {
      if (!m.topicPartitions().isEmpty()) {
        owners++;
      }
    }
    return owners;
  }

  private static CustomerId ownedBy(Instance instance, HostInfo owner) {
    for (int i = 0; ; i++) {
      CustomerId id = CustomerId.of("Q-" + i);
      HostInfo host =
          instance.streams.queryMetadataForKey(ClmTopology.CUSTOMERS_STORE, id.value(), new StringSerializer()).activeHost();
      if (host.equals(owner)) {
        return id;
      }
    }
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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
