package io.clm.kafka.streams.example;

import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.kafka.streams.ClmTopology;
import io.clm.kafka.streams.CustomerQueries;
import io.clm.kafka.streams.HttpCustomerEndpoint;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A clm application on Kafka Streams: run one or more copies with different ports and state
 * directories; they share the work by partition. Arguments: bootstrap servers, this instance's
 * port, state directory. The environment variable {@code CLM_ID_MASK_KEY} holds the id mask's secret
 * in Base64 (at least 32 random bytes), the same for every copy: erasure requests need it.
 */
public final class LifecycleApp {
  private LifecycleApp() {}

  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 7070;
    Path stateDir = Path.of(args.length > 2 ? args[2] : "/tmp/clm-streams-" + port);

    ClmTopology clm =
        ClmTopology.builder()
            .engine(engine -> engine.model("banking-six-stage").currency("EUR"))
            .idMask(CustomerIdMask.withKey(Base64.getDecoder().decode(System.getenv("CLM_ID_MASK_KEY"))))
            .inputTopic("clm-events")
            .stageChangeTopic("clm-stage-changes")
            .deadLetterTopic("clm-dead-letters")
            .punctuationInterval(Duration.ofMinutes(1))
            .build();

    HostInfo self = new HostInfo("localhost", port);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "clm-lifecycle");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1); // 3 in production
    config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0); // 1 in production: fast failover

    KafkaStreams streams = clm.newKafkaStreams(config); // exactly-once v2 by default
    CustomerQueries queries = clm.queries(streams, self, HttpCustomerEndpoint.client());
    HttpCustomerEndpoint endpoint = HttpCustomerEndpoint.start(new InetSocketAddress(port), queries);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      streams.close(Duration.ofSeconds(30));
      stopped.countDown();
    }));
    streams.start();

    while (!stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
      System.out.println(streams.state() + " " + clm.counts());
      if (streams.state() == KafkaStreams.State.RUNNING) {
        try {
          // Any instance answers for any customer: it asks the owner when it is not this one.
          queries.customer(CustomerId.of("C-1001"))
              .ifPresent(c -> System.out.println("C-1001 is in " + c.customer().stage()));
        } catch (RuntimeException e) {
          System.out.println("query not possible now: " + e.getMessage());
        }
      }
    }
  }
}
