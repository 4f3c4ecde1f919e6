package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files an attacker or a careless upstream system produces: no row is ever lost, every message is short. */
class HostileInputTest {
  static final String HEADER = "id,customer_id,timestamp,direction,amount,product,channel\n";

  @TempDir Path dir;

  static String good(int i) {
    return String.format(Locale.ROOT, "t%d,C-%04d,2025-01-%02dT10:00:00Z,credit,%d.00,current-account,online\n", i, i % 7, 1 + i % 28, 10 + i);
  }

  static String goodRows(int from, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      b.append(good(i));
    }
    return b.toString();
  }

  JsonNode analyze(Path file, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("analyze", "--transactions", file.toString(), "--skip-bad-rows", "--json"));
    args.addAll(List.of(more));
    MainTest.Run r = MainTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().length()).as("report size").isLessThan(200_000);
    return new ObjectMapper().readTree(r.out());
  }

  static JsonNode input(JsonNode report) {
    return report.get("input").get(0);
  }

  @Test
  void anUnclosedQuoteSpoilsOnlyItsOwnRow() throws Exception {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, HEADER + goodRows(0, 5)
        + "t-bad,\"C-0001,2025-01-02T10:00:00Z,credit,1.00,current-account,online\n" + goodRows(5, 50));
    JsonNode report = analyze(file);
    assertThat(input(report).get("read").asLong()).isEqualTo(56);
    assertThat(input(report).get("accepted").asLong()).isEqualTo(55);
    assertThat(input(report).get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("rejections").get(0).asText())
        .isEqualTo("tx.csv line 7, field '(row)': a quoted field in column 2 is not closed on its line");
    assertThat(report.get("reconciles").asBoolean()).isTrue();
  }

  @Test
  void invalidUtf8IsABadRowWithFileAndLineAndCanBeSkipped() throws Exception {
    Path file = dir.resolve("tx.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((HEADER + goodRows(0, 3)).getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("t-bad,C-0001,2025-01-02T10:00:00Z,credit,1.00,current-account,onl".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, '\n'});
    bytes.writeBytes(goodRows(3, 4).getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());
    JsonNode report = analyze(file);
    assertThat(input(report).get("read").asLong()).isEqualTo(8);
    assertThat(input(report).get("accepted").asLong()).isEqualTo(7);
    assertThat(report.get("rejections").get(0).asText())
        .isEqualTo("tx.csv line 5, field '(row)': is not valid UTF-8 at byte 66");
    MainTest.Run stop = MainTest.run("analyze", "--transactions", file.toString());
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.err()).startsWith("clm: bad data: tx.csv line 5, field '(row)': is not valid UTF-8 at byte 66\n");
  }

  @Test
  void aHugeExponentIsABadRowWithAShortMessageAndTheRunFailsWithoutSkipping() throws Exception {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, HEADER + goodRows(0, 3) + "t-exp,C-0001,2025-01-02T10:00:00Z,credit,1e999999999,current-account,online\n");
    JsonNode report = analyze(file);
    assertThat(input(report).get("rejected").asLong()).isEqualTo(1);
    assertThat(report.get("rejections").get(0).asText()).isEqualTo(
        "tx.csv line 5, field 'amount': '1e999999999' is not a decimal number within bounds (at most 18 digits before the '.', no exponent)");
    MainTest.Run stop = MainTest.run("analyze", "--transactions", file.toString());
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.err().length()).isLessThan(400);
  }

  @Test
  void aHugeFieldIsEchoedAsAShortExcerpt() throws Exception {
    Path file = dir.resolve("tx.csv");
    String huge = "x".repeat(60_000);
    Files.writeString(file, HEADER + goodRows(0, 3) + "t-big,C-0001,2025-01-02T10:00:00Z,credit,1.00," + huge + ",online\n"
        + "t-bigger,C-0001,2025-01-02T10:00:00Z,credit,1.00," + huge + huge + ",online\n" + goodRows(3, 2));
    JsonNode report = analyze(file);
    assertThat(input(report).get("read").asLong()).isEqualTo(7);
    assertThat(input(report).get("rejected").asLong()).isEqualTo(2);
    assertThat(report.get("rejections").get(0).asText()).isEqualTo("tx.csv line 5, field 'product': '" + "x".repeat(32)
        + "'... (60000 characters) is not one of current-account, deposit, loan, card, wealth-management, payments, insurance, other");
    assertThat(report.get("rejections").get(1).asText())
        .isEqualTo("tx.csv line 6, field '(row)': is 120056 bytes long, more than the limit of 65536");
    assertThat(report.get("reconciles").asBoolean()).isTrue();
  }

  @Test
  void controlCharactersInIdsAreRefusedNotLogged() throws Exception {
    Path file = dir.resolve("tx.jsonl");
    Files.writeString(file, "{\"id\":\"t1\\nINFO forged\",\"customer_id\":\"C-1\",\"timestamp\":\"2025-01-02T10:00:00Z\","
        + "\"direction\":\"credit\",\"amount\":\"1.00\",\"product\":\"loan\",\"channel\":\"atm\"}\n"
        + "{\"id\":\"t2\",\"customer_id\":\"C-1\",\"timestamp\":\"2025-01-02T10:00:00Z\","
        + "\"direction\":\"credit\",\"amount\":1e999999999,\"product\":\"loan\",\"channel\":\"atm\"}\n"
        + "{\"id\":\"t3\",\"customer_id\":\"C-1\",\"timestamp\":\"2025-01-02T10:00:00Z\","
        + "\"direction\":\"credit\",\"amount\":12.5,\"product\":\"loan\",\"channel\":\"atm\"}\n");
    JsonNode report = analyze(file);
    assertThat(report.get("rejections").get(0).asText()).isEqualTo("tx.jsonl line 1, field '(row)': event id contains a control character at 2");
    assertThat(report.get("rejections").get(1).asText()).startsWith("tx.jsonl line 2, field 'amount': '1e999999999' is not a decimal number");
    assertThat(input(report).get("accepted").asLong()).isEqualTo(1);
  }

  @Test
  void bankExportDialects() throws Exception {
    Path file = dir.resolve("export.csv");
    Files.writeString(file, "\ufeffid;customer_id;timestamp;amount;product;channel\n"
        + "t1;C-1;2025-01-02 10:00:00;1250,50;current-account;online\n"
        + "t2;C-1;2025-01-03 11:30:00;-20,00;card;pos\n"
        + "\n"
        + "t3;C-2;2025-02-30 11:30:00;5,00;card;pos\n"
        + "t4;C-2;2025-01-04 09:00:00;5.00;card;pos\n");
    JsonNode report = analyze(file, "--separator", ";", "--decimal-comma", "--signed-amounts",
        "--timestamp-format", "yyyy-MM-dd HH:mm:ss", "--zone", "Europe/Berlin");
    assertThat(input(report).get("read").asLong()).isEqualTo(4);
    assertThat(input(report).get("accepted").asLong()).isEqualTo(2);
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "export.csv line 5, field 'timestamp': '2025-02-30 11:30:00' is not a timestamp in the pattern 'yyyy-MM-dd HH:mm:ss'",
        "export.csv line 6, field 'amount': '5.00' is not a decimal number within bounds (at most 18 digits before the ',', no exponent)");
    assertThat(report.get("reconciles").asBoolean()).isTrue();
    Result r = read("id;customer_id;timestamp;amount;product;channel\nt1;C-1;2025-01-02 10:00:00;-1250,50;card;pos\n",
        new Dialect(';', ',', true, Optional.of("yyyy-MM-dd HH:mm:ss"), java.time.ZoneId.of("Europe/Berlin"), 1024));
    io.clm.api.event.Transaction t = (io.clm.api.event.Transaction) r.events().get(0);
    assertThat(t.direction()).isEqualTo(io.clm.api.event.Direction.DEBIT);
    assertThat(t.amount().minorUnits()).isEqualTo(125050);
    assertThat(t.at()).isEqualTo(java.time.Instant.parse("2025-01-02T09:00:00Z"));
  }

  @Test
  void aTimestampPatternWithQuotedLettersIsStrictAboutTheCalendar() {
    Dialect dialect = new Dialect(',', '.', false, Optional.of("yyyy-MM-dd'T'HH:mm:ss"), java.time.ZoneOffset.UTC, 1024);
    Result r = read(HEADER + "t1,C-1,2024-02-30T10:00:00,debit,5.00,card,pos\n"
        + "t2,C-1,2024-04-31T10:00:00,debit,5.00,card,pos\n"
        + "t3,C-1,2024-02-29T10:00:00,debit,5.00,card,pos\n", dialect);
    assertThat(r.rejected()).extracting(BadRowException::line).containsExactly(2L, 3L);
    assertThat(r.rejected()).extracting(BadRowException::field).containsOnly("timestamp");
    assertThat(r.events()).extracting(io.clm.api.event.Event::at).containsExactly(java.time.Instant.parse("2024-02-29T10:00:00Z"));
  }

  @Test
  void aTimestampOutsideTheYears0001To9999IsABadRow() throws Exception {
    Path file = dir.resolve("far.csv");
    Files.writeString(file, HEADER
        + "t1,C-1,-999999999-01-01T00:00:00Z,debit,5.00,card,pos\n"
        + "t2,C-1,+999999999-12-31T00:00:00+01:00,debit,5.00,card,pos\n"
        + "t3,C-1,-0001-12-31,debit,5.00,card,pos\n"
        + "t4,C-1,2025-01-02T10:00:00Z,debit,5.00,card,pos\n");
    JsonNode report = analyze(file);
    assertThat(input(report).get("read").asLong()).isEqualTo(4);
    assertThat(input(report).get("accepted").asLong()).isEqualTo(1);
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "far.csv line 2, field 'timestamp': '-999999999-01-01T00:00:00Z' is outside the years 0001 to 9999",
        "far.csv line 3, field 'timestamp': '+999999999-12-31T00:00:00+01:00' is outside the years 0001 to 9999",
        "far.csv line 4, field 'timestamp': '-0001-12-31' is outside the years 0001 to 9999");
    assertThat(report.get("reconciles").asBoolean()).isTrue();
  }

  /** The engine counts time from the year 0001: a row of the year 0000 is a bad row of its field. */
  @Test
  void aTimestampInTheYear0000IsABadRowNamingItsField() throws Exception {
    Path file = dir.resolve("zero.csv");
    Files.writeString(file, HEADER
        + "t1,C-1,2025-01-02T10:00:00Z,debit,5.00,card,pos\n"
        + "t2,C-1,0000-06-01T11:02:00Z,debit,5.00,card,pos\n"
        + "t3,C-2,0000-12-31,debit,5.00,card,pos\n"
        + "t4,C-2,0000-12-31T23:59:59.999+00:00,debit,5.00,card,pos\n"
        + "t5,C-2,0001-01-01T00:00:00Z,debit,5.00,card,pos\n");
    JsonNode report = analyze(file);
    assertThat(input(report).get("read").asLong()).isEqualTo(5);
    assertThat(input(report).get("accepted").asLong()).isEqualTo(2);
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "zero.csv line 3, field 'timestamp': '0000-06-01T11:02:00Z' is outside the years 0001 to 9999",
        "zero.csv line 4, field 'timestamp': '0000-12-31' is outside the years 0001 to 9999",
        "zero.csv line 5, field 'timestamp': '0000-12-31T23:59:59.999+00:00' is outside the years 0001 to 9999");
    assertThat(report.get("reconciles").asBoolean()).isTrue();
    MainTest.Run stop = MainTest.run("analyze", "--transactions", file.toString());
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.out()).isEmpty();
    assertThat(stop.err()).isEqualTo("clm: bad data: zero.csv line 3, field 'timestamp': '0000-06-01T11:02:00Z' is outside the years 0001 to 9999\n"
        + "Fix the row, or pass --skip-bad-rows to skip and count bad rows.\n");
  }

  /**
   * The engine counts time in whole milliseconds up to 9999-12-31T23:59:59.999Z: a row later within
   * that millisecond is a bad row of its field, and as the value is itself dated in the year 9999,
   * the message says where the years end.
   */
  @Test
  void aTimestampWithinTheLastMillisecondOf9999IsABadRowSayingWhereTheYearsEnd() throws Exception {
    String outside = " is outside the years 0001 to 9999, which end at 9999-12-31T23:59:59.999Z (time is counted in whole milliseconds)";
    Path file = dir.resolve("late.csv");
    Files.writeString(file, HEADER
        + "t1,C-1,9999-12-30T10:00:00Z,debit,5.00,card,pos\n"
        + "t2,C-1,9999-12-31T23:59:59.999Z,debit,5.00,card,pos\n"
        + "t3,C-1,9999-12-31T23:59:59.9995Z,debit,5.00,card,pos\n"
        + "t4,C-1,9999-12-31T23:59:59.999999999Z,debit,5.00,card,pos\n"
        + "t5,C-1,9999-12-31T23:59:59.9995+00:00,debit,5.00,card,pos\n"
        + "t6,C-1,9999-12-31T22:59:59.9999-01:00,debit,5.00,card,pos\n");
    // The report of 9999-12-31 is as of its first instant: a valid row later that day lies after it.
    String afterAsOf = " is not before --as-of 9999-12-31 (the report is as of 9999-12-31T00:00:00Z)";
    JsonNode report = analyze(file, "--as-of", "9999-12-31");
    assertThat(input(report).get("accepted").asLong()).isEqualTo(1);
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "late.csv line 3, field 'timestamp': '9999-12-31T23:59:59.999Z'" + afterAsOf,
        "late.csv line 4, field 'timestamp': '9999-12-31T23:59:59.9995Z'" + outside,
        "late.csv line 5, field 'timestamp': '9999-12-31T23:59:59.999999999Z'" + outside,
        "late.csv line 6, field 'timestamp': '9999-12-31T23:59:59.9995+00:00'" + outside,
        "late.csv line 7, field 'timestamp': '9999-12-31T22:59:59.9999-01:00'" + outside);
    assertThat(report.get("reconciles").asBoolean()).isTrue();
    Path beyond = dir.resolve("beyond.csv");
    Files.writeString(beyond, HEADER
        + "t1,C-1,9999-12-30T10:00:00Z,debit,5.00,card,pos\n"
        + "t3,C-1,9999-12-31T23:59:59.9995Z,debit,5.00,card,pos\n");
    MainTest.Run stop = MainTest.run("analyze", "--transactions", beyond.toString(), "--as-of", "9999-12-31");
    assertThat(stop).isEqualTo(new MainTest.Run(1, "", "clm: bad data: beyond.csv line 3, field 'timestamp': '9999-12-31T23:59:59.9995Z'"
        + outside + "\nFix the row, or pass --skip-bad-rows to skip and count bad rows.\n"));

    Path local = dir.resolve("local.csv");
    Files.writeString(local, HEADER
        + "t1,C-1,9999-12-30 23:59:59.9990,debit,5.00,card,pos\n"
        + "t2,C-1,9999-12-31 23:59:59.9995,debit,5.00,card,pos\n");
    JsonNode localReport = analyze(local, "--as-of", "9999-12-31", "--timestamp-format", "yyyy-MM-dd HH:mm:ss.SSSS");
    assertThat(input(localReport).get("accepted").asLong()).isEqualTo(1);
    assertThat(localReport.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "local.csv line 3, field 'timestamp': '9999-12-31 23:59:59.9995'" + outside);
  }

  /**
   * A timestamp written with a date inside the years whose offset or zone takes it outside them in
   * UTC is refused with the instant in UTC, so that the message does not contradict the value.
   */
  @Test
  void aTimestampTakenOverTheEdgeOfTheYearsByItsOffsetOrZoneIsShownInUtc() throws Exception {
    Path file = dir.resolve("edge.csv");
    Files.writeString(file, HEADER
        + "t1,C-1,2025-01-10T10:00:00Z,debit,5.00,card,pos\n"
        + "t2,C-1,9999-12-31T20:00:00-05:00,debit,5.00,card,pos\n"
        + "t3,C-1,0001-01-01T00:30:00+01:00,debit,5.00,card,pos\n"
        + "t4,C-1,0000-12-31T23:00:00Z,debit,5.00,card,pos\n");
    JsonNode report = analyze(file, "--as-of", "2025-02-01");
    assertThat(input(report).get("accepted").asLong()).isEqualTo(1);
    assertThat(report.get("rejections")).extracting(JsonNode::asText).containsExactly(
        "edge.csv line 3, field 'timestamp': '9999-12-31T20:00:00-05:00' is outside the years 0001 to 9999:"
            + " it is +10000-01-01T01:00:00Z in UTC",
        "edge.csv line 4, field 'timestamp': '0001-01-01T00:30:00+01:00' is outside the years 0001 to 9999:"
            + " it is 0000-12-31T23:30:00Z in UTC",
        "edge.csv line 5, field 'timestamp': '0000-12-31T23:00:00Z' is outside the years 0001 to 9999");

    Path local = dir.resolve("local.csv");
    Files.writeString(local, HEADER
        + "t1,C-1,2025-01-10 10:00,debit,5.00,card,pos\n"
        + "t2,C-1,0001-01-01 00:30,debit,5.00,card,pos\n");
    JsonNode localReport = analyze(local, "--as-of", "2025-02-01", "--timestamp-format", "yyyy-MM-dd HH:mm", "--zone",
        "Europe/Berlin");
    assertThat(localReport.get("rejections")).extracting(JsonNode::asText).singleElement().asString()
        .startsWith("local.csv line 3, field 'timestamp': '0001-01-01 00:30' is outside the years 0001 to 9999: it is 0000-12-31T")
        .endsWith("Z in UTC");
  }

  /**
   * The rows the reader refuses and those the engine refuses on its worker threads are shown in the
   * order of their lines, the same on every run, whatever the threads did first.
   */
  @Test
  void theFirstRejectedRowsAreTheSameOnEveryRun() throws Exception {
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 3000; i++) {
      String customer = "C-" + (i % 37);
      String row = i < 2000 ? "g" + i + "," + customer + ",2025-01-" + day(i) + "T10:00:00Z,debit,5.00,card,pos"
          : i < 2015 ? "t" + i + "," + customer + ",2024-03-" + day(i) + "T10:00:00Z,debit,5.00,card,pos"
          : "t" + i + "," + customer + ",2025-01-" + day(i) + "T10:00:00Z,debit,ten,card,pos";
      rows.append(row).append('\n');
    }
    Path file = dir.resolve("mixed.csv");
    Files.writeString(file, rows);
    // Lines 2002 to 2016 are older than the deduplication window before their customer's latest row
    // (the engine refuses them), 2017 on have a bad amount.
    List<String> expectedLines = new ArrayList<>();
    for (int line = 2002; line <= 2021; line++) {
      expectedLines.add("mixed.csv line " + line + ", field '" + (line <= 2016 ? "(event)" : "amount") + "'");
    }
    for (int run = 0; run < 5; run++) {
      MainTest.Run r = MainTest.run("analyze", "--transactions", file.toString(), "--skip-bad-rows", "--json", "--as-of", "2025-02-01");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(r.out());
      assertThat(input(report).get("rejected").asLong()).isEqualTo(1000);
      assertThat(report.get("rejections")).extracting(n -> n.asText().substring(0, n.asText().indexOf("':") + 1))
          .as("run %d", run).containsExactlyElementsOf(expectedLines);
      assertThat(r.err().lines().map(l -> l.substring("clm: skipped ".length(), l.indexOf("':") + 1)).toList())
          .as("run %d", run).containsExactlyElementsOf(expectedLines);
    }
  }

  @Test
  void withoutSkippingTheRunStopsAtTheFirstBadRowAlsoWhenTheEngineRefusesItAndTheReaderFindsALaterOne() throws Exception {
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 100; i++) {
      rows.append("g").append(i).append(",C-").append(i % 7).append(",2025-01-").append(day(i)).append("T10:00:00Z,debit,5.00,card,pos\n");
    }
    // line 102 is older than the deduplication window before C-1's latest row (the engine refuses it);
    // line 103 has a bad amount (the reader refuses it)
    rows.append("late,C-1,2024-03-01T10:00:00Z,debit,5.00,card,pos\n");
    rows.append("bad,C-2,2025-03-02T10:00:00Z,debit,ten,card,pos\n");
    Path file = dir.resolve("stop.csv");
    Files.writeString(file, rows);
    for (int run = 0; run < 3; run++) {
      MainTest.Run r = MainTest.run("analyze", "--transactions", file.toString(), "--as-of", "2025-02-01");
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).as("run %d", run).startsWith("clm: bad data: stop.csv line 102, field '(event)'");
    }
  }

  private static String day(int i) {
    return (1 + i % 28 < 10 ? "0" : "") + (1 + i % 28);
  }

  @Test
  void aJsonNumberIsReadUnderDecimalCommaToo() {
    Dialect dialect = new Dialect(';', ',', false, Optional.empty(), java.time.ZoneOffset.UTC, 1024);
    String row = "{\"id\":\"t1\",\"customer_id\":\"C-1\",\"timestamp\":\"2025-01-02T10:00:00Z\",\"direction\":\"debit\","
        + "\"product\":\"card\",\"channel\":\"pos\",";
    RowReaderTest.Result r = RowReaderTest.readAll(row + "\"amount\":1250.5}\n" + row.replace("t1", "t2") + "\"amount\":\"20,25\"}\n",
        RecordKind.TRANSACTIONS, RowReader.Format.JSONL, "t.jsonl", dialect);
    assertThat(r.rejected()).isEmpty();
    assertThat(r.events()).extracting(e -> ((io.clm.api.event.Transaction) e).amount().minorUnits()).containsExactly(125050L, 2025L);
  }

  @Test
  void everyPhysicalLineIsCounted() throws Exception {
    String text = HEADER + goodRows(0, 2) + "\n\r\n" + "\"unclosed\n" + "a,b\n" + goodRows(2, 1) + "no-newline-at-end";
    CsvRowReader reader = new CsvRowReader(RowReaderTest.lines(text), "t.csv", RecordKind.TRANSACTIONS, Dialect.DEFAULT);
    RowReaderTest.Result r = RowReaderTest.readAll(reader, RecordKind.TRANSACTIONS);
    assertThat(r.events()).hasSize(3);
    assertThat(r.rejected()).extracting(BadRowException::line).containsExactly(6L, 7L, 9L);
    assertThat(reader.lines()).isEqualTo(9);
    assertThat(reader.lines()).isEqualTo(reader.headerLines() + reader.blankLines() + r.events().size() + r.rejected().size());
  }

  record Result(List<io.clm.api.event.Event> events, List<BadRowException> rejected) {}

  static Result read(String text, Dialect dialect) {
    RowReaderTest.Result r = RowReaderTest.readAll(text, RecordKind.TRANSACTIONS, RowReader.Format.CSV, "t.csv", dialect);
    return new Result(r.events(), r.rejected());
  }
}
