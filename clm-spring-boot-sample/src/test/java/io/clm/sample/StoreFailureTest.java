package io.clm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An event the service could not keep, because its database failed, is a server error that the
 * sender sends again, not a refusal of the event (422), which a sender drops.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:clm-store-failure;DB_CLOSE_DELAY=-1", "clm.scheduling.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoreFailureTest {
  @LocalServerPort
  int port;

  @Test
  void anEventTheDatabaseCannotKeepIsAServerErrorNotARefusal() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:clm-store-failure", "sa", ""); Statement s = c.createStatement()) {
      // The database loses its tables: every write of the store fails from now on.
      s.execute("DROP ALL OBJECTS");
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SampleApplicationTest.FIRST_TRANSACTION))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
  }
}
