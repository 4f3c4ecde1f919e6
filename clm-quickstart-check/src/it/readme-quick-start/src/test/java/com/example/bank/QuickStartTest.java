package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's quick start, verbatim, in a project that knows clm only through its BOM. */
class QuickStartTest {

  @Test
  void quickStartPrintsWhatTheReadmeSays() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      quickStart();
    } finally {
      System.setOut(original);
    }
    assertEquals(
        "potential -> development by Rule[ruleId=first-transaction]",
        captured.toString(StandardCharsets.UTF_8).trim());
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
