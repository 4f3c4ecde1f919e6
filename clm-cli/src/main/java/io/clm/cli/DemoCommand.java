package io.clm.cli;

import io.clm.api.LifecycleEngine;
import io.clm.api.event.Event;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code clm demo}: a synthetic retail-bank portfolio through the whole pipeline. */
final class DemoCommand {
  static final int DEFAULT_CUSTOMERS = 50_000;
  static final int DEFAULT_MONTHS = 24;
  static final long DEFAULT_SEED = 42;

  static final List<Arguments.Option> OPTIONS;

  static {
    List<Arguments.Option> o = new ArrayList<>();
    o.add(Arguments.Option.value("customers", "N", "customers in the portfolio (default 50,000)"));
    o.add(Arguments.Option.value("months", "N", "months of history (default 24)"));
    o.add(Arguments.Option.value("seed", "N", "random seed; the same seed gives the same portfolio (default 42)"));
    o.add(Arguments.Option.value("export", "DIR", "also write the generated data as CSV files for 'clm analyze'"));
    o.addAll(RunOptions.OPTIONS);
    OPTIONS = List.copyOf(o);
  }

  static final String DESCRIPTION =
      "Generates a synthetic retail-bank portfolio (current accounts, deposits, loans, cards, wealth\n"
          + "management; transactions, channel interactions, satisfaction surveys, complaints and\n"
          + "attribute updates) of customers who follow real lifecycles: prospects who never convert,\n"
          + "new customers who grow, mature customers, decliners who leave and churned customers who\n"
          + "are won back. Runs it through the lifecycle engine, segmentation, retention and complaint\n"
          + "handling, and prints a report whose figures reconcile with the generated counts.";

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  DemoCommand(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  ExitCode run(String[] args) throws IOException {
    Arguments a = Arguments.parse("demo", OPTIONS, args);
    if (a.has("help")) {
      out.print(Arguments.help("clm demo [options]", DESCRIPTION, OPTIONS));
      return ExitCode.OK;
    }
    int customers = a.integer("customers", DEFAULT_CUSTOMERS, 1, 10_000_000);
    int months = a.integer("months", DEFAULT_MONTHS, 3, 120);
    long seed = a.longValue("seed", DEFAULT_SEED);
    Optional<Path> export = a.path("export");
    RunOptions options = RunOptions.of(a);
    Report report = report(seed, customers, months, options, export, new Progress(err, terminal));
    options.write(report, out, err);
    return report.reconciles() ? ExitCode.OK : ExitCode.INTERNAL;
  }

  /** Generates, runs and reports; package-private for tests. */
  static Report report(long seed, int customers, int months, RunOptions options, Optional<Path> export, Progress progress)
      throws IOException {
    long started = System.nanoTime();
    PortfolioGenerator portfolio = new PortfolioGenerator(seed, customers, months, options.currency);
    Instant end = portfolio.end();
    LifecycleEngine engine = options.engine(Clock.fixed(end.plusSeconds(86_400), ZoneOffset.UTC), Optional.empty());
    Pipeline pipeline = new Pipeline(engine);
    ComplaintLog complaints = new ComplaintLog();
    Map<RecordKind, RowWriter> writers = export.isPresent() ? openWriters(export.get()) : Map.of();
    java.util.concurrent.atomic.LongAdder generated = new java.util.concurrent.atomic.LongAdder();
    int flowMonth = Math.max(0, months - 12);
    // Customers are independent: each month is generated and ingested in parallel slices (the
    // engine takes concurrent ingest for different customers), then time advances for everyone.
    int threads = writers.isEmpty() ? Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())) : 1;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "clm-demo");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int m = 0; m < months; m++) {
        if (m == flowMonth && m > 0) {
          pipeline.markFlowStart(portfolio.monthStart(m));
        }
        int month = m;
        List<java.util.concurrent.Future<?>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int first = (int) ((long) customers * t / threads);
          int last = (int) ((long) customers * (t + 1) / threads);
          slices.add(pool.submit(() -> {
            for (int c = first; c < last; c++) {
              portfolio.month(c, month, e -> {
                generated.increment();
                if (!writers.isEmpty()) {
                  write(writers, e);
                }
                complaints.accept(e);
                pipeline.ingest(e);
              });
            }
          }));
        }
        for (java.util.concurrent.Future<?> slice : slices) {
          await(slice);
          progress.show(String.format(Locale.ROOT, "month %d/%d, %,d events", month + 1, months, generated.sum()));
        }
        pipeline.advanceTo(portfolio.monthStart(month + 1));
      }
    } finally {
      pool.shutdownNow();
      for (RowWriter w : writers.values()) {
        w.close();
      }
    }
    progress.done();
    Pipeline.Outcome outcome = pipeline.finish(customers);
    List<Report.InputCount> input = List.of(
        new Report.InputCount("generated events", generated.sum(), pipeline.accepted(), pipeline.duplicates(), 0));
    List<String> source = List.of(
        String.format(Locale.ROOT, "synthetic retail-bank portfolio: %,d customers, %d months from %s, seed %d", customers, months,
            PortfolioGenerator.DEFAULT_START, seed),
        archetypes(portfolio),
        String.format(Locale.ROOT, "%,d events generated and run through the engine in %.1f s", generated.sum(), (System.nanoTime() - started) / 1e9));
    return Sections.report(
        "clm demo: synthetic retail-bank portfolio", source, options, engine, pipeline, outcome, input, List.of(),
        end, complaints);
  }

  private static void await(java.util.concurrent.Future<?> slice) {
    try {
      slice.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static String archetypes(PortfolioGenerator portfolio) {
    Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
    for (int c = 0; c < portfolio.customers(); c++) {
      counts.merge(portfolio.archetype(c), 1, Integer::sum);
    }
    StringBuilder text = new StringBuilder("archetypes: ");
    for (Archetype a : Archetype.values()) {
      text.append(a == Archetype.PROSPECT ? "" : ", ")
          .append(Fields.lower(a)).append(' ').append(String.format(Locale.ROOT, "%,d", counts.getOrDefault(a, 0)));
    }
    return text.toString();
  }

  private static Map<RecordKind, RowWriter> openWriters(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<RecordKind, RowWriter> writers = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      writers.put(kind, RowWriter.of(RowReader.Format.CSV,
          Files.newBufferedWriter(dir.resolve(kind.option() + ".csv"), StandardCharsets.UTF_8), kind));
    }
    return writers;
  }

  private static void write(Map<RecordKind, RowWriter> writers, Event e) {
    try {
      writers.get(RecordKind.of(e)).write(e);
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }
}
