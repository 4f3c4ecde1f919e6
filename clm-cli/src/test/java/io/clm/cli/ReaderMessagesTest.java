package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the readers say about a file whose structure is wrong: its header, its columns and quotes,
 * its JSON; and where they say it, counting blank lines and the header.
 */
class ReaderMessagesTest {
  private static final String TX = "id,customer_id,timestamp,direction,amount,product,channel";
  private static final String ROW = "t1,C-1001,2025-01-02T10:00:00Z,debit,5.00,card,pos";
  private static final String JSON_ROW =
      "{\"id\":\"t1\",\"customer_id\":\"C-1001\",\"timestamp\":\"2025-01-02T10:00:00Z\",\"direction\":\"debit\","
          + "\"amount\":\"5.00\",\"product\":\"card\",\"channel\":\"pos\"}";

  private static LineSource lines(byte[] bytes) {
    return new LineSource(new ByteArrayInputStream(bytes), LineSource.DEFAULT_MAX_LINE_BYTES);
  }

  private static LineSource lines(String text) {
    return lines(text.getBytes(StandardCharsets.UTF_8));
  }

  private static CsvRowReader csv(String text) throws IOException, BadRowException {
    return new CsvRowReader(lines(text), "f.csv", RecordKind.TRANSACTIONS, Dialect.DEFAULT);
  }

  private static String headerProblem(String text) {
    return headerProblem(lines(text));
  }

