package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CorruptRecordException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The customer endpoint on a real JDK HTTP server on loopback: which customer id a request path
 * names, for raw requests as any HTTP client sends them and for the library's own client.
 */
class HttpCustomerEndpointTest {
  /** Characters that percent-encoding, form encoding and paths treat differently. */
  private static final String SPECIAL = " +/%?#&=;:@!$'()*,.~-_\\\"<>[]{}|^`éß€中😀";

  /** Requests the endpoint serves at once, as its documentation says. */
  private static final int THREADS = 16;

  private final List<CustomerId> asked = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpCustomerEndpoint endpoint;

  /** Knows no customer, and notes which it was asked for. */
  private final Function<CustomerId, Optional<CustomerView>> unknown =
      customer -> {
        asked.add(customer);
        return Optional.empty();
      };

  @BeforeEach
  void start() {
    endpoint = HttpCustomerEndpoint.start(new InetSocketAddress("127.0.0.1", 0), unknown);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private HttpResponse<String> get(String rawId) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + "/clm/customers/" + rawId);
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPlusInThePathIsAPlusNotASpace() throws Exception {
    assertThat(get("a+b").statusCode()).isEqualTo(404);
    assertThat(asked).containsExactly(CustomerId.of("a+b"));
  }

  @Test
  void percentEscapesAreDecodedAsUtf8() throws Exception {
    assertThat(get("a%20b%2Bc%2Fd%25e%C3%A9%F0%9F%98%80").statusCode()).isEqualTo(404);
    assertThat(asked).containsExactly(CustomerId.of("a b+c/d%eé😀"));
  }

