package io.clm.cli;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.LifecycleEngine;
import io.clm.api.TextRules;
import io.clm.api.event.Event;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/** {@code clm analyze}: the pipeline on the user's own files, streamed row by row. */
final class AnalyzeCommand {
  static final int DEFAULT_DEDUP_DAYS = 35;
  /** The longest deduplication window the engine takes, in days. */
  static final int MAX_DEDUP_DAYS = (int) Clm.Builder.MAX_DURATION.toDays();
  private static final long DAY = 86_400_000L;

  static final List<Arguments.Option> OPTIONS;

  static {
    List<Arguments.Option> o = new ArrayList<>();
    for (RecordKind kind : RecordKind.values()) {
      o.add(Arguments.Option.value(kind.option(), "FILE", kind.option() + " file (" + String.join(",", kind.fields()) + ")"));
    }
    o.add(Arguments.Option.value("format", "FORMAT", "csv or jsonl for every file (default: from each file's extension)"));
    o.add(Arguments.Option.flag("skip-bad-rows", "skip and count bad rows instead of stopping at the first"));
    o.add(Arguments.Option.value("flow-start", "DATE", "start the stage flow at this date (default: every customer counts as new)"));
    o.add(Arguments.Option.value("as-of", "DATE", "report as of this date; a row after it is a bad row (default: the day after the latest event; a row more than 5 minutes past the clock is a bad row)"));
    o.add(Arguments.Option.value("dedup-window", "DAYS", "remember event ids this many days back per customer, 0 for all (default 35, at most "
        + MAX_DEDUP_DAYS + ")"));
    o.addAll(StoreOptions.OPTIONS);
    o.addAll(Dialect.OPTIONS);
    o.addAll(RunOptions.OPTIONS);
    OPTIONS = List.copyOf(o);
  }

  static final String DESCRIPTION =
      "Runs the lifecycle, segmentation, retention and complaint pipeline on your own data: give at\n"
          + "least one file. Files are CSV with a header row, or JSON Lines, in the schema of\n"
          + "docs/integration.md (samples in docs/samples/). Rows are streamed: memory grows with the\n"
          + "number of customers, not rows. Rows sorted by timestamp give the most accurate stage history.\n"
          + "A bad row stops the run with its file, line and field (exit code 1), or with --skip-bad-rows\n"
          + "is skipped and counted. The report always says how many rows were read, accepted and rejected.\n"
          + "With --store the state is kept in a database: each run adds its files to the stored state and\n"
          + "reports on every customer stored; a row stored before counts as a duplicate.";

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final UnaryOperator<String> env;

