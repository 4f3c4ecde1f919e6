package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.ValidationException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * What the customer endpoint answers for a customer it finds, for a method other than GET and
 * for a customer it cannot answer for now; the range of its timeouts; and what is left of it
 * once closed.
 */
class EndpointAnswersTest {
  private static final CustomerId C1 = CustomerId.of("C-1");
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  private final HttpClient http = HttpClient.newHttpClient();

  /** C-1 after a first transaction: in development, with one stage change. */
  private static CustomerView developing() {
    LifecycleEngine engine =
        Clm.builder()
            .model("banking-six-stage")
            .currency("EUR")
            .clock(Clock.fixed(START.plus(Duration.ofDays(1)), ZoneOffset.UTC))
            .build();
    engine.ingest(transaction("p-1", "C-1", START, "2500.00"));
    return new CustomerView(engine.customer(C1).orElseThrow(), engine.history(C1));
  }

  private HttpResponse<String> send(int port, String method) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/clm/customers/C-1"))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCustomerFoundIsAnsweredAsJsonAndTheClientReadsItBack() throws Exception {
    CustomerView view = developing();
    assertThat(view.customer().stage()).isEqualTo("development");
    assertThat(view.history()).hasSize(1);
    try (HttpCustomerEndpoint endpoint =
        HttpCustomerEndpoint.start(LOOPBACK, customer -> customer.equals(C1) ? Optional.of(view) : Optional.empty())) {
      HttpResponse<String> answer = send(endpoint.port(), "GET");
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(ClmSerdes.customerViews().deserializer().deserialize("", answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .isEqualTo(view);

      HostInfo owner = new HostInfo("127.0.0.1", endpoint.port());
      assertThat(HttpCustomerEndpoint.client().fetch(owner, C1)).contains(view);
      assertThat(HttpCustomerEndpoint.client().fetch(owner, CustomerId.of("C-2"))).isEmpty();
    }
  }

  @Test
  void aMethodOtherThanGetIsNotAllowedAndLooksNothingUp() throws Exception {
    try (HttpCustomerEndpoint endpoint =
        HttpCustomerEndpoint.start(LOOPBACK, customer -> {
          throw new AssertionError("looked up " + customer.masked());
        })) {
      for (String method : new String[] {"POST", "PUT", "DELETE"}) {
        HttpResponse<String> answer = send(endpoint.port(), method);
        assertThat(answer.statusCode()).as(method).isEqualTo(405);
        assertThat(answer.body()).isEmpty();
      }
    }
  }

  @Test
  void aCustomerThatCannotBeAnsweredForNowIs503WithTheReason() throws Exception {
    try (HttpCustomerEndpoint endpoint =
        HttpCustomerEndpoint.start(LOOPBACK, customer -> {
          throw new CustomerQueryException("the store of customer " + customer.masked() + " is not open for queries now");
        })) {
      HttpResponse<String> answer = send(endpoint.port(), "GET");
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).isEqualTo("the store of customer " + C1.masked() + " is not open for queries now");

      HostInfo owner = new HostInfo("127.0.0.1", endpoint.port());
      assertThatThrownBy(() -> HttpCustomerEndpoint.client().fetch(owner, C1))
          .isInstanceOf(CustomerQueryException.class)
          .hasMessage("instance 127.0.0.1:" + endpoint.port() + " answered 503 for customer " + C1.masked()
              + ": the store of customer " + C1.masked() + " is not open for queries now");
    }
  }

  @Test
  void timeoutsFromOneMillisecondToTenMinutesAreAcceptedAndNoOthers() {
    for (Duration allowed : new Duration[] {Duration.ofMillis(1), Duration.ofMinutes(10)}) {
      assertThatCode(() -> HttpCustomerEndpoint.start(LOOPBACK, customer -> Optional.empty(), allowed).close())
          .doesNotThrowAnyException();
      assertThatCode(() -> HttpCustomerEndpoint.client(allowed)).doesNotThrowAnyException();
    }
    for (Duration refused : new Duration[] {Duration.ofMillis(1).minusNanos(1), Duration.ofMinutes(10).plusNanos(1)}) {
      assertThatThrownBy(() -> HttpCustomerEndpoint.start(LOOPBACK, customer -> Optional.empty(), refused))
          .isInstanceOf(ValidationException.class)
          .hasMessage("requestTimeout " + refused + " is not from one millisecond to ten minutes");
      assertThatThrownBy(() -> HttpCustomerEndpoint.client(refused))
          .isInstanceOf(ValidationException.class)
          .hasMessage("timeout " + refused + " is not from one millisecond to ten minutes");
    }
  }

  @Test
  void aClosedEndpointListensNoLongerAndItsThreadsEnd() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    HttpCustomerEndpoint endpoint = HttpCustomerEndpoint.start(LOOPBACK, customer -> Optional.empty());
    int port = endpoint.port();
    assertThat(send(port, "GET").statusCode()).isEqualTo(404);
    endpoint.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Set<String> left = endpointThreadsSince(before);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      left = endpointThreadsSince(before);
    }
    assertThat(left).as("the endpoint's threads still alive").isEmpty();
  }

  private static Set<String> endpointThreadsSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("clm-customer-endpoint"))
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void theEndpointsThreadsAreDaemonsThatDoNotKeepTheJvmAlive() throws Exception {
    List<Boolean> daemon = new CopyOnWriteArrayList<>();
    try (HttpCustomerEndpoint endpoint =
        HttpCustomerEndpoint.start(LOOPBACK, customer -> {
          daemon.add(Thread.currentThread().isDaemon());
          return Optional.empty();
        })) {
      assertThat(send(endpoint.port(), "GET").statusCode()).isEqualTo(404);
      assertThat(daemon).containsExactly(true);
    }
  }

  /** Messages and URIs name an instance as host:port, an IPv6 address in brackets. */
  @Test
  void anInstanceIsNamedByItsAddress() {
    assertThat(HttpCustomerEndpoint.address(new HostInfo("127.0.0.1", 8080))).isEqualTo("127.0.0.1:8080");
    assertThat(HttpCustomerEndpoint.address(new HostInfo("clm-2.bank.internal", 9))).isEqualTo("clm-2.bank.internal:9");
    assertThat(HttpCustomerEndpoint.address(new HostInfo("::1", 8080))).isEqualTo("[::1]:8080");
    assertThat(HttpCustomerEndpoint.address(new HostInfo("[::1]", 8080))).isEqualTo("[::1]:8080");
  }

  @Test
  void anInterruptedAskerGetsAQueryFailureAndKeepsItsInterrupt() {
    try (HttpCustomerEndpoint endpoint = HttpCustomerEndpoint.start(LOOPBACK, customer -> Optional.empty())) {
      HostInfo owner = new HostInfo("127.0.0.1", endpoint.port());
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> HttpCustomerEndpoint.client().fetch(owner, C1))
            .isInstanceOf(CustomerQueryException.class)
            .hasMessage("interrupted asking 127.0.0.1:" + endpoint.port() + " for customer " + C1.masked());
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }
}
