package io.clm.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads RFC 4180 CSV: a header row naming the columns (in any order; unknown columns are ignored),
 * comma separated, fields optionally in double quotes with {@code ""} for a quote inside; a quoted
 * field may span lines. Blank lines are skipped. Line numbers count physical lines, the header
 * being line 1; a row is numbered by the line it starts on.
 */
final class CsvRowReader implements RowReader {
  private static final int EOF = -1;

  private final Reader in;
  private final String file;
  private final RecordKind kind;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private int[] columnToField;
  private final List<String> record = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  CsvRowReader(Reader in, String file, RecordKind kind) throws IOException, BadRowException {
    this.in = in;
    this.file = file;
    this.kind = kind;
    readHeader();
  }

  private void readHeader() throws IOException, BadRowException {
    long start = line;
    boolean ok;
    try {
      ok = readRecord();
    } catch (MalformedCsv e) {
      throw new BadRowException(file, start, BadRowException.ROW, "header: " + e.getMessage());
    }
    if (!ok) {
      throw new BadRowException(file, 1, BadRowException.ROW, "the file is empty; a header row is required");
    }
    columnToField = new int[record.size()];
    boolean[] seen = new boolean[kind.fields().size()];
    for (int c = 0; c < record.size(); c++) {
      String name = record.get(c).trim().toLowerCase(Locale.ROOT);
      if (c == 0 && name.startsWith("\ufeff")) {
        name = name.substring(1);
      }
      int f = kind.fields().indexOf(name);
      if (f >= 0 && seen[f]) {
        throw new BadRowException(file, start, name, "column appears twice in the header");
      }
      columnToField[c] = f;
      if (f >= 0) {
        seen[f] = true;
      }
    }
    for (int f = 0; f < seen.length; f++) {
      if (!seen[f] && !kind.optional(f)) {
        throw new BadRowException(
            file, start, kind.fields().get(f), "column is missing from the header " + record);
      }
    }
  }

  @Override
  public Row next() throws IOException, BadRowException {
    while (true) {
      long start = line;
      boolean ok;
      try {
        ok = readRecord();
      } catch (MalformedCsv e) {
        skipRestOfLine();
        throw new BadRowException(file, start, BadRowException.ROW, e.getMessage());
      }
      if (!ok) {
        return null;
      }
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue;
      }
      if (record.size() != columnToField.length) {
        throw new BadRowException(
            file, start, BadRowException.ROW,
            "has " + record.size() + " columns, the header has " + columnToField.length);
      }
      String[] values = new String[kind.fields().size()];
      for (int c = 0; c < columnToField.length; c++) {
        int f = columnToField[c];
        if (f >= 0) {
          String v = record.get(c);
          values[f] = v.isEmpty() ? null : v;
        }
      }
      return new Row(file, start, kind, values);
    }
  }

  /** Reads one record into {@link #record}; false at the end of the input. */
  private boolean readRecord() throws IOException, MalformedCsv {
    record.clear();
    int c = read();
    if (c == EOF) {
      return false;
    }
    while (true) {
      field.setLength(0);
      if (c == '"') {
        while (true) {
          c = read();
          if (c == EOF) {
            throw new MalformedCsv("a quoted field is not closed before the end of the file");
          }
          if (c == '"') {
            c = read();
            if (c == '"') {
              field.append('"');
              continue;
            }
            break;
          }
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          record.add(field.toString());
          throw new MalformedCsv("unexpected '" + (char) c + "' after a closing quote in column " + record.size());
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          if (c == '"') {
            throw new MalformedCsv("a quote inside an unquoted field in column " + (record.size() + 1));
          }
          field.append((char) c);
          c = read();
        }
      }
      record.add(field.toString());
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        c = read();
        if (c != '\n' && c != EOF) {
          position--;
        }
      }
      line++;
      return true;
    }
  }

  /** After a malformed record (the offending character was consumed, never a line end). */
  private void skipRestOfLine() throws IOException {
    int c = read();
    while (c != '\n' && c != EOF) {
      c = read();
    }
    if (c == '\n') {
      line++;
    }
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A record that is not valid CSV. */
  private static final class MalformedCsv extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedCsv(String message) {
      super(message);
    }
  }

  @Override
  public String toString() {
    return "CsvRowReader[" + file + ", columns=" + Arrays.toString(columnToField) + "]";
  }
}
