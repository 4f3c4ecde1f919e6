package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --as-of DATE}: rows may be dated up to the end of that day (UTC); a later row is a
 * bad row of its {@code timestamp} field, and moves neither the report nor the stored state past the
 * date.
 */
class AsOfTest {
  private static final String STOP_HINT = "Fix the row, or pass --skip-bad-rows to skip and count bad rows.\n";
  private static final String AFTER = " is not before --as-of 2025-02-01 (the report is as of 2025-02-01T00:00:00Z)";

  @TempDir Path dir;

  /** The values after id, customer_id and timestamp of a row of each kind; {@code %s} becomes the row's id. */
  private static final Map<RecordKind, List<String>> REST = Map.of(
      RecordKind.TRANSACTIONS, List.of("debit", "5.00", "EUR", "card", "pos"),
      RecordKind.INTERACTIONS, List.of("contact", "phone", ""),
      RecordKind.COMPLAINTS, List.of("K-%s", "opened", "normal", ""),
      RecordKind.ATTRIBUTES, List.of("credit-score", "742"),
      RecordKind.PRODUCTS, List.of("card", "opened"),
      RecordKind.RELATIONSHIPS, List.of("true"),
      RecordKind.CONSENTS, List.of("marketing", "true"));

  private static List<String> row(RecordKind kind, String id, String customer, String timestamp) {
    List<String> values = new ArrayList<>(List.of(id, customer, timestamp));
    for (String v : REST.get(kind)) {
      values.add(v.replace("%s", id));
    }
    return values;
  }

