package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageChange;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md, compiled and run: {@link #walkThrough()} is the page's Java snippets in
 * order, and {@link #thePageShowsExactlyThisCode()} checks that every snippet on the page appears
 * here verbatim.
 */
class GettingStartedTest {
  static final Path PAGE = Path.of("..", "docs", "getting-started.md");
  static final Path SOURCE = Path.of("src", "test", "java", "io", "clm", "cli", "GettingStartedTest.java");

  @Test
  void walkThrough() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      run();
    } finally {
      System.setOut(console);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "development",
        "potential -> development by Rule[ruleId=first-transaction]",
        "growth",
        "maturity, share of wallet 0.6",
        "true",
        "decline");
  }

  private static void run() {
    // snippet: build
    LifecycleEngine engine = Clm.builder()
        .model("banking-six-stage")
        .currency("EUR")
        .build();
    // end

    // snippet: listen
    List<StageChange> changes = new CopyOnWriteArrayList<>();
    engine.addListener(changes::add);
    // end

    // snippet: first-transaction
    CustomerId anna = CustomerId.of("C-1001");
    Transaction salary = new Transaction(
        "posting-1", anna, Instant.parse("2026-01-05T10:00:00Z"),
        Direction.CREDIT, Money.of("2500.00", "EUR"), ProductType.CURRENT_ACCOUNT, Channel.OTHER);
    engine.ingest(salary);

    Customer now = engine.customer(anna).orElseThrow();
    System.out.println(now.stage());
    StageChange change = changes.get(0);
    System.out.println(change.from() + " -> " + change.to() + " by " + change.cause());
    // end

    // snippet: grow
    for (int day = 1; day <= 5; day++) {
      engine.ingest(new Transaction(
          "posting-" + (day + 1), anna, Instant.parse("2026-01-05T10:00:00Z").plusSeconds(day * 86_400L),
          Direction.DEBIT, Money.of("100.00", "EUR"), ProductType.CARD, Channel.POS));
    }
    System.out.println(engine.customer(anna).orElseThrow().stage());
    // end

    // snippet: share-of-wallet
    engine.ingest(new AttributeUpdate(
        "crm-42", anna, Instant.parse("2026-01-31T00:00:00Z"),
        Attribute.TOTAL_BUSINESS, new BigDecimal("5000.00")));
    Customer mature = engine.customer(anna).orElseThrow();
    System.out.println(mature.stage() + ", share of wallet "
        + mature.metric(Metric.SHARE_OF_WALLET, Instant.parse("2026-01-31T00:00:00Z")));
    // end

    // snippet: replay
    System.out.println(engine.ingest(salary).duplicate());
    // end

    // snippet: time
    engine.advanceTo(Instant.parse("2026-06-01T00:00:00Z"));
    System.out.println(engine.customer(anna).orElseThrow().stage());
    // end
  }

  @Test
  void thePageShowsExactlyThisCode() throws Exception {
    String page = Files.readString(PAGE);
    String source = Files.readString(SOURCE);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSize(8);
    String code = normalise(source);
    for (String block : blocks) {
      // Comments on the page (expected output) are not part of the code.
      assertThat(code).as(block).contains(normalise(block.replaceAll("(?m) *// .*$", "")));
    }
  }

  private static String normalise(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }
}
