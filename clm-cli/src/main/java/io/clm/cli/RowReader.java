package io.clm.cli;

import io.clm.api.TextRules;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the rows of one input file, one at a time, without holding more than one row in memory.
 * Every row is one physical line ({@link LineSource}); after a {@link BadRowException} the reader is
 * positioned at the next line, so that the caller may skip the bad one and go on, and no line is
 * ever lost: {@code lines() = headerLines() + blankLines() + rows returned + rows refused}.
 */
interface RowReader extends Closeable {

  /**
   * The next row.
   *
   * @return the row, or null at the end of the file
   * @throws BadRowException if the row is malformed; the reader moves past it
   * @throws IOException if the file cannot be read
   */
  Row next() throws IOException, BadRowException;

  /**
   * Physical lines read so far, counted as the bytes arrive: header, blank, good and bad lines.
   *
   * @return the count
   */
  long lines();

  /**
   * Blank lines skipped so far.
   *
   * @return the count
   */
  long blankLines();

  /**
   * Header lines read: 1 for CSV, 0 for JSON Lines.
   *
   * @return the count
   */
  long headerLines();

  /**
   * The names of the columns (CSV) or keys (JSON Lines) met so far that are not fields of the
   * file's kind, and so were not read: at most {@value #MAX_UNREAD}, sorted. A misspelt optional
   * column, such as {@code ccy} for {@code currency}, is not an error, but the report names it.
   *
   * @return the names
   */
  Set<String> unreadColumns();

  /** The most names {@link #unreadColumns()} keeps. */
  int MAX_UNREAD = 10;

  /** Adds a name to a set of unread columns, unless the set is full. */
  static void unread(Set<String> unread, String name) {
    if (unread.size() < MAX_UNREAD) {
      unread.add(name);
    }
  }

  /** Names of columns not read, for a report: {@code 'ccy', 'note'}, and a word when there may be more. */
  static String describeUnread(Set<String> unread) {
    return String.join(", ", unread.stream().map(TextRules::excerpt).toList()) + (unread.size() >= MAX_UNREAD ? " and maybe more" : "");
  }

  /** The file formats clm reads and writes. */
  enum Format {
    CSV,
    JSONL;

    /** The format a file name implies: {@code .csv}, or {@code .jsonl} / {@code .ndjson}. */
    static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
        return JSONL;
      }
      throw new UsageException(
          "cannot tell the format of '" + file.getFileName() + "': name it .csv or .jsonl, or pass --format");
    }

    static Format parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "csv" -> CSV;
        case "jsonl", "ndjson" -> JSONL;
        default -> throw new UsageException("--format " + TextRules.excerpt(text) + " is not one of csv, jsonl");
      };
    }
  }

  /**
   * Opens a file for reading in clm's own format. A CSV file's header is read here.
   *
   * @throws BadRowException if the CSV header lacks a required column
   */
  static RowReader open(Path file, Format format, RecordKind kind) throws IOException, BadRowException {
    return open(file, format, kind, Dialect.DEFAULT);
  }

  /**
   * Opens a file for reading in a dialect. A CSV file's header is read here.
   *
   * @throws BadRowException if the CSV header lacks a required column
   */
  static RowReader open(Path file, Format format, RecordKind kind, Dialect dialect) throws IOException, BadRowException {
    LineSource lines = new LineSource(Files.newInputStream(file), dialect.maxLineBytes());
    String name = file.getFileName().toString();
    try {
      return format == Format.CSV ? new CsvRowReader(lines, name, kind, dialect) : new JsonLinesRowReader(lines, name, kind, dialect);
    } catch (IOException | BadRowException | RuntimeException e) {
      lines.close();
      throw e;
    }
  }
}
