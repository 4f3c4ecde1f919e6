package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.Money;
import io.clm.api.event.ProductType;
import io.clm.api.retention.ActionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's figures worked out by hand: complaint deadlines in business days, the measure of
 * value, the risk bands and the ranking of the at-risk list, and the names the report gives
 * segments and actions.
 */
class ReportFiguresTest {
  @TempDir Path dir;

  private static JsonNode analyze(String... args) throws IOException {
    MainTest.Run r = MainTest.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  /**
   * The standard workflow resolves urgent tickets by 17:00 UTC on the fifth business day after
   * the opening day and normal ones on the fifteenth; a resolution at the deadline itself is in
   * time. The ticket ids and days are chosen so that every figure differs from the others.
   */
  @Test
  void complaintFiguresCountTheDeadlinesInBusinessDays() throws IOException {
    Path file = dir.resolve("complaints.csv");
    Files.writeString(file, "id,customer_id,timestamp,complaint_id,status,severity,accepted\n"
        // Monday 6 January: urgent due Monday 13 January 17:00, normal due Monday 27 January 17:00.
        + "o1,C-1001,2025-01-06T10:00:00Z,K1,opened,urgent,\n"
        + "o2,C-1002,2025-01-06T10:00:00Z,K2,opened,urgent,\n"
        + "o3,C-1003,2025-01-06T10:00:00Z,K3,opened,normal,\n"
        // Friday 10 January: normal due Friday 31 January 17:00.
        + "o4,C-1004,2025-01-10T10:00:00Z,K4,opened,normal,\n"
        + "o5,C-1005,2025-01-10T10:00:00Z,K5,opened,normal,\n"
        + "r1,C-1001,2025-01-13T17:00:00Z,K1,resolved,,true\n"
        + "r2,C-1002,2025-01-13T17:00:01Z,K2,resolved,,false\n"
        + "r9,C-1009,2025-01-15T10:00:00Z,K9,resolved,,true\n"
        + "r3,C-1003,2025-01-27T17:00:00Z,K3,resolved,,true\n"
        + "r4,C-1004,2025-01-30T09:00:00Z,K4,resolved,,false\n"
        + "r5,C-1005,2025-02-03T09:00:00Z,K5,resolved,,true\n"
        // Monday 3 February, urgent: due Monday 10 February, overdue on 1 March.
        + "o6,C-1006,2025-02-03T10:00:00Z,K6,opened,urgent,\n"
        // Thursday 20 February, normal: due Thursday 13 March. Tuesday 25 February, urgent: due Tuesday 4 March.
        + "o7,C-1007,2025-02-20T10:00:00Z,K7,opened,normal,\n"
        + "o8,C-1008,2025-02-25T10:00:00Z,K8,opened,urgent,\n", StandardCharsets.UTF_8);
    JsonNode complaints = analyze("analyze", "--complaints", file.toString(), "--as-of", "2025-03-01", "--json").get("complaints");
    JsonNode figures = complaints.get("figures");
    List<String> names = new ArrayList<>();
    figures.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("tickets opened", "resolved within the deadline", "resolved late",
        "urgent resolved within the deadline", "urgent resolved late", "open, within the deadline", "open, overdue",
        "resolutions the customer accepted", "resolutions for tickets not opened in the data");
    assertThat(names).extracting(n -> figures.get(n).asLong()).containsExactly(8L, 3L, 2L, 1L, 1L, 2L, 1L, 3L, 1L);
    assertThat(complaints.get("compliance").asDouble()).isEqualTo(0.6);
    assertThat(complaints.get("policy").asText()).isEqualTo("standard workflow: resolution within 5 business days close of"
        + " business (urgent), 15 business days close of business (normal); business days Monday to Friday, UTC, no public"
        + " holidays");
  }

  /** The tickets of a year before the report's are on the same weekday calendar. */
  @Test
  void ticketsOpenedYearsBeforeTheReportAreCountedOnTheSameCalendar() throws IOException {
    Path file = dir.resolve("complaints.csv");
    Files.writeString(file, "id,customer_id,timestamp,complaint_id,status,severity,accepted\n"
        // Tuesday 31 December 2024, urgent: due Tuesday 7 January 2025 17:00 (no public holidays).
        + "o1,C-1001,2022-12-30T10:00:00Z,K1,opened,normal,\n"
        + "o2,C-1002,2024-12-31T10:00:00Z,K2,opened,urgent,\n"
        + "r2,C-1002,2025-01-07T17:00:00Z,K2,resolved,,true\n", StandardCharsets.UTF_8);
    JsonNode complaints = analyze("analyze", "--complaints", file.toString(), "--as-of", "2025-03-01", "--json").get("complaints");
    assertThat(complaints.get("figures").get("urgent resolved within the deadline").asLong()).isEqualTo(1);
    assertThat(complaints.get("figures").get("open, overdue").asLong()).isEqualTo(1);
    assertThat(complaints.get("compliance").asDouble()).isEqualTo(1.0);
  }

  private static final String TRANSACTIONS = "id,customer_id,timestamp,direction,amount,product,channel\n"
      + "t1,C-1001,2025-01-06T10:00:00Z,credit,100.00,current-account,online\n"
      + "t2,C-1001,2025-01-07T10:00:00Z,debit,50.25,card,pos\n"
      + "t3,C-1002,2025-01-08T10:00:00Z,credit,30.00,current-account,online\n";

  /**
   * A customer whose latest profiling consent withdraws it is counted in the stages but left out
   * of segments, the risk score and the at-risk list: C-1002 objects; C-1003 withdrew and then gave
   * it again; C-1001 never said, and is profiled.
   */
  @Test
  void aCustomerWhoObjectedToProfilingIsNeitherSegmentedNorScored() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, TRANSACTIONS + "t4,C-1003,2025-01-09T10:00:00Z,credit,70.00,current-account,online\n",
        StandardCharsets.UTF_8);
    Path consents = dir.resolve("consents.csv");
    Files.writeString(consents, "id,customer_id,timestamp,purpose,granted\n"
        + "k1,C-1002,2025-01-10T10:00:00Z,profiling,false\n"
        + "k2,C-1003,2025-01-10T10:00:00Z,profiling,false\n"
        + "k3,C-1003,2025-01-11T10:00:00Z,profiling,true\n"
        + "k4,C-1002,2025-01-10T11:00:00Z,marketing,true\n", StandardCharsets.UTF_8);
    JsonNode report = analyze("analyze", "--transactions", tx.toString(), "--consents", consents.toString(),
        "--as-of", "2025-03-01", "--json");
    long staged = 0;
    for (JsonNode stage : report.get("stages")) {
      staged += stage.get("customers").asLong();
    }
    assertThat(staged).as("customers in the stages").isEqualTo(3);
    for (JsonNode table : report.get("segments").get("schemes")) {
      long segmented = 0;
      for (JsonNode segment : table.get("segments")) {
        segmented += segment.get("customers").asLong();
      }
      assertThat(segmented).as("customers in %s", table.get("scheme").asText()).isEqualTo(2);
    }
    assertThat(totalValue(report, "value-pyramid")).as("C-1001's 150.25 and C-1003's 70").isEqualTo(220.25);
    long scored = 0;
    for (JsonNode band : report.get("risk").get("distribution")) {
      scored += band.get("customers").asLong();
    }
    assertThat(scored).as("customers with a risk score").isEqualTo(2);
    assertThat(report.get("source")).extracting(JsonNode::asText).contains(
        "1 customer objected to profiling (the latest profiling consent row withdraws it): counted in the stages, "
            + "left out of segments, risk and actions");
    assertThat(analyze("analyze", "--transactions", tx.toString(), "--as-of", "2025-03-01", "--json").get("source"))
        .extracting(JsonNode::asText).noneMatch(line -> line.contains("profiling"));
  }

  /** The value of every customer, over all segments of a scheme: the table's total. */
  private static double totalValue(JsonNode report, String scheme) {
    for (JsonNode table : report.get("segments").get("schemes")) {
      if (table.get("scheme").asText().equals(scheme)) {
        double total = 0;
        for (JsonNode segment : table.get("segments")) {
          total += segment.get("value").asDouble();
        }
        return total;
      }
    }
    throw new AssertionError("no scheme " + scheme);
  }

  @Test
  void withoutRevenueAndCostValueIsTransactionVolume() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, TRANSACTIONS, StandardCharsets.UTF_8);
    JsonNode report = analyze("analyze", "--transactions", tx.toString(), "--as-of", "2025-03-01", "--json");
    assertThat(report.get("source")).extracting(JsonNode::asText)
        .contains("value = transaction volume: no revenue and cost to serve were supplied");
    assertThat(report.get("risk").get("method").asText()).contains("ranked by transaction volume \u00d7 risk");
    assertThat(totalValue(report, "value-pyramid")).isEqualTo(180.25);
  }

  /** With revenue and cost to serve for one customer, value is profit: zero for the customer without. */
  @Test
  void withRevenueAndCostValueIsProfitAndZeroWhereNotSupplied() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, TRANSACTIONS, StandardCharsets.UTF_8);
    Path attributes = dir.resolve("attributes.csv");
    Files.writeString(attributes, "id,customer_id,timestamp,attribute,value\n"
        + "a1,C-1001,2025-01-06T09:00:00Z,revenue,300.00\n"
        + "a2,C-1001,2025-01-06T09:00:00Z,cost-to-serve,100.50\n", StandardCharsets.UTF_8);
    JsonNode report = analyze("analyze", "--transactions", tx.toString(), "--attributes", attributes.toString(),
        "--as-of", "2025-03-01", "--json");
    assertThat(report.get("source")).extracting(JsonNode::asText)
        .contains("value = profit contribution: supplied revenue minus cost to serve");
    assertThat(report.get("risk").get("method").asText()).contains("ranked by profit contribution \u00d7 risk");
    assertThat(totalValue(report, "value-pyramid")).isEqualTo(199.5);
  }

  private static Report demo(int top) throws IOException {
    return DemoCommand.report(7, 2_000, 24, TestSupport.options("--top", Integer.toString(top)), Optional.empty(),
        new Progress(System.err, false));
  }

  /**
   * The bands are tenths of the score, and every at-risk customer is counted in the band of its
   * score; the list is ranked by value × risk, with only positive value and risk, and neither
   * prospects nor customers already gone; its factors are the positive contributions, largest
   * first.
   */
  @Test
  void theRiskBandsAreTenthsAndTheAtRiskListIsRankedByValueTimesRisk() throws IOException {
    Report report = demo(1000);
    Report.RiskReport risk = report.risk().data();
    assertThat(risk.distribution()).extracting(Report.Band::label).containsExactly(
        "0.0-0.1", "0.1-0.2", "0.2-0.3", "0.3-0.4", "0.4-0.5", "0.5-0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", "0.9-1.0");
    long[] listed = new long[10];
    for (Report.AtRisk a : risk.atRisk()) {
      listed[Math.min(9, (int) (a.risk() * 10))]++;
    }
    for (int b = 0; b < 10; b++) {
      assertThat(risk.distribution().get(b).customers()).as("band " + b).isGreaterThanOrEqualTo(listed[b]);
    }
    assertThat(listed[1] + listed[2] + listed[3] + listed[4]).as("customers listed above 0.1").isPositive();
    assertThat(risk.atRisk()).hasSizeGreaterThan(10).allSatisfy(a -> {
      assertThat(a.value()).isPositive();
      assertThat(a.risk()).isPositive();
      assertThat(a.stage()).isNotIn("potential", "termination");
      List<Double> contributions = new ArrayList<>();
      for (String f : a.factors()) {
        contributions.add(Double.parseDouble(f.substring(f.lastIndexOf(' ') + 1)));
      }
      assertThat(contributions).isNotEmpty().allSatisfy(c -> assertThat(c).isNotNegative())
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    });
    // A factor that does not contribute is not named: some customers have one factor only, and
    // some factors contribute at least 0.01.
    assertThat(risk.atRisk()).extracting(a -> a.factors().size()).contains(1);
    assertThat(risk.atRisk()).flatExtracting(Report.AtRisk::factors)
        .anySatisfy(f -> assertThat(Double.parseDouble(f.substring(f.lastIndexOf(' ') + 1))).isPositive());
    assertThat(risk.atRisk()).extracting(a -> a.value() * a.risk()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(demo(3).risk().data().atRisk()).extracting(Report.AtRisk::maskedId).hasSize(3);
  }

  @Test
  void segmentsHaveTheirLabelsAndTheMatrixItsCells() throws IOException {
    Report report = demo(10);
    Report.SegmentTable pyramid = report.segments().data().get(0);
    assertThat(pyramid.title()).isEqualTo("Value pyramid by profit (seed 003)");
    assertThat(report.segments().data().get(1).title()).isEqualTo("Loyalty \u00d7 credit (seed 003)");
    assertThat(pyramid.segments()).filteredOn(s -> !s.id().equals("unclassified"))
        .extracting(Report.Segment::id, Report.Segment::label, Report.Segment::row, Report.Segment::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("key", "Key customers", -1, -1),
            org.assertj.core.groups.Tuple.tuple("potential", "Potential customers", -1, -1),
            org.assertj.core.groups.Tuple.tuple("ordinary", "Ordinary customers", -1, -1));
    assertThat(pyramid.segments()).filteredOn(s -> s.id().equals("unclassified")).extracting(Report.Segment::label)
        .containsExactly("unclassified");
    Report.SegmentTable matrix = report.segments().data().get(1);
    assertThat(matrix.segments()).filteredOn(s -> !s.id().equals("unclassified"))
        .extracting(Report.Segment::id, Report.Segment::label, Report.Segment::row, Report.Segment::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("star", "Star (\u660e\u661f)", 0, 0),
            org.assertj.core.groups.Tuple.tuple("gold", "Gold (\u9ec4\u91d1)", 0, 1),
            org.assertj.core.groups.Tuple.tuple("junk", "Junk (\u5783\u573e)", 1, 0),
            org.assertj.core.groups.Tuple.tuple("risk", "Risk (\u98ce\u9669)", 1, 1));
  }

  /**
   * {@code --retention-costs} reaches every strategy that has the parameter: with the least and the
   * most compensation both 12, every service recovery of the demo compensates 12.00 EUR, where the
   * defaults give 2 % of the customer's value between 10 and 500.
   */
  @Test
  void retentionCostsPriceTheActionsOfTheReport() throws IOException {
    List<String> defaults = recoveries(demo(1000));
    assertThat(defaults).isNotEmpty().anyMatch(a -> !a.equals("service recovery, compensation 12.00 EUR"));
    Report report = DemoCommand.report(7, 2_000, 24,
        TestSupport.options("--top", "1000", "--retention-costs", "min-compensation=12, max-compensation=12"), Optional.empty(),
        new Progress(System.err, false));
    assertThat(recoveries(report)).hasSameSizeAs(defaults).containsOnly("service recovery, compensation 12.00 EUR");
  }

  private static List<String> recoveries(Report report) {
    return report.risk().data().atRisk().stream().flatMap(a -> a.actions().stream())
        .filter(a -> a.startsWith("service recovery")).map(a -> a.substring(0, a.indexOf(" (priority"))).toList();
  }

  @Test
  void everyKindOfActionIsDescribed() {
    assertThat(Sections.describe(new ActionType.Communication("study the rival"))).isEqualTo("contact: study the rival");
    assertThat(Sections.describe(new ActionType.Offer(0))).isEqualTo("offer");
    assertThat(Sections.describe(new ActionType.Offer(15))).isEqualTo("offer with 15% discount");
    assertThat(Sections.describe(new ActionType.ServiceRecovery(Money.of("25.00", "EUR"))))
        .isEqualTo("service recovery, compensation 25.00 EUR");
    assertThat(Sections.describe(new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC))).isEqualTo("economic exit barrier");
    assertThat(Sections.describe(new ActionType.CrossSell(ProductType.WEALTH_MANAGEMENT))).isEqualTo("cross-sell wealth-management");
    assertThat(Sections.describe(new ActionType.UpSell(ProductType.CURRENT_ACCOUNT))).isEqualTo("up-sell current-account");
    assertThat(Sections.describe(new ActionType.WinBack())).isEqualTo("win back");
    assertThat(Sections.describe(new ActionType.Abandon())).isEqualTo("abandon (spend no more)");
  }

  /**
   * Columns and keys that are not fields of the file's kind are not read, and the source line of
   * their file names them: a misspelt {@code currency} is otherwise a check silently not made.
   */
  @Test
  void theSourceSectionNamesTheColumnsNotRead() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "id,customer_id,timestamp,direction,amount,product,channel,CCY,Note\n"
        + "t1,C-1001,2025-01-06T10:00:00Z,credit,100.00,current-account,online,USD,first\n", StandardCharsets.UTF_8);
    Path interactions = dir.resolve("in.jsonl");
    Files.writeString(interactions, "{\"id\":\"i1\",\"customer_id\":\"C-1001\",\"timestamp\":\"2025-01-07T10:00:00Z\","
        + "\"kind\":\"visit\",\"channel\":\"branch\",\"satisfaction\":null,\"agent\":{\"name\":\"x\"}}\n"
        + "{\"id\":\"i2\",\"customer_id\":\"C-1001\",\"timestamp\":\"2025-01-08T10:00:00Z\","
        + "\"kind\":\"visit\",\"channel\":\"branch\",\"Channel\":\"web\"}\n", StandardCharsets.UTF_8);
    Path products = dir.resolve("products.csv");
    Files.writeString(products, "id,customer_id,timestamp,product,status\n"
        + "p1,C-1001,2025-01-06T09:00:00Z,card,opened\n", StandardCharsets.UTF_8);
    List<String> source = new ArrayList<>();
    analyze("analyze", "--transactions", tx.toString(), "--interactions", interactions.toString(), "--products", products.toString(),
        "--as-of", "2025-03-01", "--json").get("source").forEach(line -> source.add(line.asText()));
    assertThat(source).contains(
        "transactions: " + tx + " (csv); columns not read: 'ccy', 'note'",
        "interactions: " + interactions + " (jsonl); columns not read: 'Channel', 'agent'",
        "products: " + products + " (csv)");
  }

  @Test
  void theSourceSectionNamesTheDialect() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, TRANSACTIONS.replace(',', ';').replace('.', ','), StandardCharsets.UTF_8);
    JsonNode report = analyze("analyze", "--transactions", tx.toString(), "--separator", ";", "--decimal-comma",
        "--as-of", "2025-03-01", "--json");
    assertThat(report.get("source")).extracting(JsonNode::asText).contains("dialect: separator ;, decimal comma");
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, TRANSACTIONS, StandardCharsets.UTF_8);
    assertThat(analyze("analyze", "--transactions", plain.toString(), "--as-of", "2025-03-01", "--json").get("source"))
        .extracting(JsonNode::asText).noneMatch(line -> line.startsWith("dialect"));
  }

  @Test
  void aRunWhoseRowsWereAllSkippedIsBadData() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,C-1001,2025-01-06T10:00:00Z,credit,ten,current-account,online\n", StandardCharsets.UTF_8);
    MainTest.Run r = MainTest.run("analyze", "--transactions", tx.toString(), "--skip-bad-rows", "--as-of", "2025-03-01");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).endsWith("clm: bad data: no row was accepted\nCheck the files against the schema in docs/integration.md.\n");
  }
}
