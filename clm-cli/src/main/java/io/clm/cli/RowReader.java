package io.clm.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the rows of one input file, one at a time, without holding more than one row in memory.
 * After a {@link BadRowException} the reader is positioned at the next row, so that the caller may
 * skip the bad one and go on.
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
      switch (text.toLowerCase(Locale.ROOT)) {
        case "csv":
          return CSV;
        case "jsonl":
        case "ndjson":
          return JSONL;
        default:
          throw new UsageException("--format '" + text + "' is not one of csv, jsonl");
      }
    }
  }

  /**
   * Opens a file for reading. A CSV file's header is read here.
   *
   * @throws BadRowException if the CSV header lacks a required column
   */
  static RowReader open(Path file, Format format, RecordKind kind) throws IOException, BadRowException {
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    try {
      return format == Format.CSV ? new CsvRowReader(in, name, kind) : new JsonLinesRowReader(in, name, kind);
    } catch (IOException | BadRowException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
