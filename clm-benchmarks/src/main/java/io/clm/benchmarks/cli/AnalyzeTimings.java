package io.clm.benchmarks.cli;

import com.sun.management.OperatingSystemMXBean;
import io.clm.api.event.Event;
import io.clm.cli.AnalyzeHook;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A timed harness, not JMH: {@code clm analyze} on a transaction file against only reading the
 * same file's rows into events with the same reader, in one JVM and one run, alternating the two
 * after a warm-up of each. A whole run of the command (arguments, reading, ingest on the worker
 * threads, time-driven rules, report) is what the target speaks of, so each measurement is one whole
 * run, timed by the wall clock and by the process's CPU time (every thread, the collector's too).
 * At the end it times the engine's part alone: the same events, already in memory, applied on one
 * thread ({@link AnalyzeHook#ingest}).
 *
 * <p>Arguments: rows (default 2,000,000), customers (20,000), rounds (3), and the file (default a
 * temporary file, deleted at the end). A file that exists is used as it is; otherwise it is generated:
 * rows sorted by time over 2024 and 2025, ids {@code TX-n}, customers {@code C-n} who join and some
 * of whom leave at random days, debits and credits on five products and six channels.
 */
public final class AnalyzeTimings {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final String CURRENCY = "EUR";
  private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
  private static final int DAYS = 731;
  private static final String[] PRODUCTS = {"current-account", "card", "payments", "deposit", "loan"};
  private static final String[] CHANNELS = {"pos", "online", "mobile", "atm", "branch", "phone"};

  private AnalyzeTimings() {}

  /**
   * Generates the file if needed, then times parsing only and the whole command, alternating.
   *
   * @param args rows, customers, rounds, file
   * @throws IOException if the file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    // as the clm executable does: no SLF4J backend, no warning about it
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int customers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean temporary = args.length <= 3;
    Path file = temporary ? Files.createTempFile("clm-analyze-timings", ".csv") : Path.of(args[3]);
    try {
      if (temporary || !Files.exists(file)) {
        long t0 = System.nanoTime();
        generate(file, rows, customers);
        System.out.printf("generated %s: %,d rows, %,d customers, %,d bytes in %.1f s%n", file, rows, customers, Files.size(file),
            (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf("using %s: %,d bytes%n", file, Files.size(file));
      }
      System.out.printf("%d cores, max heap %,d MB, load average %.2f at the start%n", Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20, OS.getSystemLoadAverage());
      run(file, rounds);
    } finally {
      if (temporary) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void run(Path file, int rounds) throws IOException {
    Timing warmParse = parse(file, "warm-up");
    Timing warmAnalyze = analyze(file, "warm-up");
    List<Timing> parses = new ArrayList<>();
    List<Timing> analyses = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      parses.add(parse(file, "round " + r));
      analyses.add(analyze(file, "round " + r));
    }
    System.out.printf("%nwarm-up: parse %s; analyze %s%n", warmParse, warmAnalyze);
    System.out.println("round  parse wall  parse cpu  analyze wall  analyze cpu  wall ratio  cpu ratio  analyze gc");
    double parseWall = 0;
    double parseCpu = 0;
    double analyzeWall = 0;
    double analyzeCpu = 0;
    for (int r = 0; r < rounds; r++) {
      Timing p = parses.get(r);
      Timing a = analyses.get(r);
      System.out.printf("%5d  %8.2f s  %7.2f s  %10.2f s  %9.2f s  %9.2fx  %8.2fx  %8.2f s%n", r + 1, p.wall, p.cpu, a.wall, a.cpu,
          a.wall / p.wall, a.cpu / p.cpu, a.gc);
      parseWall += p.wall;
      parseCpu += p.cpu;
      analyzeWall += a.wall;
      analyzeCpu += a.cpu;
    }
    System.out.printf("total  %8.2f s  %7.2f s  %10.2f s  %9.2f s  %9.2fx  %8.2fx%n", parseWall, parseCpu, analyzeWall, analyzeCpu,
        analyzeWall / parseWall, analyzeCpu / parseCpu);
    engineAlone(file, rounds);
    System.out.printf("load average %.2f at the end%n", OS.getSystemLoadAverage());
  }

  /**
   * The engine's part of the command alone: the file's events read into memory first (not timed),
   * then applied on one thread, a warm-up and {@code rounds} times, each to a new engine.
   */
  private static void engineAlone(Path file, int rounds) throws IOException {
    List<Event> events = AnalyzeHook.events(file, CURRENCY);
    for (int r = 0; r <= rounds; r++) {
      long gc0 = gcMillis();
      long cpu0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      long customers = AnalyzeHook.ingest(events, CURRENCY);
      double wall = (System.nanoTime() - t0) / 1e9;
      Timing t = new Timing(wall, (OS.getProcessCpuTime() - cpu0) / 1e9, (gcMillis() - gc0) / 1e3,
          String.format("%,d events, %,d customers, %.0f ns per event", events.size(), customers, wall * 1e9 / events.size()));
      System.out.printf("%s engine alone, one thread, events in memory: %s%n", r == 0 ? "warm-up" : "round " + r, t);
    }
  }

  /** One measurement: wall and process CPU seconds, the collector's wall seconds, and what it did. */
  private record Timing(double wall, double cpu, double gc, String what) {
    @Override
    public String toString() {
      return String.format("%.2f s wall, %.2f s cpu, %.2f s gc (%s)", wall, cpu, gc, what);
    }
  }

  private static Timing parse(Path file, String label) throws IOException {
    long gc0 = gcMillis();
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    AnalyzeHook.Parsed parsed = AnalyzeHook.parse(file, CURRENCY);
    Timing t = new Timing((System.nanoTime() - t0) / 1e9, (OS.getProcessCpuTime() - cpu0) / 1e9, (gcMillis() - gc0) / 1e3,
        String.format("%,d rows, checksum %x", parsed.rows(), parsed.checksum()));
    System.out.printf("%s parse: %s%n", label, t);
    return t;
  }

  private static Timing analyze(Path file, String label) {
    ByteArrayOutputStream report = new ByteArrayOutputStream(1 << 16);
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    long gc0 = gcMillis();
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    int code;
    try (PrintStream out = new PrintStream(report, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
      code = AnalyzeHook.analyze(out, err, "--transactions", file.toString(), "--currency", CURRENCY);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
    double gc = (gcMillis() - gc0) / 1e3;
    String text = report.toString(StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException("clm analyze exited with " + code + ": " + messages.toString(StandardCharsets.UTF_8));
    }
    String summary = text.lines().filter(l -> l.contains("rows read and run through")).findFirst().orElse("?").strip();
    Timing t = new Timing(wall, cpu, gc, String.format("exit code %d, report %,d bytes, %s", code, text.length(), summary));
    System.out.printf("%s analyze: %s%n", label, t);
    return t;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  /** Writes a transaction file sorted by time, deterministic for the sizes. */
  static void generate(Path file, int rows, int customers) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    int[] joins = new int[customers];
    int[] leaves = new int[customers];
    for (int c = 0; c < customers; c++) {
      joins[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(DAYS - 90);
      leaves[c] = random.nextInt(5) == 0 ? joins[c] + 60 + random.nextInt(DAYS - joins[c]) : DAYS;
    }
    long span = DAYS * 86_400L;
    try (OutputStream raw = Files.newOutputStream(file);
        BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("id,customer_id,timestamp,direction,amount,currency,product,channel\n");
      for (int i = 0; i < rows; i++) {
        long second = START + i * span / rows;
        int day = (int) ((second - START) / 86_400L);
        int c = random.nextInt(customers);
        for (int tries = 0; tries < 64 && (day < joins[c] || day >= leaves[c]); tries++) {
          c = random.nextInt(customers);
        }
        boolean credit = random.nextInt(10) < 3;
        long cents = credit ? 10_000 + random.nextInt(490_000) : 100 + random.nextInt(49_900);
        String product = credit ? "current-account" : PRODUCTS[random.nextInt(PRODUCTS.length)];
        w.write("TX-");
        w.write(Integer.toString(i));
        w.write(",C-");
        w.write(Integer.toString(100_000 + c));
        w.write(',');
        w.write(Instant.ofEpochSecond(second).toString());
        w.write(credit ? ",credit," : ",debit,");
        w.write(Long.toString(cents / 100));
        w.write('.');
        long fraction = cents % 100;
        w.write(fraction < 10 ? "0" + fraction : Long.toString(fraction));
        w.write(",EUR,");
        w.write(product);
        w.write(',');
        w.write(CHANNELS[random.nextInt(CHANNELS.length)]);
        w.write('\n');
      }
    }
  }
}
