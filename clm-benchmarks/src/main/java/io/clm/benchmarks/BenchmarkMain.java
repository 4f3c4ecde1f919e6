package io.clm.benchmarks;

import io.clm.benchmarks.lifecycle.Footprint;
import io.clm.benchmarks.lifecycle.Implementation;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and writes the report: every JMH benchmark in the jar (or those the usual
 * JMH command-line options select) with JMH's GC profiler unless other profilers are named, then
 * the heap footprint of each lifecycle implementation in a JVM of its own, then a summary table.
 *
 * <p>Results go to {@code clm-benchmarks/target/results/} when run from the repository root
 * ({@code target/results/} otherwise): {@code jmh.json} (JMH's JSON), {@code footprint.json} and
 * {@code summary.md}. Every JMH option works ({@code -p customers=100000} for a quick run,
 * {@code -prof jfr} to profile). System properties: {@code clm.footprint=false} skips the
 * footprint, {@code clm.results=DIR} moves the results.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  /**
   * Runs everything.
   *
   * @param args JMH command-line options
   * @throws Exception if JMH or a footprint run fails
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
        || cli.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Path results = resultsDirectory();
    Files.createDirectories(results);
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
    if (!cli.getResultFormat().hasValue()) {
      options.resultFormat(ResultFormatType.JSON);
    }
    if (!cli.getResult().hasValue()) {
      options.result(results.resolve("jmh.json").toString());
    }
    if (cli.getProfilers().isEmpty()) {
      // Allocation per event is part of the report.
      options.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> runs = new Runner(options.build()).run();

    List<String> footprints = new ArrayList<>();
    if (Boolean.parseBoolean(System.getProperty("clm.footprint", "true"))) {
      int customers = intParameter(cli, "customers", 1_000_000);
      int eventsPerCustomer = intParameter(cli, "eventsPerCustomer", 10);
      for (Implementation implementation : Implementation.values()) {
        footprints.add(footprint(implementation, customers, eventsPerCustomer));
      }
      Files.write(
          results.resolve("footprint.json"),
          List.of("[" + String.join(",\n", footprints) + "]"),
          StandardCharsets.UTF_8);
    }
    String summary = Summary.render(runs, footprints);
    Files.writeString(results.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(summary);
    System.out.println("Results in " + results.toAbsolutePath());
  }

  private static Path resultsDirectory() {
    String configured = System.getProperty("clm.results");
    if (configured != null) {
      return Paths.get(configured);
    }
    Path module = Paths.get("clm-benchmarks", "target");
    return Files.isDirectory(module) ? module.resolve("results") : Paths.get("target", "results");
  }

  private static int intParameter(CommandLineOptions cli, String name, int fallback) {
    Optional<Collection<String>> values = cli.getParameter(name).hasValue()
        ? Optional.of(cli.getParameter(name).get())
        : Optional.empty();
    return values.flatMap(v -> v.stream().findFirst()).map(Integer::parseInt).orElse(fallback);
  }

  /**
   * The population each implementation's footprint is measured on. squirrel-foundation and Spring
   * Statemachine ingest too slowly to load a million customers within the run's time budget;
   * their per-customer state (a fixed set of objects per customer) does not depend on the
   * population size, so they are measured on smaller ones (docs/performance.md).
   */
  static int footprintCustomers(Implementation implementation, int customers) {
    return switch (implementation) {
      case SQUIRREL -> Math.min(customers, 100_000);
      case SPRING -> Math.min(customers, 20_000);
      case CLM, COLUMNAR, OBJECTS, STATELESS4J -> customers;
    };
  }

  private static String footprint(Implementation implementation, int customers, int eventsPerCustomer)
      throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    int population = footprintCustomers(implementation, customers);
    List<String> command = List.of(
        java, "-Xms6g", "-Xmx6g",
        // JOL reads lambda (hidden class) fields only with its magic field offsets.
        "-Djol.magicFieldOffset=true", "-Djdk.attach.allowAttachSelf=true",
        "-cp", classPath, Footprint.class.getName(),
        implementation.label(), Integer.toString(population), Integer.toString(eventsPerCustomer),
        Integer.toString(Math.min(population, 10_000)));
    System.out.println("# footprint: " + implementation.label() + ", " + population + " customers");
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String last = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (JSON_OBJECT.matcher(line).matches()) {
          last = line;
        } else {
          System.out.println(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || last == null) {
      throw new IOException("footprint run for " + implementation.label() + " failed with exit code " + exit
          + " (command: " + String.join(" ", command).replace(File.pathSeparator, " ") + ")");
    }
    return last;
  }

  private static final Pattern JSON_OBJECT = Pattern.compile("^\\{\".*\\}$");
}
