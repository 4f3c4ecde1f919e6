package io.clm.cli;

import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Event;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
    long[] rowsAndChecksum = new long[2];
    read(file, currency, e -> {
      rowsAndChecksum[0]++;
      rowsAndChecksum[1] = 31 * rowsAndChecksum[1] + e.at().toEpochMilli() + e.customer().hashCode() + e.id().length()
          + e.type().ordinal();
    });
    return new Parsed(rowsAndChecksum[0], rowsAndChecksum[1]);
  }

  /**
   * Reads every row of a transaction file into an event, as {@link #parse} does, and keeps them.
   *
   * @param file a transaction file in the CSV schema of {@code clm analyze}
   * @param currency the run's currency
   * @return the events in the file's order
   * @throws IOException if the file cannot be read
   */
  public static List<Event> events(Path file, String currency) throws IOException {
    List<Event> events = new ArrayList<>();
    read(file, currency, events::add);
    return events;
  }

  private static void read(Path file, String currency, Consumer<Event> sink) throws IOException {
    Currency unit = Money.currency(currency);
    try (RowReader reader = RowReader.open(file, RowReader.Format.CSV, RecordKind.TRANSACTIONS, Dialect.DEFAULT)) {
      for (Row row = reader.next(); row != null; row = reader.next()) {
        sink.accept(row.kind().eventOf(row, unit));
      }
    } catch (BadRowException e) {
      throw new IllegalStateException("a bad row in a timed file: " + e.getMessage(), e);
    }
  }

  /**
   * Applies events on the calling thread, in order, to an engine set up as {@code clm analyze} sets
   * up its own by default (model, currency, deduplication window), letting time-driven rules fire a
   * day behind the latest event as it does: the engine's work of {@code clm analyze} without the
   * reading, the hand-off to worker threads and the report.
   *
   * @param events the events, as {@link #events} read them
   * @param currency the run's currency
   * @return the number of customers the engine knows at the end
   */
  public static long ingest(List<Event> events, String currency) {
    RunOptions options = RunOptions.of(Arguments.parse("analyze", AnalyzeCommand.OPTIONS, new String[] {"--currency", currency}));
    LifecycleEngine engine =
        options.engine(Clock.systemUTC(), Optional.of(Duration.ofDays(AnalyzeCommand.DEFAULT_DEDUP_DAYS)));
    long lastTick = Long.MIN_VALUE;
    for (Event e : events) {
      long tick = AnalyzeCommand.tickBehind(e.at().toEpochMilli());
      if (tick > lastTick) {
        engine.advanceTo(Instant.ofEpochMilli(tick));
        lastTick = tick;
      }
      engine.ingest(e);
    }
    return engine.customerCount();
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
