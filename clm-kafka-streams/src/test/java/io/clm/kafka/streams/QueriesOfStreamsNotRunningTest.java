package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query of streams that are not running, not started yet or stopped, cannot know the owner of a
 * customer: it fails as a query that cannot be answered now, and the endpoint answers 503, as
 * during a rebalance, not 500 as if the customer could not be read. No broker is needed: the
 * streams are never started.
 */
class QueriesOfStreamsNotRunningTest {
  private static final CustomerId CUSTOMER = CustomerId.of("C-1");
  private static final HostInfo SELF = new HostInfo("127.0.0.1", 7070);

  @TempDir Path stateDir;

  @Test
  void aQueryOfStreamsNotStartedOrStoppedIsACustomerQueryExceptionAndTheEndpointAnswers503() throws Exception {
    ClmTopology clm =
        ClmTopology.builder()
            .engine(e -> e.model("banking-six-stage").currency("EUR"))
            .inputTopic("events")
            .stageChangeTopic("changes")
            .deadLetterTopic("dead-letters")
            .inMemoryStores()
            .build();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "clm-not-running");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, SELF.host() + ":" + SELF.port());
    KafkaStreams streams = clm.newKafkaStreams(p);
    try {
      CustomerQueries queries =
          clm.queries(streams, SELF, (owner, customer) -> {
            throw new AssertionError("no owner is known, so none is asked");
          });
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.CREATED);
      assertNotKnownNow(queries, "CREATED");
      try (HttpCustomerEndpoint endpoint = HttpCustomerEndpoint.start(new InetSocketAddress("127.0.0.1", 0), queries)) {
        HttpResponse<String> answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/clm/customers/C-1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(notKnownNow("CREATED"));
      }

      streams.close(Duration.ofSeconds(30));
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
      assertNotKnownNow(queries, "NOT_RUNNING");
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  private static void assertNotKnownNow(CustomerQueries queries, String state) {
    assertThatThrownBy(() -> queries.customer(CUSTOMER))
        .isInstanceOf(CustomerQueryException.class)
        .hasMessage(notKnownNow(state));
    assertThatThrownBy(() -> queries.local(CUSTOMER))
        .isInstanceOf(CustomerQueryException.class)
        .hasMessage(notKnownNow(state));
  }

  private static String notKnownNow(String state) {
    return "the owner of customer " + CUSTOMER.masked() + " is not known now; the streams are " + state;
  }
}
