package io.clm.kafka.streams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal HTTP endpoint, on the JDK's own server, through which instances answer each other's
 * customer queries: {@code GET /clm/customers/{id}} answers 200 with the {@link CustomerView} as
 * JSON, 404 if this instance owns the customer's partition and does not know the customer, or 503
 * if it does not own the partition now or its store is not open for queries (a rebalance: ask
 * again). A customer that cannot be read (a corrupt record, a failing store) answers 500 with the
 * masked id and the exception's class, never its message, and is logged at {@code ERROR} through
 * SLF4J, with the exception's class and, for one of clm's exceptions (which mask customer ids),
 * its message. The id is one path segment, percent-encoded as RFC 3986 says for paths (UTF-8; a
 * {@code /} as {@code %2F}, a space as {@code %20}): a {@code +} stands for itself, never for a
 * space. A {@code /} that is not encoded, a malformed percent escape, bytes that are not UTF-8 or
 * an invalid id answer 400 with a
 * message that never contains the id. It serves this instance's store only, so a query never hops
 * twice. It serves up to 16 requests at a time, each on a thread of its own, so that a client that
 * stalls mid-request holds up no other, and gives each request a timeout (five seconds unless
 * {@linkplain #start(InetSocketAddress, CustomerQueries, Duration) set}) from its first byte to the
 * last byte of its answer: a request still under way then has its connection closed, unanswered,
 * and is logged at {@code WARN}, so that a client that stalls (or a connection cut by a network
 * partition) holds a thread that long at most. A connection that sends nothing holds no thread;
 * the JDK's server closes it after {@code sun.net.httpserver.idleInterval} (30 seconds unless set),
 * one of its settings that hold for every server in the JVM and that this endpoint leaves alone.
 * Bind it to the host and port given as {@code application.server}.
 */
@SuppressWarnings("exports")
@Experimental
public final class HttpCustomerEndpoint implements AutoCloseable {
  private static final String PATH = "/clm/customers/";
  private static final Logger LOG = LoggerFactory.getLogger(HttpCustomerEndpoint.class);

  /** Requests served at once; a client that stalls mid-request holds one of these threads until its request timeout. */
  private static final int THREADS = 16;

  /** How long a request may take on the endpoint, from its first byte to the last of its answer. */
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** How long the library client waits for an owner's whole answer, connecting included. */
  private static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(2);

  private final HttpServer server;
  private final BoundedExchanges executor;

  private HttpCustomerEndpoint(HttpServer server, BoundedExchanges executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving this instance's customers, giving each request five seconds.
   *
   * @param bind the address and port to listen on
   * @param queries this instance's queries
   * @return the running endpoint
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static HttpCustomerEndpoint start(InetSocketAddress bind, CustomerQueries queries) {
    return start(bind, queries, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * Starts serving this instance's customers, giving each request at most {@code requestTimeout}
   * from its first byte to the last byte of its answer: reading the request, looking the customer
   * up and writing the answer. A request still under way then has its connection closed,
   * unanswered, and is logged at {@code WARN}. Keep it longer than the askers' timeout ({@link
   * #client(Duration)}), or answers they still wait for are cut off.
   *
   * @param bind the address and port to listen on
   * @param queries this instance's queries
   * @param requestTimeout one millisecond to ten minutes
   * @return the running endpoint
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the timeout is out of range
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static HttpCustomerEndpoint start(InetSocketAddress bind, CustomerQueries queries, Duration requestTimeout) {
    Objects.requireNonNull(queries, "queries");
    return start(bind, queries::local, requestTimeout);
  }

  /**
   * Starts serving the customers that {@code lookup} finds, giving each request five seconds.
   *
   * @param bind the address and port to listen on
   * @param lookup this instance's own view of a customer, as {@link CustomerQueries#local}
   * @return the running endpoint
   */
  static HttpCustomerEndpoint start(InetSocketAddress bind, Function<CustomerId, Optional<CustomerView>> lookup) {
    return start(bind, lookup, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * Starts serving the customers that {@code lookup} finds.
   *
   * @param bind the address and port to listen on
   * @param lookup this instance's own view of a customer, as {@link CustomerQueries#local}
   * @param requestTimeout as for {@link #start(InetSocketAddress, CustomerQueries, Duration)}
   * @return the running endpoint
   */
  static HttpCustomerEndpoint start(
      InetSocketAddress bind, Function<CustomerId, Optional<CustomerView>> lookup, Duration requestTimeout) {
    Duration timeout = checked("requestTimeout", requestTimeout);
    HttpServer server;
    try {
      server = HttpServer.create(bind, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bind, e);
    }
    server.createContext(PATH, exchange -> answer(exchange, lookup));
    // Without an executor the server reads and answers every request on its one dispatcher thread,
    // so a single client that stalls mid-request would hold up every other query.
    BoundedExchanges executor = new BoundedExchanges(THREADS, timeout);
    server.setExecutor(executor);
    server.start();
    return new HttpCustomerEndpoint(server, executor);
  }

  /**
   * A timeout from one millisecond to ten minutes: a shorter one cuts every answer off, and a
   * longer one bounds nothing a client could notice.
   */
  private static Duration checked(String field, Duration timeout) {
    Objects.requireNonNull(timeout, field);
    if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new ValidationException(field + " " + timeout + " is not from one millisecond to ten minutes");
    }
    return timeout;
  }

  /**
   * The port the endpoint listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, Function<CustomerId, Optional<CustomerView>> lookup) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String raw = exchange.getRequestURI().getRawPath().substring(PATH.length());
      CustomerId customer;
      try {
        customer = CustomerPath.decode(raw);
      } catch (ClmException | IllegalArgumentException e) {
        send(exchange, 400, e.getMessage().getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] json;
      try {
        Optional<CustomerView> view = lookup.apply(customer);
        if (view.isEmpty()) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        json = ClmJson.write(view.get());
      } catch (CustomerQueryException e) {
        send(exchange, 503, e.getMessage().getBytes(StandardCharsets.UTF_8));
        return;
      } catch (RuntimeException e) {
        // A failure of this instance, not of the request: logged here, named but not quoted there.
        // Another exception's message may quote what it read, customer data included: left out.
        LOG.error("customer {} cannot be read: {}", customer.masked(),
            e instanceof ClmException ? e.getClass().getName() + ": " + e.getMessage() : e.getClass().getName());
        send(
            exchange,
            500,
            ("customer " + customer.masked() + " cannot be read: " + e.getClass().getName())
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      send(exchange, 200, json);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * A client for other instances' endpoints that waits at most two seconds for an owner's whole
   * answer, as {@link #client(Duration)} says.
   *
   * @return the client
   */
  public static RemoteCustomers client() {
    return client(DEFAULT_CLIENT_TIMEOUT);
  }

  /**
   * A client for other instances' endpoints that waits at most {@code timeout} for an owner's whole
   * answer, from connecting to the last byte of the body; an owner that takes longer fails the query
   * as a {@link CustomerQueryException} and the client hangs up. An owner's host may be a name, an
   * IPv4 or an IPv6 address (with or without brackets); one that cannot be part of a URI fails as a
   * {@link CustomerQueryException} with the masked id, and so does an answer that is not a
   * customer view (an owner of another version, say).
   *
   * @param timeout one millisecond to ten minutes
   * @return the client
   * @throws NullPointerException if the timeout is null
   * @throws ValidationException if the timeout is out of range
   */
  public static RemoteCustomers client(Duration timeout) {
    Duration bound = checked("timeout", timeout);
    HttpClient http = HttpClient.newBuilder().connectTimeout(bound).build();
    return (owner, customer) -> {
      String address = address(owner);
      HttpRequest request;
      try {
        request =
            HttpRequest.newBuilder(URI.create("http://" + address + PATH + CustomerPath.encode(customer)))
                .GET()
                .build();
      } catch (IllegalArgumentException e) {
        // The message quotes the URI, and with it the id: leave it out.
        throw new CustomerQueryException(
            "instance " + address + " cannot be asked for customer " + customer.masked() + ": its address is not one of a URI");
      }
      HttpResponse<byte[]> response = send(http, request, bound, address, customer);
      return switch (response.statusCode()) {
        case 200 -> Optional.of(view(address, customer, response.body()));
        case 404 -> Optional.empty();
        default -> throw new CustomerQueryException(
            "instance " + address + " answered " + response.statusCode() + " for customer " + customer.masked() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      };
    };
  }

  /**
   * The owner's whole answer within the timeout. The JDK client's request timeout ends once the
   * head of the answer has arrived, so an owner that stalls in the body would hold the asker for
   * good: the whole exchange is bounded here instead, and cancelling it closes its connection.
   */
  private static HttpResponse<byte[]> send(
      HttpClient http, HttpRequest request, Duration timeout, String address, CustomerId customer) {
    CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new CustomerQueryException(
          "instance " + address + " did not answer for customer " + customer.masked() + " within " + timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unexpected) {
        throw unexpected;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new CustomerQueryException("instance " + address + " cannot be asked for customer " + customer.masked(), e.getCause());
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new CustomerQueryException("interrupted asking " + address + " for customer " + customer.masked(), e);
    }
  }

  /**
   * An instance's address as {@code host:port}, for a URI and for messages; an IPv6 address, which
   * {@link HostInfo} holds without brackets, gets them.
   */
  static String address(HostInfo instance) {
    String host = instance.host();
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + instance.port();
  }

  /** The customer view an owner answered, or a query failure if it is not one. */
  private static CustomerView view(String address, CustomerId customer, byte[] body) {
    try {
      return ClmSerdes.customerViews().deserializer().deserialize("", body);
    } catch (SerializationException e) {
      throw new CustomerQueryException(
          "instance " + address + " answered for customer " + customer.masked() + " what is not a customer view", e);
    }
  }

  /** Stops serving, waiting at most a second for requests under way. */
  @Override
  public void close() {
    server.stop(1);
    executor.close();
  }
}