  AnalyzeCommand(PrintStream out, PrintStream err, boolean terminal, UnaryOperator<String> env) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.env = env;
  }

  ExitCode run(String[] args) throws IOException, BadDataException {
    Arguments a = Arguments.parse("analyze", OPTIONS, args);
    if (a.has("help")) {
      out.print(Arguments.help("clm analyze --transactions FILE [--interactions FILE] [--complaints FILE] ... [options]", DESCRIPTION, OPTIONS));
      return ExitCode.OK;
    }
    RunOptions options = RunOptions.of(a);
    Optional<StoreOptions> store = StoreOptions.of(a, env);
    int dedupDays = a.integer("dedup-window", DEFAULT_DEDUP_DAYS, 0, MAX_DEDUP_DAYS);
    Settings settings = new Settings(
        a.has("skip-bad-rows"),
        a.date("flow-start").map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null),
        a.date("as-of").map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null),
        dedupDays == 0 ? Optional.empty() : Optional.of(Duration.ofDays(dedupDays)),
        Dialect.of(a));
    List<Input> inputs = new ArrayList<>();
    if (settings.flowStart() != null && settings.asOf() != null && settings.flowStart().isAfter(settings.asOf())) {
      throw new UsageException("analyze: --flow-start " + day(settings.flowStart()) + " is after the report's date " + day(settings.asOf()));
    }
    Optional<RowReader.Format> format = a.text("format").map(RowReader.Format::parse);
    for (RecordKind kind : RecordKind.values()) {
      Optional<Path> file = a.path(kind.option());
      if (file.isPresent()) {
        if (!Files.isRegularFile(file.get())) {
          throw new java.nio.file.NoSuchFileException(file.get().toString());
        }
        inputs.add(new Input(kind, file.get(), format.orElseGet(() -> RowReader.Format.of(file.get()))));
      }
    }
    if (inputs.isEmpty()) {
      throw new UsageException("analyze: give at least one input file, such as --transactions FILE");
    }
    Report report;
    if (store.isPresent()) {
      try (StoreRun stored = StoreRun.open(store.get(), options)) {
        report = report(inputs, settings, options, stored, new Progress(err, terminal), err);
      }
    } else {
      report = report(inputs, settings, options, null, new Progress(err, terminal), err);
    }
    options.write(report, out, err);
    return report.reconciles() ? ExitCode.OK : ExitCode.INTERNAL;
  }

  /** An input file. */
  record Input(RecordKind kind, Path file, RowReader.Format format) {}

  /** How to run. */
  record Settings(
      boolean skipBadRows, Instant flowStart, Instant asOf, Optional<Duration> deduplicationWindow, Dialect dialect) {

    /** Settings in clm's own file format. */
    Settings(boolean skipBadRows, Instant flowStart, Instant asOf, Optional<Duration> deduplicationWindow) {
      this(skipBadRows, flowStart, asOf, deduplicationWindow, Dialect.DEFAULT);
    }

    /**
     * The bad row of {@code row}'s timestamp if {@code event}, made of it, is not before the
     * report's instant, the start of the {@code --as-of} day (UTC), as the default date is the day
     * after the latest row; null if it is, or without {@code --as-of} (then {@link ClockHorizon}
     * checks the row). Checked when the row is read, before it can move time on.
     */
    BadRowException afterAsOf(Row row, Event event) throws BadRowException {
      if (asOf == null || event.at().isBefore(asOf)) {
        return null;
      }
      return row.bad(RecordKind.TIMESTAMP, TextRules.excerpt(row.text(RecordKind.TIMESTAMP)) + " is not before --as-of "
          + day(asOf) + " (the report is as of " + asOf + ")");
    }
  }

  /** Reads, runs and reports; package-private for tests. */
  static Report report(List<Input> inputs, Settings settings, RunOptions options, Progress progress, PrintStream err)
      throws IOException, BadDataException {
    return report(inputs, settings, options, null, progress, err);
  }

  /**
   * Reads, runs and reports, over the stored state if {@code stored} is not null: its customers
   * are in the report, and the run's rows are added to it.
   */
  static Report report(List<Input> inputs, Settings settings, RunOptions options, StoreRun stored, Progress progress, PrintStream err)
      throws IOException, BadDataException {
    long started = System.nanoTime();
    Clock clock = settings.asOf() != null
        ? Clock.fixed(settings.asOf(), ZoneOffset.UTC)
        : Clock.systemUTC();
    LifecycleEngine engine = stored == null
        ? options.engine(clock, settings.deduplicationWindow())
        : stored.engine(options, clock, settings.deduplicationWindow());
    Pipeline pipeline = new Pipeline(engine);
    ComplaintLog complaints = new ComplaintLog();
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    // The customers of the input, counted independently of the engine: a set per worker, written
    // only by that worker (a customer's rows all go to the same one), so no lock and no sharing.
    List<Set<String>> customers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      customers.add(new HashSet<>());
    }
    boolean flowMarked = settings.flowStart() == null;
    long storedCustomers = 0;
    if (stored != null) {
      engine.forEachCustomer(c -> customers.get(ParallelIngest.workerOf(engine, c.id(), threads)).add(c.id().value()));
      storedCustomers = count(customers);
      flowMarked = continueFlow(stored, settings, pipeline, storedCustomers);
    }
    Rejections rejections = new Rejections();
    List<Source> sources = new ArrayList<>();
    try {
      for (Input in : inputs) {
        sources.add(new Source(in, RowReader.open(in.file(), in.format(), in.kind(), settings.dialect()), sources.size()));
      }
    } catch (BadRowException e) {
      closeAll(sources);
      throw new BadDataException(e.getMessage(), "The header row must name the columns of docs/integration.md.");
    }
    ParallelIngest.Outcome outcome = new ParallelIngest.Outcome() {
      @Override
      public void accepted(Event event, Object source, int worker) {
        ((Source) source).accepted.increment();
        Set<String> known = customers.get(worker);
        String customer = event.customer().value();
        if (!known.contains(customer)) {
          // A copy made here lies next to the set's entry for it, where the row's own string lies
          // wherever the reader made it: the lookups of the customer's later rows read one place.
          known.add(new String(customer.toCharArray()));
        }
        complaints.accept(event);
      }

      @Override
      public void duplicate(Event event, Object source) {
        ((Source) source).duplicates.increment();
      }

      @Override
      public void rejected(Event event, Object source, long line, ClmException e) {
        Optional<StoreException> storeFailure = StoreOptions.causeOf(e);
        if (storeFailure.isPresent()) {
          throw storeFailure.get();
        }
        Source s = (Source) source;
        BadRowException bad = new BadRowException(s.input.file().getFileName().toString(), line, "(event)", e.getMessage());
        try {
          reject(s, bad, settings, rejections);
        } catch (BadDataException stop) {
          throw new StopRun(stop);
        }
      }
    };
    long lastTick = Long.MIN_VALUE;
    long maxSeen = Long.MIN_VALUE;
    long rows = 0;
    try (ParallelIngest ingest = new ParallelIngest(pipeline, outcome, threads)) {
      for (Source s : sources) {
        advance(s, settings, options, rejections, ingest);
      }
      while (true) {
        Source next = null;
        for (int i = 0; i < sources.size(); i++) { // once per row: no iterator
          Source s = sources.get(i);
          if (s.head != null && (next == null || s.head.at().isBefore(next.head.at()))) {
            next = s;
          }
        }
        if (next == null) {
          break;
        }
        if (next.afterAsOf != null) {
          // Met here, at its time among the rows, as a row the engine refuses is; it moves no time on.
          if (!settings.skipBadRows()) {
            ingest.barrier();
          }
          reject(next, next.afterAsOf, settings, rejections);
          advance(next, settings, options, rejections, ingest);
          continue;
        }
        Event event = next.head;
        long at = event.at().toEpochMilli();
        if (!flowMarked && !event.at().isBefore(settings.flowStart())) {
          ingest.barrier();
          advance(pipeline, settings.flowStart(), stored);
          pipeline.flowStartsHere(settings.flowStart());
          flowMarked = true;
        }
        if (at > maxSeen) {
          maxSeen = at;
          long tick = tickBehind(at);
          if (tick > lastTick) {
            // Runs on a worker once the rows before it are applied; the reader goes on meanwhile.
            Instant advanceTo = Instant.ofEpochMilli(tick);
            ingest.then(() -> advance(pipeline, advanceTo, stored));
            lastTick = tick;
          }
        }
        ingest.submit(event, next, next.headLine);
        if ((++rows & 0xFFFF) == 0) {
          progress.show(String.format(Locale.ROOT, "%,d rows", rows));
        }
        advance(next, settings, options, rejections, ingest);
      }
      ingest.barrier();
      if (stored != null) {
        // The report's last advance of time runs on a copy: the stored state stays where one run
        // over all the files so far would be, and tomorrow's file continues from there.
        pipeline.continueOn(StoreRun.copy(engine, options.engine(clock, settings.deduplicationWindow(), Optional.empty())));
      }
    } catch (StopRun stop) {
      throw stop.reason;
    } finally {
      progress.done();
      // Printed once every row is read, in the order of the files and lines, whatever the threads did first.
      rejections.messages().forEach(m -> err.println("clm: skipped " + m));
      closeAll(sources);
    }
    // Over a store, a run whose rows were all stored before reports as of the same date as the run
    // that stored them.
    Instant latest = stored == null ? pipeline.latest() : maxSeen == Long.MIN_VALUE ? null : Instant.ofEpochMilli(maxSeen);
    Instant asOf = settings.asOf() != null
        ? settings.asOf()
        : latest == null ? Instant.now() : LocalDate.ofInstant(latest, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (settings.asOf() == null && latest != null && settings.flowStart() != null && settings.flowStart().isAfter(asOf)) {
      // Marking the flow start would let time-driven rules fire beyond the report's date.
      throw new UsageException("analyze: --flow-start " + day(settings.flowStart()) + " is after the report's date " + day(asOf)
          + " (the day after the latest row); give an earlier --flow-start or a later --as-of");
    }
    if (!flowMarked) {
      pipeline.markFlowStart(settings.flowStart());
    }
    pipeline.advanceTo(asOf);
    List<Report.InputCount> counts = new ArrayList<>();
    List<Report.Check> lineChecks = new ArrayList<>();
    long accepted = 0;
    long duplicates = 0;
    for (Source s : sources) {
      lineChecks.add(new Report.Check(
          s.input.file().getFileName() + ": physical lines = header + blank + read",
          s.reader.lines(), s.reader.headerLines() + s.reader.blankLines() + s.read));
      counts.add(new Report.InputCount(s.input.file().getFileName().toString(), s.read, s.accepted.sum(), s.duplicates.sum(),
          s.rejected.sum()));
      accepted += s.accepted.sum();
      duplicates += s.duplicates.sum();
    }
    if (accepted == 0 && (stored == null || duplicates == 0)) {
      throw new BadDataException("no row was accepted", "Check the files against the schema in docs/integration.md.");
    }
    Pipeline.Outcome outcomeOfRun = stored == null
        ? pipeline.finish(count(customers))
        : pipeline.finish(count(customers), "customers stored before the run + new in the input = customers known to the engine",
            stored.erasedByStage());
    List<String> source = new ArrayList<>();
    for (Source s : sources) {
      Set<String> unread = s.reader.unreadColumns();
      source.add(s.input.kind().option() + ": " + s.input.file() + " (" + s.input.format().name().toLowerCase(Locale.ROOT) + ")"
          + (unread.isEmpty() ? "" : "; columns not read: " + RowReader.describeUnread(unread)));
    }
    if (stored != null) {
      source.add(String.format(Locale.ROOT, "store: %s, %,d customers before this run", stored.id(), storedCustomers));
    }
    List<String> dialect = settings.dialect().describe();
    if (!dialect.isEmpty()) {
      source.add("dialect: " + String.join(", ", dialect));
    }
    source.add(String.format(Locale.ROOT, "%,d rows read and run through the engine in %.1f s", counts.stream().mapToLong(Report.InputCount::read).sum(),
        (System.nanoTime() - started) / 1e9));
    return Sections.report("clm analyze", source, options, pipeline.engine(), pipeline, outcomeOfRun, counts, lineChecks, rejections.messages(), asOf,
        complaints);
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * The instant time-driven rules are let fire to once the data reaches {@code at} (epoch millis):
   * the start of the day before. Rules fire a day behind the data, so that rows a little out of
   * order still arrive before the rules look at them.
   */
  static long tickBehind(long at) {
    return Math.floorDiv(at, DAY) * DAY - DAY;
  }

  /** The customers of the input so far: the sum of the workers' sets, which share no customer. */
  private static long count(List<Set<String>> customersByWorker) {
    return customersByWorker.stream().mapToLong(Set::size).sum();
  }

  /**
   * Over a store, the stage flow starts from the stored state, or at {@code --flow-start} if that is
   * later than the stored state.
   *
   * @return whether the flow start is marked
   */
  private static boolean continueFlow(StoreRun stored, Settings settings, Pipeline pipeline, long storedCustomers) {
    Optional<Instant> advanced = stored.advancedTo();
    if (settings.flowStart() != null) {
      if (advanced.isPresent() && !settings.flowStart().isAfter(advanced.get())) {
        throw new UsageException("--flow-start " + LocalDate.ofInstant(settings.flowStart(), ZoneOffset.UTC)
            + " is not after the stored state (advanced to " + advanced.get() + "): the stages before it are not stored");
      }
      return false;
    }
    if (storedCustomers > 0) {
      pipeline.flowStartsHere(advanced.orElseThrow(() -> new StoreException(
          "store " + stored.id() + " holds customers but no record of how far time was advanced in them", ExitCode.CONFIGURATION, null)));
    }
    return true;
  }

  /** Lets time-driven rules fire up to {@code tick}; over a store, records it there. */
  private static void advance(Pipeline pipeline, Instant tick, StoreRun stored) {
    if (stored == null) {
      pipeline.advanceTo(tick);
      return;
    }
    try {
      pipeline.advanceTo(tick);
    } catch (ClmException e) {
      throw StoreOptions.causeOf(e).orElseThrow(() -> e);
    }
    stored.advancedTo(tick);
  }

  /** Carries a stop on a bad row out of a worker thread. */
  private static final class StopRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BadDataException reason;

    StopRun(BadDataException reason) {
      super(reason.getMessage(), null, false, false);
      this.reason = reason;
    }
  }

  /** Reads the next usable row of a source into its head, handling bad rows. */
  /**
   * Reads the next usable row of {@code s} while rows already read are being applied. A bad row
   * that stops the run stops it only once those rows are applied, so that a row before it that the
   * engine refuses stops the run instead: the run always stops at its first bad row.
   */
  private static void advance(Source s, Settings settings, RunOptions options, Rejections rejections, ParallelIngest ingest)
      throws IOException, BadDataException {
    try {
      advance(s, settings, options, rejections);
    } catch (BadDataException stop) {
      ingest.barrier();
      throw stop;
    }
  }

  private static void advance(Source s, Settings settings, RunOptions options, Rejections rejections)
      throws IOException, BadDataException {
    while (true) {
      Row row;
      try {
        row = s.reader.next();
      } catch (BadRowException e) {
        s.read++;
        reject(s, e, settings, rejections);
        continue;
      }
      if (row == null) {
        s.head = null;
        return;
      }
      s.read++;
      try {
        s.head = row.kind().eventOf(row, options.currency);
        s.headLine = row.line();
        s.afterAsOf = settings.asOf() != null ? settings.afterAsOf(row, s.head) : s.horizon.beyond(row, s.head);
        return;
      } catch (BadRowException e) {
        reject(s, e, settings, rejections);
      }
    }
  }

  private static void reject(Source s, BadRowException e, Settings settings, Rejections rejections) throws BadDataException {
    if (!settings.skipBadRows()) {
      throw new BadDataException(e.getMessage(), "Fix the row, or pass --skip-bad-rows to skip and count bad rows.");
    }
    s.rejected.increment();
    rejections.add(s.order, e.line(), e.getMessage());
  }

  private static void closeAll(List<Source> sources) throws IOException {
    for (Source s : sources) {
      s.reader.close();
    }
  }

  /** An open input with its current row and counts. */
  private static final class Source {
    final Input input;
    final RowReader reader;
    Event head;
    long headLine;
    /** The bad row of {@link #head}'s timestamp if it lies after the {@code --as-of} day or the clock, else null. */
    BadRowException afterAsOf;
    /** Without {@code --as-of}, how far past the clock a row may be dated. */
    final ClockHorizon horizon = new ClockHorizon();
    long read;
    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder rejected = new LongAdder();

    /** The source's place among the run's files, which orders its rejected rows before a later file's. */
    final int order;

    Source(Input input, RowReader reader, int order) {
      this.input = input;
      this.reader = reader;
      this.order = order;
    }
  }
}
