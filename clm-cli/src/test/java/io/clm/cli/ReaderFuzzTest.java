package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Fuzzes the CSV and JSON Lines readers with arbitrary bytes after a valid header: whatever the
 * bytes, the reader ends, refuses only with {@link BadRowException} (short, one line), and accounts
 * for every physical line. In the ordinary test run each runs on its seeds; {@code docs/testing.md}
 * says how to fuzz them.
 */
class ReaderFuzzTest {
  private static final int MAX_MESSAGE = 600;

  @FuzzTest(maxDuration = "10s")
  void csv(FuzzedDataProvider data) throws IOException {
    RecordKind kind = data.pickValue(RecordKind.values());
    Dialect dialect = data.consumeBoolean() ? Dialect.DEFAULT
        : new Dialect(';', ',', true, Optional.of("yyyy-MM-dd HH:mm:ss"), java.time.ZoneOffset.UTC, 256);
    String header = String.join(String.valueOf(dialect.separator()), kind.fields()) + "\n";
    read(kind, RowReader.Format.CSV, dialect, header, data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "10s")
  void jsonLines(FuzzedDataProvider data) throws IOException {
    RecordKind kind = data.pickValue(RecordKind.values());
    read(kind, RowReader.Format.JSONL, Dialect.DEFAULT, "", data.consumeRemainingAsBytes());
  }

  private static void read(RecordKind kind, RowReader.Format format, Dialect dialect, String header, byte[] body)
      throws IOException {
    byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    LineSource lines = new LineSource(new ByteArrayInputStream(all), dialect.maxLineBytes());
    RowReader reader;
    try {
      reader = format == RowReader.Format.CSV ? new CsvRowReader(lines, "f", kind, dialect) : new JsonLinesRowReader(lines, "f", kind, dialect);
    } catch (BadRowException e) {
      check(e);
      return;
    }
    long rows = 0;
    long bad = 0;
    while (true) {
      Row row;
      try {
        row = reader.next();
      } catch (BadRowException e) {
        check(e);
        bad++;
        continue;
      }
      if (row == null) {
        break;
      }
      rows++;
      try {
        assertThat(kind.eventOf(row, RandomEvents.EUR)).isNotNull();
      } catch (BadRowException e) {
        check(e);
      }
    }
    assertThat(reader.lines()).isEqualTo(reader.headerLines() + reader.blankLines() + rows + bad);
  }

  private static void check(BadRowException e) {
    assertThat(e.getMessage()).hasSizeLessThan(MAX_MESSAGE).doesNotContain("\n", "\r");
    assertThat(e.line()).isPositive();
  }
}