  private static String text(RecordKind kind, RowReader.Format format, List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    if (format == RowReader.Format.CSV) {
      b.append(String.join(",", kind.fields())).append('\n');
      rows.forEach(r -> b.append(String.join(",", r)).append('\n'));
      return b.toString();
    }
    for (List<String> r : rows) {
      List<String> members = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        if (!r.get(i).isEmpty()) {
          members.add("\"" + kind.fields().get(i) + "\":\"" + r.get(i) + "\"");
        }
      }
      b.append('{').append(String.join(",", members)).append("}\n");
    }
    return b.toString();
  }

  private static JsonNode json(MainTest.Run r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void aRowAfterTheAsOfDateIsABadTimestampInEveryKindOfFileAndEveryFormat() throws IOException {
    for (RecordKind kind : RecordKind.values()) {
      for (RowReader.Format format : RowReader.Format.values()) {
        String name = kind.option() + "." + format.name().toLowerCase(Locale.ROOT);
        Path file = dir.resolve(name);
        Files.writeString(file, text(kind, format, List.of(
            row(kind, "g1", "C-1001", "2025-01-10T10:00:00Z"),
            row(kind, "late", "C-1002", "2025-03-01T10:00:00Z"),
            row(kind, "g2", "C-1003", "2025-01-20T10:00:00Z"))), StandardCharsets.UTF_8);
        long lateLine = format == RowReader.Format.CSV ? 3 : 2;
        String expected = name + " line " + lateLine + ", field 'timestamp': '2025-03-01T10:00:00Z'" + AFTER;

        JsonNode report = json(MainTest.run("analyze", "--" + kind.option(), file.toString(), "--as-of", "2025-02-01",
            "--skip-bad-rows", "--json"));
        assertThat(report.get("rejections")).as(name).extracting(JsonNode::asText).containsExactly(expected);
        assertThat(report.get("input").get(0).get("accepted").asLong()).as(name).isEqualTo(2);
        assertThat(report.get("input").get(0).get("rejected").asLong()).as(name).isEqualTo(1);
        assertThat(report.get("reconciles").asBoolean()).as(name).isTrue();

        MainTest.Run stop = MainTest.run("analyze", "--" + kind.option(), file.toString(), "--as-of", "2025-02-01");
        assertThat(stop).as(name).isEqualTo(new MainTest.Run(1, "", "clm: bad data: " + expected + "\n" + STOP_HINT));
      }
    }
  }

  /**
   * The report is as of the start of the as-of day, as the default date, the day after the latest
   * row, is: rows must lie before that instant. Its first instant is after it, and so are the
   * minutes past it that the engine would let a live clock's rows have.
   */
  @Test
  void rowsMustLieBeforeTheStartOfTheAsOfDay() throws IOException {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, HostileInputTest.HEADER
        + "t1,C-1001,2025-01-10T10:00:00Z,debit,5.00,card,pos\n"
        + "t2,C-1001,2025-01-31T23:59:59.999Z,debit,5.00,card,pos\n"
        + "t3,C-1002,2025-02-01T00:00:00Z,debit,5.00,card,pos\n"
        + "t4,C-1003,2025-02-01T00:04:59Z,debit,5.00,card,pos\n"
        + "t5,C-1004,2025-01-31T23:59:59.9999Z,debit,5.00,card,pos\n"
        + "t6,C-1005,2025-02-01T10:00:00Z,debit,5.00,card,pos\n");
    JsonNode report = json(MainTest.run("analyze", "--transactions", file.toString(), "--as-of", "2025-02-01", "--skip-bad-rows",
        "--json"));
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "tx.csv line 4, field 'timestamp': '2025-02-01T00:00:00Z'" + AFTER,
        "tx.csv line 5, field 'timestamp': '2025-02-01T00:04:59Z'" + AFTER,
        "tx.csv line 7, field 'timestamp': '2025-02-01T10:00:00Z'" + AFTER);
    assertThat(report.get("input").get(0).get("accepted").asLong()).isEqualTo(3);
    assertThat(report.get("asOf").asText()).isEqualTo("2025-02-01T00:00:00Z");
    assertThat(report.get("reconciles").asBoolean()).isTrue();
  }

  /** The --as-of date is a day of UTC, as the report's date is, whatever the zone of the rows' local times. */
  @Test
  void localTimestampsAreComparedWithTheEndOfTheAsOfDayInUtc() throws IOException {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, HostileInputTest.HEADER
        + "t1,C-1001,2025-01-10 10:00,debit,5.00,card,pos\n"
        + "t2,C-1001,2025-02-01 00:30,debit,5.00,card,pos\n"
        + "t3,C-1002,2025-02-01 01:30,debit,5.00,card,pos\n");
    String[] args = {"analyze", "--transactions", file.toString(), "--as-of", "2025-02-01", "--timestamp-format", "yyyy-MM-dd HH:mm",
        "--zone", "Europe/Berlin"};
    MainTest.Run stop = MainTest.run(args);
    assertThat(stop).isEqualTo(new MainTest.Run(1, "",
        "clm: bad data: tx.csv line 4, field 'timestamp': '2025-02-01 01:30'" + AFTER + "\n" + STOP_HINT));
    List<String> skipping = new ArrayList<>(List.of(args));
    skipping.addAll(List.of("--skip-bad-rows", "--json"));
    JsonNode report = json(MainTest.run(skipping.toArray(String[]::new)));
    assertThat(report.get("input").get(0).get("accepted").asLong()).isEqualTo(2);
    assertThat(report.get("rejections")).extracting(JsonNode::asText)
        .containsExactly("tx.csv line 4, field 'timestamp': '2025-02-01 01:30'" + AFTER);
  }

  /**
   * A bad row after the as-of date is met where its time puts it among the files' rows, as a row the
   * engine refuses is: a row of another file that comes earlier in time and is bad stops the run
   * first.
   */
  @Test
  void theRunStopsAtTheFirstBadRowInTimeAcrossTheFiles() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, HostileInputTest.HEADER
        + "late,C-1001,2025-03-01T10:00:00Z,debit,5.00,card,pos\n"
        + "t1,C-1001,2025-01-10T10:00:00Z,debit,5.00,card,pos\n");
    Path attributes = dir.resolve("attributes.csv");
    Files.writeString(attributes, "id,customer_id,timestamp,attribute,value\n"
        + "a1,C-1001,2025-01-15T10:00:00Z,total-business,1.234\n");
    MainTest.Run r = MainTest.run("analyze", "--transactions", tx.toString(), "--attributes", attributes.toString(), "--as-of",
        "2025-02-01");
    assertThat(r).isEqualTo(new MainTest.Run(1, "", "clm: bad data: attributes.csv line 2, field '(event)': value 1.234 of attribute "
        + "TOTAL_BUSINESS has more fraction digits than EUR allows (2) in event 'a1'\n" + STOP_HINT));
    MainTest.Run skipping = MainTest.run("analyze", "--transactions", tx.toString(), "--attributes", attributes.toString(), "--as-of",
        "2025-02-01", "--skip-bad-rows", "--json");
    assertThat(json(skipping).get("rejections")).extracting(JsonNode::asText).containsExactly(
        "tx.csv line 2, field 'timestamp': '2025-03-01T10:00:00Z'" + AFTER,
        "attributes.csv line 2, field '(event)': value 1.234 of attribute TOTAL_BUSINESS has more fraction digits than EUR allows (2) "
            + "in event 'a1'");
  }

  /**
   * Among thousands of rows of many customers, applied on several worker threads, every row after the
   * as-of date is counted as rejected and the first ones are shown in the order of their lines.
   */
  @Test
  void amongManyRowsEveryRowAfterTheAsOfDateIsRejectedAndTheFirstAreShownInLineOrder() throws IOException {
    StringBuilder rows = new StringBuilder(HostileInputTest.HEADER);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      boolean late = i % 100 == 7;
      String at = late
          ? String.format(Locale.ROOT, "2025-02-%02dT08:00:00Z", 2 + i % 20)
          : String.format(Locale.ROOT, "2025-01-%02dT10:00:00Z", 1 + i % 28);
      rows.append(String.format(Locale.ROOT, "t%d,C-%d,%s,debit,5.00,card,pos%n", i, i % 37, at));
      if (late && expected.size() < Report.MAX_REJECTIONS_SHOWN) {
        expected.add("many.csv line " + (i + 2) + ", field 'timestamp': '" + at + "'" + AFTER);
      }
    }
    Path file = dir.resolve("many.csv");
    Files.writeString(file, rows);
    JsonNode report = json(MainTest.run("analyze", "--transactions", file.toString(), "--as-of", "2025-02-01", "--skip-bad-rows",
        "--json"));
    assertThat(report.get("input").get(0).get("rejected").asLong()).isEqualTo(50);
    assertThat(report.get("input").get(0).get("accepted").asLong()).isEqualTo(4950);
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactlyElementsOf(expected);
    MainTest.Run stop = MainTest.run("analyze", "--transactions", file.toString(), "--as-of", "2025-02-01");
    assertThat(stop).isEqualTo(new MainTest.Run(1, "", "clm: bad data: " + expected.get(0) + "\n" + STOP_HINT));
  }

  /**
   * Customers whose last transaction was in January 2023 fall dormant (365 days without one) in
   * January 2024. As of 2023-06-01 none is: a skipped row dated in 2024 must not let the rules run on
   * to its date.
   */
  @Test
  void aSkippedRowAfterTheAsOfDateDoesNotRunTheRulesOnToItsDate() throws IOException {
    Path file = dir.resolve("tx.csv");
    StringBuilder rows = new StringBuilder(HostileInputTest.HEADER);
    for (int n = 1; n <= 5; n++) {
      rows.append(String.format(Locale.ROOT, "d%d,D%d,2023-01-%02dT12:00:00Z,credit,100.00,current-account,branch%n", n, n, 10 + n));
    }
    rows.append("late,L,2024-06-01T12:00:00Z,credit,100.00,current-account,branch\n");
    Files.writeString(file, rows);
    JsonNode report = json(MainTest.run("analyze", "--transactions", file.toString(), "--as-of", "2023-06-01", "--skip-bad-rows",
        "--json"));
    assertThat(report.get("input").get(0).get("accepted").asLong()).isEqualTo(5);
    assertThat(report.get("customers").asLong()).isEqualTo(5);
    assertThat(stage(report, "termination")).isZero();
  }

  /**
   * Over a store, a skipped row after the as-of date does not advance the stored state to its date
   * either: the next day's run still finds the January customers short of their dormancy.
   */
  @Test
  void overAStoreASkippedRowAfterTheAsOfDateLeavesTheStoredStateShortOfItsDate() throws IOException {
    Path key = dir.resolve("mask.key");
    Files.write(key, "a secret of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));
    String store = "jdbc:h2:" + dir.resolve("clm").toAbsolutePath();
    Path first = dir.resolve("first.csv");
    StringBuilder rows = new StringBuilder(HostileInputTest.HEADER);
    for (int n = 1; n <= 5; n++) {
      rows.append(String.format(Locale.ROOT, "d%d,D%d,2023-01-%02dT12:00:00Z,credit,100.00,current-account,branch%n", n, n, 10 + n));
    }
    rows.append("late,L,2024-06-01T12:00:00Z,credit,100.00,current-account,branch\n");
    Files.writeString(first, rows);
    JsonNode stored = json(MainTest.run("analyze", "--transactions", first.toString(), "--as-of", "2023-06-01", "--skip-bad-rows",
        "--store", store, "--mask-key-file", key.toString(), "--json"));
    assertThat(stored.get("input").get(0).get("rejected").asLong()).isEqualTo(1);
    assertThat(stage(stored, "termination")).isZero();

    Path next = dir.resolve("next.csv");
    Files.writeString(next, HostileInputTest.HEADER + "n1,N,2023-06-05T12:00:00Z,credit,100.00,current-account,branch\n");
    JsonNode after = json(MainTest.run("analyze", "--transactions", next.toString(), "--store", store, "--mask-key-file", key.toString(),
        "--json"));
    assertThat(after.get("asOf").asText()).isEqualTo("2023-06-06T00:00:00Z");
    assertThat(after.get("customers").asLong()).isEqualTo(6);
    assertThat(stage(after, "termination")).isZero();
  }

  /**
   * Without --as-of, a row dated further past the wall clock than the engine's five minutes is a
   * bad timestamp, met when it is read: skipped, it lets no rule run on to its date (the January 2023
   * customers are not dormant in a report as of the day after their last row).
   */
  @Test
  void withoutAsOfARowFarPastTheWallClockIsABadTimestampAndMovesNoTimeOn() throws IOException {
    Path file = dir.resolve("tx.csv");
    StringBuilder rows = new StringBuilder(HostileInputTest.HEADER);
    for (int n = 1; n <= 5; n++) {
      rows.append(String.format(Locale.ROOT, "d%d,D%d,2023-01-%02dT12:00:00Z,credit,100.00,current-account,branch%n", n, n, 10 + n));
    }
    rows.append("late,L,9000-06-01T12:00:00Z,credit,100.00,current-account,branch\n");
    Files.writeString(file, rows);
    JsonNode report = json(MainTest.run("analyze", "--transactions", file.toString(), "--skip-bad-rows", "--json"));
    assertThat(report.get("input").get(0).get("accepted").asLong()).isEqualTo(5);
    assertThat(report.get("input").get(0).get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("asOf").asText()).isEqualTo("2023-01-16T00:00:00Z");
    assertThat(stage(report, "termination")).isZero();
    assertThat(report.get("rejections")).extracting(JsonNode::asText).singleElement().asString()
        .startsWith("tx.csv line 7, field 'timestamp': '9000-06-01T12:00:00Z' is more than PT5M after the clock ")
        .endsWith(" (give --as-of to report as of a later day)");

    MainTest.Run stop = MainTest.run("analyze", "--transactions", file.toString());
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.err()).startsWith("clm: bad data: tx.csv line 7, field 'timestamp': '9000-06-01T12:00:00Z' is more than PT5M"
        + " after the clock ");
  }

  static long stage(JsonNode report, String id) {
    for (JsonNode s : report.get("stages")) {
      if (s.get("id").asText().equals(id)) {
        return s.get("customers").asLong();
      }
    }
    throw new AssertionError("no stage " + id);
  }
}
