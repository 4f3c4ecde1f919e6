package io.clm.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.IngestResult;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.StageChange;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick-start snippet is this test's code, verbatim, and prints what the README says. */
class ReadmeQuickStartTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of("src", "test", "java", "io", "clm", "core", "ReadmeQuickStartTest.java");

  @Test
  void quickStartRunsAndPrintsWhatTheReadmeSays() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      quickStart();
    } finally {
      System.setOut(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8).trim();
    assertThat(printed).isEqualTo("potential -> development by Rule[ruleId=first-transaction]");
    assertThat(readmeSnippet()).contains("// " + printed);
  }

  @Test
  void readmeSnippetIsTheCodeThisTestRuns() throws IOException {
    List<String> source = Files.readAllLines(SELF, StandardCharsets.UTF_8);
    int begin = source.indexOf("    // quick-start:begin") + 1;
    int end = source.indexOf("    // quick-start:end");
    String code =
        source.subList(begin, end).stream()
            .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(Collectors.joining("\n"));
    assertThat(readmeSnippet()).isEqualTo(code);
  }

  private static String readmeSnippet() {
    try {
      String readme = Files.readString(README, StandardCharsets.UTF_8);
      int begin = readme.indexOf("<!-- quick-start:begin -->");
      int end = readme.indexOf("<!-- quick-start:end -->");
      String block = readme.substring(begin, end);
      return block.substring(block.indexOf("```java\n") + 8, block.lastIndexOf("\n```"));
    } catch (IOException e) {
      throw new IllegalStateException("README.md not readable from " + README.toAbsolutePath(), e);
    }
  }

  private static void quickStart() {
    // quick-start:begin
    LifecycleEngine engine = Clm.builder()
        .model("banking-six-stage")
        .currency("EUR")
        .build();

    CustomerId customer = CustomerId.of("C-1001");
    IngestResult result = engine.ingest(new Transaction(
        "posting-1", customer, Instant.parse("2026-01-05T10:00:00Z"),
        Direction.CREDIT, Money.of("2500.00", "EUR"), ProductType.CURRENT_ACCOUNT, Channel.MOBILE));

    StageChange change = result.changes().get(0);
    System.out.println(change.from() + " -> " + change.to() + " by " + change.cause());
    // potential -> development by Rule[ruleId=first-transaction]
    // quick-start:end
  }
}
