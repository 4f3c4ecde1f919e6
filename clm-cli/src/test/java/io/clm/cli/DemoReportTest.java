package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's report at a small size: every figure reconciles with the generated portfolio. */
class DemoReportTest {
  static final int CUSTOMERS = 2_000;
  static Report report;

  @BeforeAll
  static void runDemo() throws Exception {
    report = DemoCommand.report(7, CUSTOMERS, 24, TestSupport.options(), Optional.empty(), new Progress(System.err, false));
  }

  @Test
  void everyCustomerIsInExactlyOneStage() {
    assertThat(report.customers()).isEqualTo(CUSTOMERS);
    assertThat(report.stages()).extracting(Report.StageCount::id)
        .containsExactly("potential", "development", "growth", "maturity", "decline", "termination");
  }

  @Test
  void flowCellsSumToTheCustomersAndEachColumnToItsStage() {
    long[][] flow = report.flow();
    assertThat(Arrays.stream(flow).flatMapToLong(Arrays::stream).sum()).isEqualTo(CUSTOMERS);
    for (int j = 0; j < report.stages().size(); j++) {
      long column = 0;
      for (long[] row : flow) {
        column += row[j];
      }
      assertThat(column).as(report.stages().get(j).id()).isEqualTo(report.stages().get(j).customers());
    }
  }

  @Test
  void stageCountsFollowFromTheFlowStartAndTheTransitions() {
    long[][] flow = report.flow();
    long[][] moves = report.transitions();
    // Over the whole run (everyone starts in potential), in + initial - out = now for each stage.
    int n = report.stages().size();
    for (int s = 0; s < n; s++) {
      long in = 0;
      long out = 0;
      for (int j = 0; j < n; j++) {
        in += moves[j][s];
        out += moves[s][j];
      }
      long initial = s == 0 ? CUSTOMERS : 0;
      assertThat(initial + in - out).as(report.stages().get(s).id()).isEqualTo(report.stages().get(s).customers());
    }
    assertThat(flow.length).isEqualTo(n + 1);
  }

  @Test
  void theLifecycleShowsEveryArchetype() {
    // Prospects stay potential, leavers terminate, won-back customers re-enter development.
    assertThat(report.stages().get(0).customers()).isPositive();
    assertThat(report.stages().get(5).customers()).isPositive();
    assertThat(report.transitions()[5][1]).as("win-backs").isPositive();
    assertThat(report.transitions()[3][4]).as("maturity to decline").isPositive();
  }

  @Test
  void everyReconciliationCheckPasses() {
    assertThat(report.checks()).isNotEmpty().allSatisfy(c -> assertThat(c.ok()).as(c.what()).isTrue());
    assertThat(report.checks()).extracting(Report.Check::what)
        .contains("customers in the input = customers known to the engine",
            "customers over all flow cells = customers known",
            "value-pyramid: customers over all segments = customers",
            "complaint tickets opened = resolved + still open");
  }

  @Test
  void includesSegmentsRiskAndComplaints() {
    assertThat(report.segments().included()).isTrue();
    assertThat(report.segments().data()).extracting(Report.SegmentTable::schemeId)
        .containsExactly("value-pyramid", "loyalty-credit");
    assertThat(report.risk().included()).isTrue();
    assertThat(report.risk().data().atRisk()).hasSize(10)
        .allSatisfy(a -> {
          assertThat(a.maskedId()).matches("#[0-9a-f]{32}");
          assertThat(a.factors()).isNotEmpty();
          assertThat(a.actions()).isNotEmpty().noneMatch(String::isBlank);
        });
    for (Report.SegmentTable table : report.segments().data()) {
      for (Report.Segment s : table.segments()) {
        if (!s.id().equals("unclassified")) {
          assertThat(s.reasons()).as(s.id()).isEmpty();
          continue;
        }
        // the most frequent first; with fewer than three reasons, every unclassified customer is covered
        assertThat(s.reasons()).as(table.schemeId()).isNotEmpty().hasSizeLessThanOrEqualTo(3)
            .isSortedAccordingTo(java.util.Comparator.comparingLong(Report.Reason::customers).reversed());
        long covered = s.reasons().stream().mapToLong(Report.Reason::customers).sum();
        if (s.reasons().size() < 3) {
          assertThat(covered).as(table.schemeId()).isEqualTo(s.customers());
        } else {
          assertThat(covered).as(table.schemeId()).isLessThanOrEqualTo(s.customers());
        }
      }
    }
    assertThat(report.complaints().included()).isTrue();
    assertThat(report.input().get(0).read()).isEqualTo(report.input().get(0).accepted());
  }

  @Test
  void theSameSeedGivesTheSamePortfolio() {
    PortfolioGenerator a = new PortfolioGenerator(7, 50, 12, java.util.Currency.getInstance("EUR"));
    PortfolioGenerator b = new PortfolioGenerator(7, 50, 12, java.util.Currency.getInstance("EUR"));
    java.util.List<io.clm.api.event.Event> first = new java.util.ArrayList<>();
    java.util.List<io.clm.api.event.Event> second = new java.util.ArrayList<>();
    for (int m = 0; m < 12; m++) {
      for (int c = 0; c < 50; c++) {
        a.month(c, m, first::add);
      }
      // Customers in reverse order: each customer's stream is its own.
      for (int c = 49; c >= 0; c--) {
        b.month(c, m, second::add);
      }
    }
    assertThat(second).containsExactlyInAnyOrderElementsOf(first);
    assertThat(first).hasSizeGreaterThan(500);
  }
}
