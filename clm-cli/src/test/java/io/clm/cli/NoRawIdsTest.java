package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants customer ids in the input, good rows and bad, and scans everything a run produces for
 * them: reports in every form, what is printed on stderr, exception messages with their causes,
 * and {@code toString()} of what the API hands out.
 */
class NoRawIdsTest {
  /** Every planted id starts with this; it appears nowhere else. */
  static final String PLANT = "ZQXPLANT";
  static final Pattern PLANTED = Pattern.compile(PLANT + "\\d{4}");

  @TempDir Path dir;

  static String id(int i) {
    return String.format(Locale.ROOT, "%s%04d", PLANT, i);
  }

  @Test
  void noReportOrMessageOfAnalyzeCarriesAPlantedId() throws Exception {
    Path tx = dir.resolve("tx.csv");
    StringBuilder csv = new StringBuilder("id,customer_id,timestamp,direction,amount,product,channel\n");
    for (int i = 0; i < 40; i++) {
      csv.append(String.format(Locale.ROOT, "t%d,%s,2025-01-%02dT10:00:00Z,credit,%d.00,current-account,online\n", i, id(i % 20), 1 + i % 28, 100 + i));
    }
    // Bad rows, each holding an id where a message might echo it.
    csv.append("b1,").append(id(1)).append(",2025-02-01T10:00:00Z,credit,").append(id(1)).append(",card,pos\n");
    csv.append("b2,").append(id(2)).append(",2025-02-01T10:00:00Z,sideways,1.00,card,pos\n");
    csv.append("b3,").append(id(3)).append(",2025-02-01T10:00:00Z,debit,1.00,").append(id(3)).append(",pos\n");
    csv.append("b4,\"").append(id(4)).append(",2025-02-01T10:00:00Z,debit,1.00,card,pos\n");
    csv.append("b5,").append(id(5)).append(",").append(id(5)).append(",debit,1.00,card,pos\n");
    csv.append("b6,").append(id(6)).append("\u0007,2025-02-01T10:00:00Z,debit,1.00,card,pos\n");
    csv.append("b7,").append(id(7)).append(",2025-02-01T10:00:00Z,debit,1.00,card\n");
    csv.append("t0,").append(id(0)).append(",2025-01-01T10:00:00Z,credit,100.00,current-account,online\n");
    csv.append("b8,").append(id(8)).append(",2024-01-01T10:00:00Z,debit,1.00,card,pos\n");
    Files.writeString(tx, csv);
    Path attributes = dir.resolve("attributes.jsonl");
    Files.writeString(attributes,
        "{\"id\":\"a1\",\"customer_id\":\"" + id(9) + "\",\"timestamp\":\"2025-01-02T00:00:00Z\",\"attribute\":\"revenue\",\"value\":\"1e400\"}\n"
            + "{\"id\":\"a2\",\"customer_id\":" + id(10) + ",\"timestamp\":\"2025-01-02T00:00:00Z\",\"attribute\":\"revenue\",\"value\":1}\n"
            + "{\"id\":\"a3\",\"customer_id\":\"" + id(11) + "\",\"timestamp\":\"2025-01-02T00:00:00Z\",\"attribute\":\"" + id(11) + "\",\"value\":1}\n"
            + "{\"id\":\"a4\",\"customer_id\":\"" + id(12) + "\",\"timestamp\":\"2025-01-02T00:00:00Z\",\"attribute\":\"revenue\",\"value\":\"1500.25\"}\n");
    Path html = dir.resolve("report.html");
    List<String> produced = new ArrayList<>();
    for (String form : new String[] {"--json", "--text"}) {
      List<String> args = new ArrayList<>(List.of("analyze", "--transactions", tx.toString(), "--attributes", attributes.toString(),
          "--skip-bad-rows", "--dedup-window", "30", "--html", html.toString(), "--top", "50"));
      if (form.equals("--json")) {
        args.add("--json");
      }
      MainTest.Run r = MainTest.run(args.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("line 42", "line 47, field 'customer_id': customer id contains a control character at 12");
      produced.add(r.out());
      produced.add(r.err());
      produced.add(Files.readString(html));
    }
    MainTest.Run stop = MainTest.run("analyze", "--transactions", tx.toString());
    assertThat(stop.code()).isEqualTo(1);
    produced.add(stop.err());
    for (String text : produced) {
      assertThat(PLANTED.matcher(text).find()).as(text).isFalse();
    }
  }

  @Test
  void noExceptionCauseOrToStringOfTheApiCarriesAPlantedId() {
    List<Throwable> thrown = new ArrayList<>();
    List<Object> handedOut = new ArrayList<>();
    Instant at = Instant.parse("2026-01-05T10:00:00Z");
    LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR")
        .clock(java.time.Clock.fixed(at.plusSeconds(3600), java.time.ZoneOffset.UTC)).build();
    for (int n = 0; n < 5; n++) {
      int i = n;
      CustomerId c = CustomerId.of(id(i));
      handedOut.add(c);
      Transaction t = new Transaction("t" + i, c, at, Direction.CREDIT, Money.of("10.00", "EUR"), ProductType.LOAN, Channel.ATM);
      handedOut.add(t);
      handedOut.add(engine.ingest(t));
      handedOut.add(engine.customer(c));
      handedOut.add(engine.history(c));
      catching(thrown, () -> new AttributeUpdate("a" + i, c, at, Attribute.REVENUE, new BigDecimal("1e400")));
      catching(thrown, () -> new Transaction("neg-" + i, c, at, Direction.CREDIT, Money.of("-1", "EUR"), ProductType.LOAN, Channel.ATM));
      catching(thrown, () -> engine.ingest(new Transaction("f" + i, c, at.plusSeconds(999_999), Direction.CREDIT,
          Money.of("1", "EUR"), ProductType.LOAN, Channel.ATM)));
      handedOut.add(engine.erase(c));
      catching(thrown, () -> engine.erase(c));
      catching(thrown, () -> engine.ingest(t));
    }
    catching(thrown, () -> CustomerId.of(id(99) + "\ud800"));
    catching(thrown, () -> CustomerId.of(id(98) + "\n"));
    catching(thrown, () -> engine.erase(CustomerId.of(id(97))));
    assertThat(thrown).hasSizeGreaterThanOrEqualTo(15);
    for (Throwable t : thrown) {
      for (Throwable e = t; e != null; e = e.getCause()) {
        assertThat(PLANTED.matcher(String.valueOf(e)).find()).as(String.valueOf(e)).isFalse();
        for (StackTraceElement frame : e.getStackTrace()) {
          assertThat(frame.toString()).doesNotContain(PLANT);
        }
      }
    }
    for (Object o : handedOut) {
      assertThat(PLANTED.matcher(String.valueOf(o)).find()).as(String.valueOf(o)).isFalse();
    }
  }

  private static void catching(List<Throwable> thrown, Runnable r) {
    assertThatThrownBy(r::run).satisfies(thrown::add);
  }
}
