package io.clm.cli;

import io.clm.api.TextRules;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads CSV: a header row naming the columns (in any order; unknown columns are ignored), fields
 * separated by the dialect's separator (a comma by default), optionally in double quotes with
 * {@code ""} for a quote inside. Every row is one physical line: a quoted field must close on the
 * line it opens, so that a stray quote spoils its own row and never the rows after it. Blank lines
 * are skipped and counted. Line numbers count physical lines, the header being line 1.
 */
final class CsvRowReader implements RowReader {
  private final LineSource lines;
  private final String file;
  private final RecordKind kind;
  private final Dialect dialect;
  private final char separator;
  private int[] columnToField;
  private long blank;
  private long headerLines;
  private final Set<String> unread = new TreeSet<>();
  private final List<String> record = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  CsvRowReader(LineSource lines, String file, RecordKind kind, Dialect dialect) throws IOException, BadRowException {
    this.lines = lines;
    this.file = file;
    this.kind = kind;
    this.dialect = dialect;
    this.separator = dialect.separator();
    readHeader();
  }

  private void readHeader() throws IOException, BadRowException {
    String text;
    try {
      text = lines.next();
      while (text != null && text.isBlank()) {
        blank++;
        text = lines.next();
      }
    } catch (LineSource.BadLine e) {
      throw new BadRowException(file, e.number(), BadRowException.ROW, "header " + e.getMessage());
    }
    long at = lines.lines();
    if (text == null) {
      throw new BadRowException(file, Math.max(1, at), BadRowException.ROW, "the file is empty; a header row is required");
    }
    headerLines = 1;
    try {
      split(text);
    } catch (MalformedCsv e) {
      throw new BadRowException(file, at, BadRowException.ROW, "header: " + e.getMessage());
    }
    columnToField = new int[record.size()];
    boolean[] seen = new boolean[kind.fields().size()];
    for (int c = 0; c < record.size(); c++) {
      String name = record.get(c).trim().toLowerCase(Locale.ROOT);
      int f = kind.fields().indexOf(name);
      if (f >= 0 && seen[f]) {
        throw new BadRowException(file, at, name, "column appears twice in the header");
      }
      columnToField[c] = f;
      if (f >= 0) {
        seen[f] = true;
      } else {
        RowReader.unread(unread, name);
      }
    }
    for (int f = 0; f < seen.length; f++) {
      if (!seen[f] && !kind.optional(f, dialect)) {
        throw new BadRowException(
            file, at, kind.fields().get(f), "column is missing from the header " + headerExcerpt());
      }
    }
  }

  private String headerExcerpt() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < record.size() && i < 40; i++) {
      String n = record.get(i).trim();
      names.add(n.length() > 40 ? n.substring(0, 40) + "..." : n);
    }
    return names + (record.size() > 40 ? " and " + (record.size() - 40) + " more" : "");
  }

  @Override
  public Row next() throws IOException, BadRowException {
    while (true) {
      String text;
      try {
        text = lines.next();
      } catch (LineSource.BadLine e) {
        throw new BadRowException(file, e.number(), BadRowException.ROW, e.getMessage());
      }
      if (text == null) {
        return null;
      }
      long at = lines.lines();
      if (text.isBlank()) {
        blank++;
        continue;
      }
      try {
        split(text);
      } catch (MalformedCsv e) {
        throw new BadRowException(file, at, BadRowException.ROW, e.getMessage());
      }
      if (record.size() != columnToField.length) {
        throw new BadRowException(
            file, at, BadRowException.ROW,
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
      return new Row(file, at, kind, values, dialect);
    }
  }

  @Override
  public long lines() {
    return lines.lines();
  }

  @Override
  public long blankLines() {
    return blank;
  }

  @Override
  public Set<String> unreadColumns() {
    return Collections.unmodifiableSet(unread);
  }

  @Override
  public long headerLines() {
    return headerLines;
  }

  /** Splits one physical line into {@link #record}. */
  private void split(String text) throws MalformedCsv {
    record.clear();
    int n = text.length();
    int i = 0;
    while (true) {
      if (i < n && text.charAt(i) == '"') {
        field.setLength(0);
        i++;
        while (true) {
          if (i >= n) {
            throw new MalformedCsv("a quoted field in column " + (record.size() + 1) + " is not closed on its line");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              field.append('"');
              i++;
              continue;
            }
            break;
          }
          field.append(c);
        }
        if (i < n && text.charAt(i) != separator) {
          throw new MalformedCsv("unexpected " + TextRules.excerpt(String.valueOf(text.charAt(i))) + " after a closing quote in column "
              + (record.size() + 1));
        }
        record.add(field.toString());
      } else {
        int start = i;
        while (i < n && text.charAt(i) != separator) {
          if (text.charAt(i) == '"') {
            throw new MalformedCsv("a quote inside an unquoted field in column " + (record.size() + 1));
          }
          i++;
        }
        record.add(text.substring(start, i));
      }
      if (i < n) {
        i++; // the separator
        continue;
      }
      return;
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /** A record that is not valid CSV. */
  private static final class MalformedCsv extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedCsv(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public String toString() {
    return "CsvRowReader[" + file + ", columns=" + Arrays.toString(columnToField) + "]";
  }
}
