package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/kafka-streams.md shows the example application as it is, and an event that reads. */
class KafkaStreamsDocTest {
  private static final Path DOC = Path.of("..", "docs", "kafka-streams.md");
  private static final Path APP = Path.of("src", "test", "java", "io", "clm", "kafka", "streams", "example", "LifecycleApp.java");

  @Test
  void everyLineOfTheExampleIsALineOfTheApplication() throws IOException {
    String doc = Files.readString(DOC);
    String block = doc.substring(doc.indexOf("<!-- example:begin -->"), doc.indexOf("<!-- example:end -->"));
    List<String> app = Files.readAllLines(APP).stream().map(String::strip).toList();
    List<String> lines = block.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("<!--") && !l.startsWith("```")).toList();
    assertThat(lines).hasSizeGreaterThan(15);
    assertThat(app).containsAll(lines);
  }

  @Test
  void theEventOfTheCommandsReadsAsATransaction() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("echo 'C-1001|") + "echo 'C-1001|".length();
    String json = doc.substring(start, doc.indexOf("' |", start));
    assertThat(ClmSerdes.events().deserializer().deserialize("clm-events", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(new Transaction(
            "posting-1", CustomerId.of("C-1001"), Instant.parse("2026-01-05T10:00:00Z"), Direction.CREDIT,
            Money.of("2500.00", "EUR"), ProductType.CURRENT_ACCOUNT, Channel.MOBILE));
  }
}