  private static String headerProblem(LineSource lines) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> new CsvRowReader(lines, "f.csv", RecordKind.TRANSACTIONS, Dialect.DEFAULT));
    assertThat(thrown).isInstanceOf(BadRowException.class);
    return thrown.getMessage();
  }

  /** Every row's event or message, in order. */
  private static List<String> read(RowReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    while (true) {
      try {
        Row row = reader.next();
        if (row == null) {
          return out;
        }
        Event e = row.kind().eventOf(row, RandomEvents.EUR);
        out.add("line " + row.line() + ": " + e.id());
      } catch (BadRowException e) {
        out.add(e.getMessage());
      }
    }
  }

  @Test
  void aCsvHeaderNamesEveryRequiredColumnOnce() {
    assertThat(headerProblem("")).isEqualTo("f.csv line 1, field '(row)': the file is empty; a header row is required");
    assertThat(headerProblem("\n \n")).isEqualTo("f.csv line 2, field '(row)': the file is empty; a header row is required");
    assertThat(headerProblem(TX + ",ID\n")).isEqualTo("f.csv line 1, field 'id': column appears twice in the header");
    assertThat(headerProblem("id,\"customer_id,timestamp\n"))
        .isEqualTo("f.csv line 1, field '(row)': header: a quoted field in column 2 is not closed on its line");
    byte[] bad = (TX + "\n").getBytes(StandardCharsets.UTF_8);
    bad[2] = (byte) 0xff;
    assertThat(headerProblem(lines(bad))).isEqualTo("f.csv line 1, field '(row)': header is not valid UTF-8 at byte 3");
  }

  @Test
  void aHeaderLackingAColumnIsQuotedUpToFortyNamesOfFortyCharacters() {
    StringBuilder header = new StringBuilder("id,customer_id,timestamp,direction," + "n".repeat(45) + ",product,channel");
    List<String> shown = new ArrayList<>(List.of("id", "customer_id", "timestamp", "direction", "n".repeat(40) + "...", "product",
        "channel"));
    for (int i = 0; i < 35; i++) {
      header.append(",x").append(i);
      if (shown.size() < 40) {
        shown.add("x" + i);
      }
    }
    assertThat(headerProblem(header + "\n")).isEqualTo(
        "f.csv line 1, field 'amount': column is missing from the header " + shown + " and 2 more");
    // Forty names, one of forty characters: all shown as they are.
    StringBuilder forty = new StringBuilder("id,customer_id,timestamp,direction," + "f".repeat(40) + ",product,channel");
    List<String> all = new ArrayList<>(List.of("id", "customer_id", "timestamp", "direction", "f".repeat(40), "product", "channel"));
    for (int i = 0; i < 33; i++) {
      forty.append(",x").append(i);
      all.add("x" + i);
    }
    assertThat(headerProblem(forty + "\n")).isEqualTo("f.csv line 1, field 'amount': column is missing from the header " + all);
    assertThat(headerProblem("id,customer_id,timestamp,direction,product,channel\n")).isEqualTo(
        "f.csv line 1, field 'amount': column is missing from the header [id, customer_id, timestamp, direction, product, channel]");
  }

  @Test
  void aCsvRowHasTheHeadersColumnsAndItsQuotesWhereTheyBelong() throws Exception {
    try (CsvRowReader reader = csv("\n" + TX + "\n"
        + ROW + ",extra\n"
        + "\n"
        + "\"t\"\"2\",C-1001,2025-01-02T10:00:00Z,debit,5.00,card,pos\n"
        + "\"t3\"x,C-1001,2025-01-02T10:00:00Z,debit,5.00,card,pos\n"
        + "t4,C-1001,2025-01-02T10:00:00Z,debit,5.00,ca\"rd,pos\n"
        + "\"t,5\",C-1001,2025-01-02T10:00:00Z,debit,5.00,card,\"pos\"\n"
        + "t6,C-1001,2025-01-02T10:00:00Z,debit,5.00,card\n")) {
      assertThat(read(reader)).containsExactly(
          "f.csv line 3, field '(row)': has 8 columns, the header has 7",
          "line 5: t\"2",
          "f.csv line 6, field '(row)': unexpected 'x' after a closing quote in column 1",
          "f.csv line 7, field '(row)': a quote inside an unquoted field in column 6",
          "line 8: t,5",
          "f.csv line 9, field '(row)': has 6 columns, the header has 7");
      assertThat(reader.lines()).isEqualTo(9);
      assertThat(reader.blankLines()).isEqualTo(2);
      assertThat(reader.headerLines()).isEqualTo(1);
    }
  }

  @Test
  void aJsonLineIsOneObjectOfSingleValues() throws Exception {
    String extra = JSON_ROW.replace("{\"id\":\"t1\"", "{\"note\":{\"a\":[1,{\"b\":2}]},\"id\":\"t2\"");
    try (JsonLinesRowReader reader = new JsonLinesRowReader(lines(
        "[1]\n"
            + "\n"
            + JSON_ROW + " {}\n"
            + JSON_ROW.replace("\"card\"", "[\"card\"]") + "\n"
            + extra + "\n"
            + "\"text\"\n"), "f.jsonl", RecordKind.TRANSACTIONS, Dialect.DEFAULT)) {
      assertThat(read(reader)).containsExactly(
          "f.jsonl line 1, field '(row)': is not a JSON object",
          "f.jsonl line 3, field '(row)': has text after the JSON object",
          "f.jsonl line 4, field 'product': is an object or array, not a single value",
          "line 5: t2",
          "f.jsonl line 6, field '(row)': is not a JSON object");
      assertThat(reader.lines()).isEqualTo(6);
      assertThat(reader.blankLines()).isEqualTo(1);
      assertThat(reader.headerLines()).isZero();
    }
  }

  @Test
  void aLineThatIsNotUtf8IsABadRowOfItsNumber() throws Exception {
    byte[] bytes = (JSON_ROW + "\n" + JSON_ROW + "\n").getBytes(StandardCharsets.UTF_8);
    bytes[JSON_ROW.length() + 1 + 8] = (byte) 0xc3;
    try (JsonLinesRowReader reader = new JsonLinesRowReader(lines(bytes), "f.jsonl", RecordKind.TRANSACTIONS, Dialect.DEFAULT)) {
      assertThat(read(reader)).containsExactly("line 1: t1", "f.jsonl line 2, field '(row)': is not valid UTF-8 at byte 9");
    }
    byte[] csvBytes = (TX + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8);
    csvBytes[TX.length() + 1] = (byte) 0x80;
    try (CsvRowReader reader = new CsvRowReader(lines(csvBytes), "f.csv", RecordKind.TRANSACTIONS, Dialect.DEFAULT)) {
      assertThat(read(reader)).containsExactly("f.csv line 2, field '(row)': is not valid UTF-8 at byte 1");
    }
  }

  @Test
  void theFormatIsTheFileNamesOrTheOneGiven() {
    assertThat(RowReader.Format.of(Path.of("dir", "T.CSV"))).isEqualTo(RowReader.Format.CSV);
    assertThat(RowReader.Format.of(Path.of("t.jsonl"))).isEqualTo(RowReader.Format.JSONL);
    assertThat(RowReader.Format.of(Path.of("t.ndjson"))).isEqualTo(RowReader.Format.JSONL);
    assertThat(RowReader.Format.of(Path.of("t.json"))).isEqualTo(RowReader.Format.JSONL);
    assertThatThrownBy(() -> RowReader.Format.of(Path.of("dir", "t.txt"))).isInstanceOf(UsageException.class)
        .hasMessage("cannot tell the format of 't.txt': name it .csv or .jsonl, or pass --format");
    assertThat(RowReader.Format.parse("CSV")).isEqualTo(RowReader.Format.CSV);
    assertThat(RowReader.Format.parse("jsonl")).isEqualTo(RowReader.Format.JSONL);
    assertThat(RowReader.Format.parse("NDJSON")).isEqualTo(RowReader.Format.JSONL);
    assertThatThrownBy(() -> RowReader.Format.parse("xml")).isInstanceOf(UsageException.class)
        .hasMessage("--format 'xml' is not one of csv, jsonl");
  }

  @Test
  void aSeparatorOtherThanACommaSplitsTheColumnsAndQuotesStillHoldIt() throws Exception {
    Dialect semicolon = new Dialect(';', ',', false, Optional.empty(), java.time.ZoneOffset.UTC, 1024);
    try (CsvRowReader reader = new CsvRowReader(lines(TX.replace(',', ';') + "\n"
        + "\"t;1\";C-1001;2025-01-02T10:00:00Z;debit;5,00;card;pos\n"
        + ROW + "\n"), "f.csv", RecordKind.TRANSACTIONS, semicolon)) {
      assertThat(read(reader)).containsExactly("line 2: t;1", "f.csv line 3, field '(row)': has 1 columns, the header has 7");
    }
  }
}
