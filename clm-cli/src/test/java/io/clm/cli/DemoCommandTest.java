package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clm demo} on small portfolios: what its report says about the portfolio, the flow start, the progress line and the export. */
class DemoCommandTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  @TempDir Path dir;

  /** Every event of the portfolio, generated month by month. */
  private static List<Event> events(long seed, int customers, int months) {
    PortfolioGenerator portfolio = new PortfolioGenerator(seed, customers, months, EUR);
    List<Event> events = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      for (int c = 0; c < customers; c++) {
        portfolio.month(c, m, events::add);
      }
    }
    return events;
  }

  private static Report report(long seed, int customers, int months, Optional<Path> export, Progress progress) throws IOException {
    return DemoCommand.report(seed, customers, months, TestSupport.options(), export, progress);
  }

  @Test
  void theSourceNamesThePortfolioItsArchetypesAndEveryGeneratedEvent() throws IOException {
    Report report = report(3, 40, 4, Optional.empty(), new Progress(System.err, false));
    PortfolioGenerator portfolio = new PortfolioGenerator(3, 40, 4, EUR);
    int[] counts = new int[Archetype.values().length];
    for (int c = 0; c < 40; c++) {
      counts[portfolio.archetype(c).ordinal()]++;
    }
    int generated = events(3, 40, 4).size();

    assertThat(report.customers()).isEqualTo(40);
    assertThat(report.source().get(0)).isEqualTo("synthetic retail-bank portfolio: 40 customers, 4 months from 2024-01-01, seed 3");
    assertThat(report.source().get(1)).isEqualTo("archetypes: prospect " + counts[0] + ", new-grower " + counts[1] + ", mature "
        + counts[2] + ", decliner " + counts[3] + ", won-back " + counts[4]);
    assertThat(report.source().get(2)).startsWith(generated + " events generated and run through the engine in ");
    assertThat(report.input()).containsExactly(new Report.InputCount("generated events", generated, generated, 0, 0));
    assertThat(report.asOf()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(report.reconciles()).isTrue();
  }

  /** The stage flow covers the last twelve months; a shorter history has no flow start (every customer is new). */
  @Test
  void theFlowStartsTwelveMonthsBeforeTheEnd() throws IOException {
    Progress quiet = new Progress(System.err, false);
    assertThat(report(3, 30, 14, Optional.empty(), quiet).flowStart()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(report(3, 30, 13, Optional.empty(), quiet).flowStart()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    assertThat(report(3, 30, 12, Optional.empty(), quiet).flowStart()).isNull();
    assertThat(report(3, 30, 3, Optional.empty(), quiet).flowStart()).isNull();
  }

  @Test
  void onATerminalTheProgressLineShowsTheMonthAndIsClearedAtTheEnd() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report(3, 30, 3, Optional.empty(), new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true));
    String err = bytes.toString(StandardCharsets.UTF_8);
    assertThat(err).startsWith("\r\u001b[2Kmonth 1/3, ").contains(" events").endsWith("\r\u001b[2K");
  }

  /** The export holds every generated event once, in the file of its kind, each after a header. */
  @Test
  void theExportHoldsEveryGeneratedEvent() throws IOException {
    Path data = dir.resolve("new").resolve("data");
    Report report = report(5, 30, 4, Optional.of(data), new Progress(System.err, false));
    List<Event> events = events(5, 30, 4);
    long rows = 0;
    for (RecordKind kind : RecordKind.values()) {
      List<String> lines = Files.readAllLines(data.resolve(kind.option() + ".csv"), StandardCharsets.UTF_8);
      assertThat(lines).as(kind.option()).isNotEmpty();
      assertThat(lines.get(0)).as(kind.option()).startsWith("id,customer_id,");
      long ofKind = events.stream().filter(e -> RecordKind.of(e) == kind).count();
      assertThat(lines).as(kind.option()).hasSize((int) ofKind + 1);
      rows += lines.size() - 1;
    }
    assertThat(rows).isEqualTo(events.size()).isEqualTo(report.input().get(0).read());
  }

  @Test
  void theCommandLineChecksItsSizesAndNamesTheSeed() {
    assertThat(MainTest.run("demo", "--customers", "0").err()).startsWith("clm: demo: --customers 0 is outside 1..10000000\n");
    assertThat(MainTest.run("demo", "--months", "2").err()).startsWith("clm: demo: --months 2 is outside 3..120\n");
    assertThat(MainTest.run("demo", "--months", "121").err()).startsWith("clm: demo: --months 121 is outside 3..120\n");
    MainTest.Run help = MainTest.run("demo", "--help");
    assertThat(help.out()).startsWith("Usage: clm demo [options]").contains("Generates a synthetic retail-bank portfolio", "--export DIR");
    MainTest.Run r = MainTest.run("demo", "--customers", "25", "--months", "3", "--seed", "9");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("synthetic retail-bank portfolio: 25 customers, 3 months from 2024-01-01, seed 9", "all figures reconcile.");
  }

  /** The export's directory may not be a file: a file error, before anything is generated. */
  @Test
  void anExportOntoAFileIsAFileError() throws IOException {
    Path file = dir.resolve("taken");
    Files.writeString(file, "x");
    MainTest.Run r = MainTest.run("demo", "--customers", "5", "--months", "3", "--export", file.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("clm: file error: java.nio.file.FileAlreadyExistsException: " + file);
  }
}
