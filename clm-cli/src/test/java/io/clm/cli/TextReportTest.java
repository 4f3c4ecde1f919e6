package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text report, line by line, for reports put together by hand: shares, bars, totals, the
 * abbreviated stage ids of the matrices and the failed checks. Runs of spaces are compared as one.
 */
class TextReportTest {

  private static List<String> lines(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TextReport.write(report, new PrintStream(out, true, StandardCharsets.UTF_8));
    return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n", -1))
        .map(l -> l.strip().replaceAll(" +", " "))
        .toList();
  }

  private static String underline(String heading) {
    return "-".repeat(heading.length());
  }

  @Test
  void everyFigureIsPrintedWithItsShareAndTotal() {
    assertThat(lines(JsonReportTest.full())).containsExactly(
        "clm analyze",
        "===========",
        "transactions: tx.csv (csv)",
        "value = transaction volume",
        "model banking-six-stage, currency EUR, events from 2025-01-02, report as of 2025-03-01",
        "",
        "Input", underline("Input"),
        "source read accepted duplicates rejected",
        "tx.csv 12 8 3 1",
        "first rejected rows:",
        "tx.csv line 4, field amount: ten is not a decimal number",
        "",
        "Lifecycle stages (banking-six-stage)", underline("Lifecycle stages (banking-six-stage)"),
        // 2 of 7 customers: 28.6 %, a bar of 14; 5 of 7: 71.4 %, a bar of 36.
        "potential establish 2 28.6% " + "#".repeat(14),
        "long-growth-stage maintain 5 71.4% " + "#".repeat(36),
        "all 7",
        "",
        "Stage flow: customers by stage now (all new in the period)",
        underline("Stage flow: customers by stage now (all new in the period)"),
        "potential long-growt. total",
        "(new) 2 4 6",
        "potential 0 1 1",
        "long-growt. 0 0 0",
        "",
        "Stage changes over the run: from (rows) to (columns)",
        underline("Stage changes over the run: from (rows) to (columns)"),
        "potential long-growt. total",
        "potential 0 1 1",
        "long-growt. 2 0 2",
        "",
        "Segments", underline("Segments"),
        "Value pyramid (value-pyramid)",
        "Key customers 3 customers 42.9% value 75.0%",
        "unclassified 4 customers 57.1% value 25.0%",
        "why: no profit data (4)",
        "Loyalty (loyalty-credit)",
        "Gold 7 customers 100.0% value 0.0%",
        "",
        "Churn risk and retention", underline("Churn risk and retention"),
        "early warning",
        "0.0-0.1 6",
        "0.1-0.2 1",
        "top at-risk high-value customers:",
        "#00ff decline value 1,234.57 risk 0.12",
        "factors: inactivity 0.12",
        "actions: win back (priority 50, win-back)",
        "",
        "Complaints", underline("Complaints"),
        "SLA policy: standard workflow",
        "SLA compliance: 66.7% of resolved tickets resolved within the deadline",
        "tickets opened 5",
        "resolved late 2",
        "",
        "Reconciliation", underline("Reconciliation"),
        "ok customers 7",
        "FAIL rows 11 (expected 12)",
        "SOME FIGURES DO NOT RECONCILE.",
        "");
  }

  @Test
  void aSectionNotIncludedShowsItsNoteAndAFlowStartHeadsTheFlowAndAnIdOfElevenCharactersIsWhole() {
    Report full = JsonReportTest.full();
    Report without = new Report(full.title(), List.of(), full.modelId(), full.currency(), null,
        Instant.parse("2025-02-01T00:00:00Z"), full.asOf(), List.of(), List.of(),
        List.of(new Report.StageCount("development", "ONBOARDING", "establish", 0)), new long[][] {{0}}, new long[][] {{0}, {0}},
        Report.Section.notIncluded("no segmentation"), Report.Section.notIncluded("no retention"),
        Report.Section.of(new Report.ComplaintReport("standard workflow", Map.of(), Double.NaN)),
        List.of(new Report.Check("customers", 0, 0)));
    assertThat(lines(without)).containsSubsequence(
        "model banking-six-stage, currency EUR, events from -, report as of 2025-03-01",
        "development establish 0 0.0%",
        "all 0",
        "Stage flow: stage on 2025-02-01 (rows) to stage now (columns)",
        "development total",
        "(new) 0 0",
        "development 0 0",
        "Segments", underline("Segments"), "no segmentation", "",
        "Churn risk and retention", underline("Churn risk and retention"), "no retention", "",
        "SLA policy: standard workflow",
        "no ticket was resolved",
        "ok customers 0",
        "all figures reconcile.");
  }
}
