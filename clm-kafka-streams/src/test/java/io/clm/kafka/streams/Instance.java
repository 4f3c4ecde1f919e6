package io.clm.kafka.streams;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One application instance as an integrator would run it: the clm topology, its streams and the
 * HTTP endpoint that answers other instances' queries. {@link #main} runs one in a child JVM, so
 * that a test can kill it abruptly.
 */
final class Instance {
  static final String APPLICATION = "clm-it";
  static final String EVENTS = "clm-events";
  static final String CHANGES = "clm-stage-changes";
  static final String DEAD_LETTERS = "clm-dead-letters";

  final ClmTopology clm;
  final KafkaStreams streams;
  final HostInfo self;
  final CustomerQueries queries;
  final HttpCustomerEndpoint endpoint;

  Instance(String bootstrap, Path stateDir, int port) {
    clm =
        ClmTopology.builder()
            .engine(e -> e.model("banking-six-stage").currency("EUR").futureTolerance(Duration.ofDays(36_500)))
            .idMask(ErasureTest.MASK)
            .inputTopic(EVENTS)
            .stageChangeTopic(CHANGES)
            .deadLetterTopic(DEAD_LETTERS)
            .withoutPunctuation()
            .build();
    self = new HostInfo("127.0.0.1", port);
    streams = clm.newKafkaStreams(properties(bootstrap, stateDir, self));
    queries = clm.queries(streams, self, HttpCustomerEndpoint.client());
    endpoint = HttpCustomerEndpoint.start(new InetSocketAddress(self.host(), self.port()), queries);
    streams.start();
  }

  static Properties properties(String bootstrap, Path stateDir, HostInfo self) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // Every instance counts as caught up, so that tasks spread at once instead of warming up first.
    p.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, 100_000_000L);
    p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 4_000);
    p.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);
    p.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 5_000);
    return p;
  }

  private boolean closed;

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    endpoint.close();
    streams.close(Duration.ofSeconds(30));
  }

  /** Runs one instance until the process is killed: bootstrap servers, state directory, port. */
  public static void main(String[] args) throws InterruptedException {
    Instance instance = new Instance(args[0], Path.of(args[1]), Integer.parseInt(args[2]));
    KafkaStreams.State last = null;
    while (true) {
      KafkaStreams.State now = instance.streams.state();
      if (now != last) {
        System.out.println("STATE " + now);
        System.out.flush();
        last = now;
      }
      Thread.sleep(50);
    }
  }
}
