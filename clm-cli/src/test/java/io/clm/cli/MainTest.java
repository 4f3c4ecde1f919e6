package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, exit codes, messages, and analyze on the sample files. */
class MainTest {
  static final Path SAMPLES = Path.of("..", "docs", "samples");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false)
        .run(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutArgumentsPrintsTheOverviewAndExitsWithTheUsageCode() {
    Run r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).startsWith("Usage: clm <command> [options]").contains("demo", "analyze", "plugins");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"demo", "analyze", "clv", "plugins"}) {
      Run r = run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).startsWith("Usage: clm " + command).contains("--help");
    }
    assertThat(run("--help").code()).isZero();
  }

  @Test
  void pluginsListsKindIdVersionClassAndJarOfEveryPlugin() {
    Run r = run("plugins");
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0].split("\\s+")).containsExactly("KIND", "ID", "VERSION", "CLASS", "JAR");
    String sixStage =
        java.util.Arrays.stream(lines).filter(l -> l.contains(" banking-six-stage ")).findFirst().orElseThrow();
    String[] columns = sixStage.trim().split("\\s+");
    assertThat(columns[0]).isEqualTo("LifecycleModelProvider");
    assertThat(columns[3]).isEqualTo("io.clm.core.models.BankingSixStageProvider");
    assertThat(columns[4]).isNotBlank().isNotEqualTo("unknown");
    assertThat(lines[lines.length - 1]).matches("\\d+ plugins");
  }

  @Test
  void usageErrorsNameTheProblem() {
    assertThat(run("frobnicate")).isEqualTo(new Run(2, "",
        "clm: unknown command 'frobnicate'; commands are demo, analyze, clv, plugins\nRun 'clm --help' for usage.\n"));
    assertThat(run("demo", "--customers", "many")).isEqualTo(new Run(2, "",
        "clm: demo: --customers 'many' is not a whole number\nRun 'clm demo --help' for usage.\n"));
    assertThat(run("demo", "--colour").err()).startsWith("clm: demo: unknown option --colour\n");
    assertThat(run("demo", "--months", "0").err()).startsWith("clm: demo: --months 0 is outside 3..120\n");
    assertThat(run("demo", "--html").err()).startsWith("clm: demo: option --html needs a value (FILE)\n");
    assertThat(run("analyze").err()).startsWith("clm: analyze: give at least one input file, such as --transactions FILE\n");
    assertThat(run("analyze", "--transactions", "x.txt", "--currency", "EURO").code()).isEqualTo(2);
  }

  /** The engine remembers ids for at most 36,500 days: a longer window is a usage error, not an internal one. */
  @Test
  void theDeduplicationWindowIsAtMostTheEnginesLongest() {
    String tx = SAMPLES.resolve("transactions.csv").toString();
    assertThat(run("analyze", "--transactions", tx, "--dedup-window", "36501", "--json")).isEqualTo(new Run(2, "",
        "clm: analyze: --dedup-window 36501 is outside 0..36500\nRun 'clm analyze --help' for usage.\n"));
    assertThat(run("analyze", "--transactions", tx, "--dedup-window", "100000", "--json").code()).isEqualTo(2);
    Run longest = run("analyze", "--transactions", tx, "--dedup-window", "36500", "--json");
    assertThat(longest.code()).as(longest.err()).isZero();
  }

  @Test
  void aDateOptionOutsideTheYears0001To9999IsAUsageError() {
    String tx = SAMPLES.resolve("transactions.csv").toString();
    assertThat(run("analyze", "--transactions", tx, "--as-of", "+999999999-01-01")).isEqualTo(new Run(2, "",
        "clm: analyze: --as-of '+999999999-01-01' is outside the years 0001 to 9999\nRun 'clm analyze --help' for usage.\n"));
    assertThat(run("analyze", "--transactions", tx, "--flow-start", "-0001-01-01")).isEqualTo(new Run(2, "",
        "clm: analyze: --flow-start '-0001-01-01' is outside the years 0001 to 9999\nRun 'clm analyze --help' for usage.\n"));
    assertThat(run("clv", "--transactions", tx, "--calibration-end", "2025-06-30", "--holdout-end", "+999999999-01-01"))
        .isEqualTo(new Run(2, "",
            "clm: clv: --holdout-end '+999999999-01-01' is outside the years 0001 to 9999\nRun 'clm clv --help' for usage.\n"));
    // The engine counts time from the year 0001.
    assertThat(run("analyze", "--transactions", tx, "--as-of", "0000-06-01")).isEqualTo(new Run(2, "",
        "clm: analyze: --as-of '0000-06-01' is outside the years 0001 to 9999\nRun 'clm analyze --help' for usage.\n"));
    assertThat(run("analyze", "--transactions", tx, "--flow-start", "0000-12-31")).isEqualTo(new Run(2, "",
        "clm: analyze: --flow-start '0000-12-31' is outside the years 0001 to 9999\nRun 'clm analyze --help' for usage.\n"));
    assertThat(run("clv", "--transactions", tx, "--calibration-end", "0000-06-01")).isEqualTo(new Run(2, "",
        "clm: clv: --calibration-end '0000-06-01' is outside the years 0001 to 9999\nRun 'clm clv --help' for usage.\n"));
  }

  @Test
  void everyCommandReadsDateOptionsTheSameWay() {
    String tx = SAMPLES.resolve("transactions.csv").toString();
    assertThat(run("analyze", "--transactions", tx, "--as-of", "2025-02-30")).isEqualTo(new Run(2, "",
        "clm: analyze: --as-of '2025-02-30' is not a date (yyyy-mm-dd)\nRun 'clm analyze --help' for usage.\n"));
    assertThat(run("clv", "--transactions", tx, "--calibration-end", "2025-02-30")).isEqualTo(new Run(2, "",
        "clm: clv: --calibration-end '2025-02-30' is not a date (yyyy-mm-dd)\nRun 'clm clv --help' for usage.\n"));
    assertThat(run("clv", "--transactions", tx, "--calibration-end", "2025-06-30", "--holdout-end", "30.06.2025"))
        .isEqualTo(new Run(2, "",
            "clm: clv: --holdout-end '30.06.2025' is not a date (yyyy-mm-dd)\nRun 'clm clv --help' for usage.\n"));
  }

  @Test
  void aMissingFileIsAFileError() {
    Run r = run("analyze", "--transactions", dir.resolve("none.csv").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("clm: file not found: ");
  }

  @Test
  void aMissingMaskKeyFileIsAFileError() {
    Path key = dir.resolve("no-such.key");
    Run r = run("analyze", "--transactions", SAMPLES.resolve("transactions.csv").toString(), "--mask-key-file", key.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("clm: file not found: --mask-key-file " + key + "\n");
  }

  @Test
  void anUnknownComplaintWorkflowIsAConfigurationErrorBeforeAnyRowIsRead() throws Exception {
    // a file whose first row is bad: read first, it would end the run as bad data (exit 1)
    Path transactions = dir.resolve("transactions.csv");
    Files.writeString(transactions, "id,customer_id,timestamp,direction,amount,currency,product,channel\nTX-1,C-1,not a time,debit,1.00,EUR,current-account,branch\n");
    Run r = run("analyze", "--transactions", transactions.toString(), "--complaint-workflow", "no-such-workflow");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("clm: configuration: ").contains("no-such-workflow");
    Run known = run("analyze", "--transactions", transactions.toString());
    assertThat(known.code()).isEqualTo(1);
  }

  @Test
  void anUnknownModelIsAConfigurationError() {
    Run r = run("demo", "--customers", "10", "--months", "3", "--model", "no-such-model");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).startsWith("clm: configuration: ");
  }

  @Test
  void analyzesTheSampleFiles() throws Exception {
    Run r = run("analyze",
        "--transactions", SAMPLES.resolve("transactions.csv").toString(),
        "--interactions", SAMPLES.resolve("interactions.jsonl").toString(),
        "--complaints", SAMPLES.resolve("complaints.csv").toString(),
        "--attributes", SAMPLES.resolve("attributes.csv").toString(),
        "--products", SAMPLES.resolve("products.csv").toString(),
        "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("customers").asLong()).isEqualTo(3);
    assertThat(report.get("reconciles").asBoolean()).isTrue();
    long read = 0;
    for (JsonNode input : report.get("input")) {
      assertThat(input.get("rejected").asLong()).isZero();
      read += input.get("read").asLong();
    }
    assertThat(read).isEqualTo(84 + 8 + 5 + 16 + 6);
    assertThat(report.get("complaints").get("figures").get("tickets opened").asLong()).isEqualTo(3);
  }

  @Test
  void unclassifiedCustomersComeWithTheirReasons() throws Exception {
    // Transactions alone: no product was opened, so loyalty (and with it the loyalty-credit grid)
    // is undefined for both customers of the file.
    String tx = SAMPLES.resolve("transactions.csv").toString();
    JsonNode report = new ObjectMapper().readTree(run("analyze", "--transactions", tx, "--json").out());
    JsonNode grid = null;
    for (JsonNode scheme : report.get("segments").get("schemes")) {
      if (scheme.get("scheme").asText().equals("loyalty-credit")) {
        grid = scheme;
      }
    }
    assertThat(grid).isNotNull();
    JsonNode unclassified = null;
    for (JsonNode segment : grid.get("segments")) {
      if (segment.get("id").asText().equals("unclassified")) {
        unclassified = segment;
      } else {
        assertThat(segment.get("reasons")).as(segment.get("id").asText()).isEmpty();
      }
    }
    assertThat(unclassified.get("customers").asLong()).isEqualTo(2);
    assertThat(unclassified.get("reasons")).hasSize(1);
    assertThat(unclassified.get("reasons").get(0).get("reason").asText()).startsWith("no products opened");
    assertThat(unclassified.get("reasons").get(0).get("customers").asLong()).isEqualTo(2);
    assertThat(run("analyze", "--transactions", tx).out()).containsPattern("\n      why: no products opened[^\n]* \\(2\\)\n");
  }

  @Test
  void theFlowStartsWhereAsked() throws Exception {
    Run r = run("analyze",
        "--transactions", SAMPLES.resolve("transactions.csv").toString(),
        "--interactions", SAMPLES.resolve("interactions.jsonl").toString(),
        "--flow-start", "2025-07-01", "--as-of", "2026-01-01", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("flowStart").asText()).isEqualTo("2025-07-01T00:00:00Z");
    assertThat(report.get("asOf").asText()).isEqualTo("2026-01-01T00:00:00Z");
    // All three customers were known before July: none is new in the flow.
    long newcomers = 0;
    for (JsonNode v : report.get("flow").get(0)) {
      newcomers += v.asLong();
    }
    assertThat(newcomers).isZero();
    assertThat(report.get("reconciles").asBoolean()).isTrue();
  }

  @Test
  void aFlowStartAfterTheReportDateIsAUsageError() throws Exception {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,C-1001,2025-01-02T10:00:00Z,credit,100.00,current-account,online\n");
    Run explicit = run("analyze", "--transactions", file.toString(), "--flow-start", "2026-06-01", "--as-of", "2025-01-10", "--json");
    assertThat(explicit).isEqualTo(new Run(2, "",
        "clm: analyze: --flow-start 2026-06-01 is after the report's date 2025-01-10\nRun 'clm analyze --help' for usage.\n"));
    // Without --as-of the report's date is the day after the latest row: the stages would have been
    // reported as of 2025-01-03 with the time-driven rules run on to June 2026.
    Run computed = run("analyze", "--transactions", file.toString(), "--flow-start", "2026-06-01", "--json");
    assertThat(computed).isEqualTo(new Run(2, "",
        "clm: analyze: --flow-start 2026-06-01 is after the report's date 2025-01-03 (the day after the latest row); "
            + "give an earlier --flow-start or a later --as-of\nRun 'clm analyze --help' for usage.\n"));
    Run same = run("analyze", "--transactions", file.toString(), "--flow-start", "2025-01-03", "--json");
    assertThat(same.code()).as(same.err()).isZero();
  }

  @Test
  void complaintFiguresDoNotDependOnTheOrderOfTheRows() throws Exception {
    String header = "id,customer_id,timestamp,complaint_id,status,severity,accepted\n";
    String opened = "c1,C-1001,2025-01-10T10:00:00Z,K1,opened,urgent,\n";
    String resolved = "c2,C-1001,2025-01-13T10:00:00Z,K1,resolved,,true\n";
    String early = "c3,C-1002,2025-01-05T10:00:00Z,K2,resolved,,true\n";
    String late = "c4,C-1002,2025-01-10T10:00:00Z,K2,opened,normal,\n";
    Path sorted = dir.resolve("sorted.csv");
    Files.writeString(sorted, header + early + opened + late + resolved);
    Path unsorted = dir.resolve("unsorted.csv");
    Files.writeString(unsorted, header + resolved + late + opened + early);
    for (Path file : List.of(sorted, unsorted)) {
      Run r = run("analyze", "--complaints", file.toString(), "--as-of", "2025-03-01", "--json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode complaints = new ObjectMapper().readTree(r.out()).get("complaints");
      JsonNode figures = complaints.get("figures");
      assertThat(figures.get("tickets opened").asLong()).as(file.toString()).isEqualTo(2);
      // K1 was resolved three days after it was opened; K2's resolution came before its opening.
      assertThat(figures.get("resolved within the deadline").asLong()).as(file.toString()).isEqualTo(1);
      assertThat(figures.get("urgent resolved within the deadline").asLong()).as(file.toString()).isEqualTo(1);
      assertThat(figures.get("resolutions for tickets not opened in the data").asLong()).as(file.toString()).isEqualTo(1);
      assertThat(figures.get("open, overdue").asLong()).as(file.toString()).isEqualTo(1);
      assertThat(complaints.get("compliance").asDouble()).as(file.toString()).isEqualTo(1.0);
    }
  }

  @Test
  void aBadRowStopsTheRunWithFileLineAndField() throws Exception {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,C1,2025-01-02T10:00:00Z,debit,10.00,card,pos\n"
        + "t2,C1,2025-01-03T10:00:00Z,debit,ten,card,pos\n"
        + "t3,C2,2025-01-04T10:00:00Z,credit,5,current-account,online\n");
    Run stop = run("analyze", "--transactions", file.toString());
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.out()).isEmpty();
    assertThat(stop.err()).isEqualTo("clm: bad data: tx.csv line 3, field 'amount': 'ten' is not a decimal number within bounds (at most 18 digits before the '.', no exponent)\n"
        + "Fix the row, or pass --skip-bad-rows to skip and count bad rows.\n");

    Run skip = run("analyze", "--transactions", file.toString(), "--skip-bad-rows");
    assertThat(skip.code()).isZero();
    assertThat(skip.err()).isEqualTo("clm: skipped tx.csv line 3, field 'amount': 'ten' is not a decimal number within bounds (at most 18 digits before the '.', no exponent)\n");
    assertThat(skip.out()).containsPattern("tx.csv +3 +2 +0 +1")
        .contains("tx.csv line 3, field 'amount': 'ten' is not a decimal number within bounds")
        .contains("all figures reconcile.");
  }

  @Test
  void demoWritesTextJsonAndHtml() throws Exception {
    Path html = dir.resolve("report.html");
    Run r = run("demo", "--customers", "200", "--months", "12", "--json", "--html", html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo("clm: wrote the HTML report to " + html + "\n");
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("customers").asLong()).isEqualTo(200);
    assertThat(report.get("model").asText()).isEqualTo("banking-six-stage");
    assertThat(Files.readString(html)).contains("id=\"stage-flow\"", "id=\"heat-map-loyalty-credit\"", "id=\"risk-distribution\"");
    Run text = run("demo", "--customers", "200", "--months", "12", "--model", "relationship-status");
    assertThat(text.out()).contains("Lifecycle stages (relationship-status)", "all figures reconcile.");
  }

  @Test
  void demoExportIsReadByAnalyze() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("demo", "--customers", "60", "--months", "6", "--export", data.toString()).code()).isZero();
    Run r = run("analyze",
        "--transactions", data.resolve("transactions.csv").toString(),
        "--interactions", data.resolve("interactions.csv").toString(),
        "--complaints", data.resolve("complaints.csv").toString(),
        "--attributes", data.resolve("attributes.csv").toString(),
        "--products", data.resolve("products.csv").toString(),
        "--relationships", data.resolve("relationships.csv").toString(),
        "--consents", data.resolve("consents.csv").toString(),
        "--dedup-window", "0", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("customers").asLong()).isEqualTo(60);
    assertThat(report.get("reconciles").asBoolean()).isTrue();
  }

  @Test
  void helpInEveryFormPrintsTheOverview() {
    for (String help : new String[] {"--help", "-h", "help"}) {
      assertThat(run(help)).as(help).isEqualTo(new Run(0, Main.OVERVIEW, ""));
    }
    assertThat(run("--help", "demo").code()).isZero();
  }

  @Test
  void theVersionOfADevelopmentBuildSaysSo() {
    assertThat(run("--version")).isEqualTo(new Run(0, "clm (development build)\n", ""));
  }

  /** Bad data with a hint: the message, then the hint on a line of its own. */
  @Test
  void badDataComesWithItsHint() throws Exception {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "when,who\n2025-01-01,c1\n");
    Run r = run("analyze", "--transactions", tx.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("clm: bad data: tx.csv")
        .endsWith("\nThe header row must name the columns of docs/integration.md.\n");
  }

  /** A directory where a file should be: a file error, not an internal error; analyze says it found no such file. */
  @Test
  void aDirectoryForAFileIsAFileError() {
    assertThat(run("analyze", "--transactions", dir.toString())).isEqualTo(new Run(3, "", "clm: file not found: " + dir + "\n"));
    Run r = run("clv", "--transactions", dir.toString(), "--format", "plain", "--calibration-end", "2024-06-30");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("clm: file error: java.io.IOException: ").doesNotContain("internal").doesNotContain("\tat ");
  }

  /** A store that cannot be reached is the store's failure, with the store's exit code, and nothing on stdout. */
  @Test
  void aStoreThatCannotBeReachedEndsTheRunWithTheStoresExitCode() throws Exception {
    Path key = dir.resolve("mask.key");
    Files.write(key, "a secret of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));
    Run r = run("analyze", "--transactions", SAMPLES.resolve("transactions.csv").toString(), "--mask-key-file", key.toString(),
        "--store", "jdbc:postgresql://127.0.0.1:1/clm");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("clm: store jdbc:postgresql://127.0.0.1:1/clm could not open a connection: ");
  }
}
