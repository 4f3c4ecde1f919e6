package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON report of docs/cli.md, field by field, for reports put together by hand. */
class JsonReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String write(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode tree(String json) throws IOException {
    return JSON.readTree(json.replace('\'', '"'));
  }

  /** A report with every section, two stages (one with a long id), a failed check and rounded figures. */
  static Report full() {
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tickets opened", 5L);
    figures.put("resolved late", 2L);
    return new Report(
        "clm analyze",
        List.of("transactions: tx.csv (csv)", "value = transaction volume"),
        "banking-six-stage",
        "EUR",
        Instant.parse("2025-01-02T09:00:00Z"),
        null,
        Instant.parse("2025-03-01T00:00:00Z"),
        List.of(new Report.InputCount("tx.csv", 12, 8, 3, 1)),
        List.of("tx.csv line 4, field amount: ten is not a decimal number"),
        List.of(new Report.StageCount("potential", "PROSPECT", "establish", 2),
            new Report.StageCount("long-growth-stage", "ACTIVE", "maintain", 5)),
        new long[][] {{0, 1}, {2, 0}},
        new long[][] {{2, 4}, {0, 1}, {0, 0}},
        Report.Section.of(List.of(
            new Report.SegmentTable("value-pyramid", "Value pyramid", List.of(), List.of(), List.of(
                new Report.Segment("key", "Key customers", -1, -1, 3, 300.0, List.of()),
                new Report.Segment("unclassified", "unclassified", -1, -1, 4, 100.0,
                    List.of(new Report.Reason("no profit data", 4))))),
            new Report.SegmentTable("loyalty-credit", "Loyalty", List.of("high credit", "low credit"),
                List.of("low loyalty", "high loyalty"), List.of(
                    new Report.Segment("gold", "Gold", 0, 1, 7, 0.0, List.of()))))),
        Report.Section.of(new Report.RiskReport("early warning",
            List.of(new Report.Band("0.0-0.1", 6), new Report.Band("0.1-0.2", 1)),
            List.of(new Report.AtRisk("#00ff", "decline", 1234.567891, 0.123456, List.of("inactivity 0.12"),
                List.of("win back (priority 50, win-back)"))))),
        Report.Section.of(new Report.ComplaintReport("standard workflow", figures, 0.666666)),
        List.of(new Report.Check("customers", 7, 7), new Report.Check("rows", 12, 11)));
  }

  @Test
  void everyFigureOfTheReportIsInItsField() throws IOException {
    assertThat(JSON.readTree(write(full()))).isEqualTo(tree("""
        {'formatVersion': 1, 'title': 'clm analyze',
         'source': ['transactions: tx.csv (csv)', 'value = transaction volume'],
         'model': 'banking-six-stage', 'currency': 'EUR',
         'periodStart': '2025-01-02T09:00:00Z', 'flowStart': null, 'asOf': '2025-03-01T00:00:00Z',
         'customers': 7,
         'input': [{'name': 'tx.csv', 'read': 12, 'accepted': 8, 'duplicates': 3, 'rejected': 1}],
         'rejections': ['tx.csv line 4, field amount: ten is not a decimal number'],
         'stages': [{'id': 'potential', 'family': 'PROSPECT', 'phase': 'establish', 'customers': 2},
                    {'id': 'long-growth-stage', 'family': 'ACTIVE', 'phase': 'maintain', 'customers': 5}],
         'flow': [[2, 4], [0, 1], [0, 0]],
         'transitions': [[0, 1], [2, 0]],
         'segments': {'included': true, 'schemes': [
           {'scheme': 'value-pyramid', 'title': 'Value pyramid', 'rows': [], 'columns': [], 'segments': [
             {'id': 'key', 'label': 'Key customers', 'customers': 3, 'value': 300.0, 'valueShare': 0.75, 'reasons': []},
             {'id': 'unclassified', 'label': 'unclassified', 'customers': 4, 'value': 100.0, 'valueShare': 0.25,
              'reasons': [{'reason': 'no profit data', 'customers': 4}]}]},
           {'scheme': 'loyalty-credit', 'title': 'Loyalty', 'rows': ['high credit', 'low credit'],
            'columns': ['low loyalty', 'high loyalty'], 'segments': [
             {'id': 'gold', 'label': 'Gold', 'row': 0, 'column': 1, 'customers': 7, 'value': 0.0, 'valueShare': 0.0,
              'reasons': []}]}]},
         'risk': {'included': true, 'method': 'early warning',
           'distribution': [{'band': '0.0-0.1', 'customers': 6}, {'band': '0.1-0.2', 'customers': 1}],
           'atRisk': [{'customer': '#00ff', 'stage': 'decline', 'value': 1234.5679, 'risk': 0.1235,
                       'factors': ['inactivity 0.12'], 'actions': ['win back (priority 50, win-back)']}]},
         'complaints': {'included': true, 'policy': 'standard workflow', 'compliance': 0.6667,
           'figures': {'tickets opened': 5, 'resolved late': 2}},
         'reconciliation': [{'check': 'customers', 'expected': 7, 'actual': 7, 'ok': true},
                            {'check': 'rows', 'expected': 12, 'actual': 11, 'ok': false}],
         'reconciles': false}
        """));
  }

  @Test
  void aSectionNotIncludedHasItsNoteAndNoFiguresAndNoResolvedTicketHasNoCompliance() throws IOException {
    Report full = full();
    Report without = new Report(full.title(), full.source(), full.modelId(), full.currency(), full.periodStart(),
        Instant.parse("2025-02-01T00:00:00Z"), full.asOf(), full.input(), List.of(), full.stages(), full.transitions(),
        full.flow(), Report.Section.notIncluded("no segmentation"), Report.Section.notIncluded("no retention"),
        Report.Section.of(new Report.ComplaintReport("standard workflow", Map.of(), Double.NaN)),
        List.of(new Report.Check("customers", 7, 7)));
    JsonNode json = JSON.readTree(write(without));
    assertThat(json.get("flowStart").asText()).isEqualTo("2025-02-01T00:00:00Z");
    assertThat(json.get("segments")).isEqualTo(tree("{'included': false, 'note': 'no segmentation'}"));
    assertThat(json.get("risk")).isEqualTo(tree("{'included': false, 'note': 'no retention'}"));
    assertThat(json.get("complaints")).isEqualTo(tree(
        "{'included': true, 'policy': 'standard workflow', 'compliance': null, 'figures': {}}"));
    assertThat(json.get("reconciles").asBoolean()).isTrue();
  }

  /**
   * Figures are rounded to four decimals whatever their size: a portfolio's value in a currency of
   * small units (a trillion and a half dong) is printed as it is, not cut at the largest long.
   */
  @Test
  void aLargeValueIsPrintedAsItIs() throws IOException {
    Report full = full();
    Report large = new Report(full.title(), full.source(), full.modelId(), "VND", full.periodStart(), full.flowStart(),
        full.asOf(), full.input(), full.rejections(), full.stages(), full.transitions(), full.flow(),
        Report.Section.of(List.of(new Report.SegmentTable("value-pyramid", "Value pyramid", List.of(), List.of(), List.of(
            new Report.Segment("key", "Key customers", -1, -1, 3, 1.5e15, List.of()),
            new Report.Segment("ordinary", "Ordinary customers", -1, -1, 4, -2_000_000_000_000_000.0, List.of()))))),
        Report.Section.of(new Report.RiskReport("early warning", List.of(),
            List.of(new Report.AtRisk("#00ff", "decline", 123_456_789_012_345.67, 0.5, List.of(), List.of())))),
        full.complaints(), full.checks());
    JsonNode json = JSON.readTree(write(large));
    JsonNode segments = json.get("segments").get("schemes").get(0).get("segments");
    assertThat(segments.get(0).get("value").asDouble()).isEqualTo(1.5e15);
    assertThat(segments.get(1).get("value").asDouble()).isEqualTo(-2e15);
    assertThat(json.get("risk").get("atRisk").get(0).get("value").asDouble()).isEqualTo(123_456_789_012_345.67);
  }

  @Test
  void theDocumentEndsWithALineFeedAndHasNoCarriageReturn() throws IOException {
    String text = write(full());
    assertThat(text).endsWith("}\n").doesNotContain("\r");
  }
}
