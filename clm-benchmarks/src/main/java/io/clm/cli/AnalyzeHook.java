package io.clm.cli;

import io.clm.api.Money;
import io.clm.api.event.Event;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Currency;

/**
 * What {@code io.clm.benchmarks.cli.AnalyzeTimings} times, reached from inside the command line's
 * package: the rows of a file read into events by the reader {@code clm analyze} uses, and the
 * {@code clm analyze} command itself. This class lives in the benchmarks module only (the command
 * line's classes are package-private); it is no API of clm-cli.
 */
public final class AnalyzeHook {
  private AnalyzeHook() {}

  /**
   * What reading a file gave.
   *
   * @param rows rows read into events
   * @param checksum a sum over every event's fields, so that no part of the reading can be left out
   */
  public record Parsed(long rows, long checksum) {}

  /**
   * Reads every row of a transaction file into an event, exactly as {@code clm analyze} reads its
   * files ({@link RowReader} in the default dialect, then {@link RecordKind#eventOf}), and nothing
   * else.
   *
   * @param file a transaction file in the CSV schema of {@code clm analyze}
   * @param currency the run's currency, as {@code --currency} gives it
   * @return the rows and a checksum over the events
   * @throws IOException if the file cannot be read
   * @throws IllegalStateException if a row is bad: the timed files have none
   */
  public static Parsed parse(Path file, String currency) throws IOException {
    Currency unit = Money.currency(currency);
    long rows = 0;
    long checksum = 0;
    try (RowReader reader = RowReader.open(file, RowReader.Format.CSV, RecordKind.TRANSACTIONS, Dialect.DEFAULT)) {
      for (Row row = reader.next(); row != null; row = reader.next()) {
        Event e = row.kind().eventOf(row, unit);
        rows++;
        checksum = 31 * checksum + e.at().toEpochMilli() + e.customer().hashCode() + e.id().length() + e.type().ordinal();
      }
    } catch (BadRowException e) {
      throw new IllegalStateException("a bad row in a timed file: " + e.getMessage(), e);
    }
    return new Parsed(rows, checksum);
  }

  /**
   * Runs {@code clm analyze} with these arguments, as the {@code clm} executable does, without
   * leaving the process.
   *
   * @param out where the report goes
   * @param err where messages go
   * @param args the arguments after {@code clm analyze}
   * @return the exit code
   */
  public static int analyze(PrintStream out, PrintStream err, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "analyze";
    System.arraycopy(args, 0, all, 1, args.length);
    return new Main(out, err, false, name -> null).run(all);
  }
}
