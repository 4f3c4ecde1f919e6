package io.clm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The sample service over HTTP, with the real JDBC store on an in-process H2 database: events in,
 * stages out, meters, health and info under /actuator. The context is closed after the class, so
 * the web server and the clock thread stop with the tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:clm-sample;DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SampleApplicationTest {
  /** The README's quick-start transaction, as clm's JSON (docs/integration.md). */
  static final String FIRST_TRANSACTION = """
      {"type": "transaction", "id": "posting-1", "customer": "C-1001", "at": "2026-01-05T10:00:00Z",
       "direction": "CREDIT", "amount": {"amount": "2500.00", "currency": "EUR"},
       "product": "CURRENT_ACCOUNT", "channel": "MOBILE"}""";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void eventsInStagesOutMetersAndHealth(ApplicationContext context) throws Exception {
    JsonNode first = post("/events", FIRST_TRANSACTION, 200);
    assertThat(first.get("duplicate").asBoolean()).isFalse();
    assertThat(first.at("/changes/0/from").asText()).isEqualTo("potential");
    assertThat(first.at("/changes/0/to").asText()).isEqualTo("development");

    assertThat(post("/events", FIRST_TRANSACTION, 200).get("duplicate").asBoolean()).isTrue();
    JsonNode refused = post("/events", FIRST_TRANSACTION.replace("\"EUR\"", "\"USD\"").replace("posting-1", "posting-2"), 422);
    assertThat(refused.get("error").asText()).isEqualTo("InvalidEventException");

    assertThat(get("/customers/C-1001", 200).get("stage").asText()).isEqualTo("development");
    get("/customers/C-404", 404);
    assertThat(get("/stages", 200).get("development").asLong()).isEqualTo(1);

    assertThat(count("clm.engine.events?tag=outcome:accepted")).isEqualTo(1);
    assertThat(count("clm.engine.events?tag=outcome:duplicate")).isEqualTo(1);
    assertThat(count("clm.engine.events?tag=outcome:rejected&tag=reason:InvalidEventException")).isEqualTo(1);
    assertThat(count("clm.engine.stage.changes?tag=from:potential&tag=to:development")).isEqualTo(1);
    assertThat(value("clm.engine.customers?tag=stage:development")).isEqualTo(1);
    assertThat(count("clm.engine.operation?tag=operation:ingest")).isEqualTo(3);

    JsonNode health = get("/actuator/health", 200);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    // Anyone who can reach the port sees the status only: the details name the database, and the
    // errors of a failing store.
    assertThat(health.has("components")).as("components shown without authorisation: %s", health).isFalse();
    assertThat(health.has("details")).as("details shown without authorisation: %s", health).isFalse();
    // With the details, as an authorised user or an operator over JMX sees them.
    CompositeHealth all = (CompositeHealth) context.getBean(HealthEndpoint.class).health();
    assertThat(all.getComponents().get("clmEngine").getStatus()).isEqualTo(Status.UP);
    assertThat(((Health) all.getComponents().get("clmStore")).getDetails()).containsEntry("database", "H2");
    assertThat(((Health) all.getComponents().get("clmComplaintDesk")).getDetails()).containsEntry("outboxBacklog", 0);

    JsonNode plugins = get("/actuator/info", 200).at("/clm/plugins");
    assertThat(plugins.findValuesAsText("id")).contains("banking-six-stage", "standard");
  }

  private double count(String meter) throws IOException, InterruptedException {
    return statistic(meter, "COUNT");
  }

  private double value(String meter) throws IOException, InterruptedException {
    return statistic(meter, "VALUE");
  }

  private double statistic(String meter, String statistic) throws IOException, InterruptedException {
    for (JsonNode m : get("/actuator/metrics/" + meter, 200).get("measurements")) {
      if (m.get("statistic").asText().equals(statistic)) {
        return m.get("value").asDouble();
      }
    }
    throw new AssertionError(meter + " has no " + statistic);
  }

  private JsonNode get(String path, int status) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build(), status);
  }

  private JsonNode post(String path, String body, int status) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        status);
  }

  private JsonNode send(HttpRequest request, int status) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body()).isEqualTo(status);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