  /** Sends a request line as raw bytes, as a client that builds it itself would; returns the whole response. */
  private String rawGet(byte[] target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /clm/customers/".getBytes(StandardCharsets.US_ASCII));
      out.write(target);
      out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aMalformedPercentEscapeIsA400ThatDoesNotEchoTheId() throws Exception {
    for (String raw : List.of("Cust-1%", "Cust-1%4", "Cust-1%zz", "Cust-1%G1", "Cust-1%%41")) {
      String response = rawGet(raw.getBytes(StandardCharsets.US_ASCII));
      assertThat(response).as(raw).startsWith("HTTP/1.1 400").doesNotContain("Cust");
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void aSecondPathSegmentIsA400ThatDoesNotEchoTheId() throws Exception {
    // The id is one segment: a raw '/' would make "a/b" and "a%2Fb" the same customer.
    for (String raw : List.of("Cust/1", "Cust-1/", "Cust-1/orders")) {
      HttpResponse<String> response = get(raw);
      assertThat(response.statusCode()).as(raw).isEqualTo(400);
      assertThat(response.body())
          .as(raw)
          .isEqualTo(
              "customer id in the request path has a '/' at character " + raw.indexOf('/')
                  + ": the id is one path segment, percent-encode '/' as %2F");
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void theDecoderNamesAMalformedPercentEscapeWithoutTheId() {
    for (String raw : List.of("Cust-1%", "Cust-1%4", "Cust-1%zz", "Cust-1%G1", "Cust-1%%41")) {
      assertThatThrownBy(() -> CustomerPath.decode(raw))
          .as(raw)
          .isInstanceOf(ValidationException.class)
          .hasMessage(
              "customer id in the request path has a malformed percent escape at character 6: '%' must be"
                  + " followed by two hex digits");
    }
  }

  @Test
  void percentEscapesThatAreNotUtf8AreA400ThatDoesNotEchoTheId() throws Exception {
    for (String raw : List.of("Cust-1%C3", "Cust-1%FF", "Cust-1%C3%28", "Cust-1%ED%A0%80", "Cust-1%C0%AF")) {
      HttpResponse<String> response = get(raw);
      assertThat(response.statusCode()).as(raw).isEqualTo(400);
      assertThat(response.body())
          .as(raw)
          .isEqualTo("customer id in the request path is not UTF-8 once percent-decoded");
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void theDecoderRefusesACharacterThatIsNotPercentEncodedWithoutTheId() {
    assertThatThrownBy(() -> CustomerPath.decode("Cust-é"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "customer id in the request path has a character that is not ASCII at character 5: percent-encode"
                + " its UTF-8 bytes");
  }

  @Test
  void theLibraryClientAndTheServerAgreeOnIdsThatNeedEncoding() {
    RemoteCustomers client = HttpCustomerEndpoint.client();
    HostInfo owner = new HostInfo("127.0.0.1", endpoint.port());
    for (String id : List.of("a b", "a+b", "a/b", "100%", "%41", "ünïcødé", "中文", "😀", ".", "..", "a?b#c", " +/% é")) {
      asked.clear();
      assertThat(client.fetch(owner, CustomerId.of(id))).as(id).isEmpty();
      assertThat(asked).as(id).containsExactly(CustomerId.of(id));
    }
  }

  @Test
  void everyValidIdRoundTripsFromTheLibraryClientToTheServer() {
    RemoteCustomers client = HttpCustomerEndpoint.client();
    HostInfo owner = new HostInfo("127.0.0.1", endpoint.port());
    qt().withExamples(300)
        .forAll(ids())
        .assuming(id -> TextRules.problem(id, CustomerId.MAX_LENGTH) == null)
        .checkAssert(id -> {
          asked.clear();
          assertThat(client.fetch(owner, CustomerId.of(id))).isEmpty();
          assertThat(asked).containsExactly(CustomerId.of(id));
        });
  }

  /** Ids of 1 to 40 code points, mixing the special characters above with any code point. */
  private static Gen<String> ids() {
    int[] special = SPECIAL.codePoints().toArray();
    Gen<Integer> specialPoint = integers().between(0, special.length - 1).map(i -> special[i]);
    Gen<Integer> anyPoint = integers().between(0x20, Character.MAX_CODE_POINT);
    return lists()
        .of(specialPoint.mix(anyPoint))
        .ofSizeBetween(1, 40)
        .map(points -> new String(points.stream().mapToInt(Integer::intValue).toArray(), 0, points.size()));
  }

  @Test
  void theBodyOfAnErrorIsUtf8Text() throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/clm/customers/%20"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("customer id is blank");
  }

  @Test
  void aLookupThatFailsIsA500ThatDoesNotEchoTheIdAndTheEndpointGoesOn() throws Exception {
    try (HttpCustomerEndpoint failing =
        HttpCustomerEndpoint.start(
            new InetSocketAddress("127.0.0.1", 0),
            customer -> {
              if (customer.value().startsWith("Corrupt")) {
                throw new CorruptRecordException("customer " + customer.masked() + " has a record of version 99");
              }
              throw new IllegalStateException("the store of " + customer.value() + " is broken");
            })) {
      for (String id : List.of("Broken-0012345", "Corrupt-0012345", "Broken-0012345")) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + failing.port() + "/clm/customers/" + id))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(id).isEqualTo(500);
        assertThat(response.body())
            .as(id)
            .startsWith("customer " + CustomerId.of(id).masked() + " cannot be read: ")
            .doesNotContain("0012345");
      }
      assertThatThrownBy(() -> HttpCustomerEndpoint.client().fetch(new HostInfo("127.0.0.1", failing.port()), CustomerId.of("Broken-1")))
          .isInstanceOf(CustomerQueryException.class)
          .hasMessageContaining("answered 500");
    }
  }

  /**
   * What the endpoint logs of a customer it cannot read: the masked id and the exception's class,
   * the message only of clm's own exceptions, which mask ids; another's may quote the raw id.
   */
  @Test
  void aLookupThatFailsIsLoggedWithoutTheRawId() throws Exception {
    try (HttpCustomerEndpoint failing =
        HttpCustomerEndpoint.start(
            new InetSocketAddress("127.0.0.1", 0),
            customer -> {
              if (customer.value().startsWith("Corrupt")) {
                throw new CorruptRecordException("customer " + customer.masked() + " has a record of version 99");
              }
              throw new IllegalStateException("the store of " + customer.value() + " is broken");
            })) {
      PrintStream err = System.err;
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        for (String id : List.of("Broken-0012345", "Corrupt-0012345")) {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + failing.port() + "/clm/customers/" + id)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(id).isEqualTo(500);
        }
      } finally {
        System.setErr(err);
      }
      String broken = CustomerId.of("Broken-0012345").masked();
      String corrupt = CustomerId.of("Corrupt-0012345").masked();
      assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
          "ERROR io.clm.kafka.streams.HttpCustomerEndpoint - customer " + broken + " cannot be read: java.lang.IllegalStateException",
          "ERROR io.clm.kafka.streams.HttpCustomerEndpoint - customer " + corrupt + " cannot be read:"
              + " io.clm.api.CorruptRecordException: customer " + corrupt + " has a record of version 99");
    }
  }

  @Test
  void aClientThatStallsMidRequestDoesNotHoldUpTheOthers() throws Exception {
    try (Socket stalled = new Socket("127.0.0.1", endpoint.port())) {
      OutputStream out = stalled.getOutputStream();
      out.write("GET /clm/customers/C-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      HttpClient impatient = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
      HttpResponse<String> response =
          impatient.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/clm/customers/C-2"))
                  .timeout(java.time.Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(asked).containsExactly(CustomerId.of("C-2"));
    }
  }

  @Test
  void theLibraryClientReachesAnOwnerAtAnIpv6Address() {
    List<CustomerId> seen = new CopyOnWriteArrayList<>();
    try (HttpCustomerEndpoint v6 =
        HttpCustomerEndpoint.start(
            new InetSocketAddress("::1", 0),
            customer -> {
              seen.add(customer);
              return Optional.empty();
            })) {
      // HostInfo holds an IPv6 address without brackets, as Kafka Streams parses application.server.
      assertThat(HttpCustomerEndpoint.client().fetch(new HostInfo("::1", v6.port()), CustomerId.of("CUST0012345")))
          .isEmpty();
      assertThat(HttpCustomerEndpoint.client().fetch(new HostInfo("[::1]", v6.port()), CustomerId.of("CUST0012345")))
          .isEmpty();
      assertThat(seen).containsExactly(CustomerId.of("CUST0012345"), CustomerId.of("CUST0012345"));
    }
  }

  @Test
  void anOwnerAddressThatIsNoUriIsAQueryFailureThatDoesNotQuoteTheId() {
    assertThatThrownBy(() -> HttpCustomerEndpoint.client().fetch(new HostInfo("a b", 80), CustomerId.of("CUST0012345")))
        .isInstanceOf(CustomerQueryException.class)
        .hasMessageContaining(CustomerId.of("CUST0012345").masked())
        .hasMessageNotContaining("0012345");
  }

  @Test
  void anAnswerTheClientCannotReadIsAQueryFailure() throws Exception {
    // An owner that answers 200 with a body that is not a customer view, as one of another version might.
    com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/clm/customers/", exchange -> {
      byte[] body = "{\"customer\":{\"id\":\"CUST0012345\"".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    other.start();
    try {
      assertThatThrownBy(
              () -> HttpCustomerEndpoint.client().fetch(new HostInfo("127.0.0.1", other.getAddress().getPort()), CustomerId.of("CUST0012345")))
          .isInstanceOf(CustomerQueryException.class)
          .hasMessageContaining(CustomerId.of("CUST0012345").masked())
          .hasMessageNotContaining("0012345");
    } finally {
      other.stop(0);
    }
  }

  /** A GET of one customer from a client that waits at most {@code wait}, connecting included. */
  private static HttpResponse<String> getWithin(int port, String id, Duration wait) throws Exception {
    HttpClient impatient = HttpClient.newBuilder().connectTimeout(wait).build();
    return impatient.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/clm/customers/" + id)).timeout(wait).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Twice as many clients as the endpoint has threads send half a request line and then nothing,
   * as a client that hangs or a connection cut by a network partition does, and as many again
   * connect and send nothing at all: a query still gets its answer, and the endpoint closes each
   * half-sent connection, unanswered, once its request timeout has passed.
   */
  @Test
  void clientsThatStallMidRequestHoldNoThreadLongerThanTheRequestTimeout() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (HttpCustomerEndpoint bounded =
        HttpCustomerEndpoint.start(new InetSocketAddress("127.0.0.1", 0), unknown, Duration.ofSeconds(1))) {
      List<Socket> halfSent = new ArrayList<>();
      for (int i = 0; i < 2 * THREADS; i++) {
        sockets.add(new Socket("127.0.0.1", bounded.port()));
        Socket socket = new Socket("127.0.0.1", bounded.port());
        sockets.add(socket);
        halfSent.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write("GET /clm/customers/C-".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      Thread.sleep(500); // the endpoint takes the half-sent requests up before the next one

      HttpResponse<String> response = getWithin(bounded.port(), "C-2", Duration.ofSeconds(5));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(asked).containsExactly(CustomerId.of("C-2"));
      for (Socket socket : halfSent) {
        socket.setSoTimeout(5_000);
        assertThat(socket.getInputStream().read()).as("end of stream: closed unanswered").isEqualTo(-1);
      }
    } finally {
      System.setErr(err);
      for (Socket socket : sockets) {
        socket.close();
      }
    }
    assertThat(log.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2 * THREADS)
        .allMatch(
            line -> line.equals(
                "WARN io.clm.kafka.streams.HttpCustomerEndpoint - a request was not read and answered within PT1S:"
                    + " its connection is closed"));
  }

  /**
   * A few clients ask for a customer whose view is far larger than the sockets' buffers and then
   * read nothing, and as many as the endpoint has threads send half a request: a query still gets
   * its answer, and each of the readers that stopped has its connection closed, its answer cut
   * short, once the request timeout has passed.
   */
  @Test
  void clientsThatDoNotReadTheAnswerHoldNoThreadLongerThanTheRequestTimeout() throws Exception {
    int stageLength = 16 << 20;
    CustomerView large =
        new CustomerView(
            new Customer(
                CustomerId.of("Large-1"),
                "s".repeat(stageLength),
                0,
                MetricsSnapshot.builder(Currency.getInstance("EUR"), Instant.parse("2026-01-01T00:00:00Z")).build(),
                Map.of()),
            List.of());
    List<Socket> sockets = new ArrayList<>();
    List<Socket> notReading = new ArrayList<>();
    try (HttpCustomerEndpoint bounded =
        HttpCustomerEndpoint.start(
            new InetSocketAddress("127.0.0.1", 0),
            customer -> customer.value().equals("Large-1") ? Optional.of(large) : unknown.apply(customer),
            Duration.ofSeconds(1))) {
      for (int i = 0; i < 4; i++) {
        Socket socket = new Socket();
        sockets.add(socket);
        notReading.add(socket);
        // Smaller than the answer, and yet over two loopback segments, so that reading reopens the window.
        socket.setReceiveBufferSize(1 << 20);
        socket.connect(new InetSocketAddress("127.0.0.1", bounded.port()));
        OutputStream out = socket.getOutputStream();
        out.write("GET /clm/customers/Large-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      for (int i = 0; i < THREADS; i++) {
        Socket socket = new Socket("127.0.0.1", bounded.port());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write("GET /clm/customers/C-".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      Thread.sleep(500); // the endpoint takes the requests up before the next one

      HttpResponse<String> response = getWithin(bounded.port(), "C-2", Duration.ofSeconds(5));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(asked).containsExactly(CustomerId.of("C-2"));
      for (Socket socket : notReading) {
        socket.setSoTimeout(10_000);
        long received = socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(received).as("bytes before the end of stream").isLessThan(stageLength);
      }
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /**
   * An owner that sends the head of its answer and then stalls: the library client gives up after
   * its timeout, fails the query as such and hangs up, rather than waiting for the body forever.
   */
  @Test
  void theLibraryClientGivesUpOnAnOwnerThatStallsMidAnswer() throws Exception {
    try (ServerSocket owner = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> afterTheHead = new CompletableFuture<>();
      Thread stalling =
          new Thread(
              () -> {
                try (Socket socket = owner.accept()) {
                  socket.setSoTimeout(10_000);
                  InputStream in = socket.getInputStream();
                  in.read(new byte[8192]);
                  socket
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"customer\":"
                              .getBytes(StandardCharsets.US_ASCII));
                  socket.getOutputStream().flush();
                  afterTheHead.complete(in.read());
                } catch (IOException e) {
                  afterTheHead.completeExceptionally(e);
                }
              });
      stalling.start();
      RemoteCustomers client = HttpCustomerEndpoint.client(Duration.ofSeconds(1));
      CustomerId customer = CustomerId.of("CUST0012345");

      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () ->
              assertThatThrownBy(() -> client.fetch(new HostInfo("127.0.0.1", owner.getLocalPort()), customer))
                  .isInstanceOf(CustomerQueryException.class)
                  .hasMessage(
                      "instance 127.0.0.1:" + owner.getLocalPort() + " did not answer for customer "
                          + customer.masked() + " within PT1S"));
      assertThat(afterTheHead.get(5, TimeUnit.SECONDS)).as("the asker hung up").isEqualTo(-1);
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveOrIsAbsurdIsRefusedNamingIt() {
    InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
    for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofNanos(999_999), Duration.ofMinutes(10).plusMillis(1))) {
      assertThatThrownBy(() -> HttpCustomerEndpoint.start(any, unknown, bad))
          .as(bad.toString())
          .isInstanceOf(ValidationException.class)
          .hasMessage("requestTimeout " + bad + " is not from one millisecond to ten minutes");
      assertThatThrownBy(() -> HttpCustomerEndpoint.client(bad))
          .as(bad.toString())
          .isInstanceOf(ValidationException.class)
          .hasMessage("timeout " + bad + " is not from one millisecond to ten minutes");
    }
  }
}
