package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.CustomerId;
import io.clm.retention.BgNbd;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clm clv} on the CDNOW sample (Fader, Hardie and Lee 2005): 2,357 customers, calibration to
 * 1997-09-30, hold-out to 1998-06-30, weeks. The sample has 6,696 distinct customer-days: 2,357
 * first purchases, 2,457 repeat transactions in calibration (the paper's figure) and 1,882 in the
 * hold-out (counted with awk on the raw file).
 */
class ClvCommandTest {

  @TempDir Path dir;

  private Path cdnow() throws IOException {
    return cdnow(dir);
  }

  /** The CDNOW sample as a plain file {@code cdnow.csv} in {@code dir}. */
  static Path cdnow(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("customer,date,amount");
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(ClvCommandTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 5) {
          lines.add(f[1] + "," + f[2] + "," + f[4]);
        }
      }
    }
    Path file = dir.resolve("cdnow.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void fitsComparesChecksAndScoresCdnow() throws IOException {
    Path scores = dir.resolve("scores.csv");
    Path html = dir.resolve("report.html");
    MainTest.Run r =
        MainTest.run(
            "clv", "--transactions", cdnow().toString(), "--format", "plain", "--calibration-end", "1997-09-30",
            "--holdout-end", "1998-06-30", "--scores", scores.toString(), "--html", html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // The published log-likelihoods: BG/NBD -9582.4, MBG/NBD -9582.13, Pareto/NBD -9595.0.
    assertThat(r.out())
        .contains("2357 customers, calibration to 1997-09-30, hold-out to 1998-06-30, time unit 7 days")
        .contains("BG/NBD      LL -9582.43")
        .contains("MBG/NBD     LL -9582.14")
        .contains("Pareto/NBD  LL -9594.98")
        .contains("r 0.2426 ± 0.013, alpha 4.414 ± 0.38, a 0.7929 ± 0.19, b 2.426 ± 0.71")
        .contains("Gamma-Gamma LL ")
        .contains("p 6.250 ± 1.2, q 3.744 ± 0.29, gamma 15.44 ± 4.2")
        .containsPattern("total\\s+2357\\s+1882 ");
    List<String> rows = Files.readAllLines(scores);
    assertThat(rows).hasSize(2358);
    assertThat(rows.get(0)).isEqualTo("customer_id,x,t_x,T,mean_spend,holdout_transactions,p_alive,expected_holdout_transactions,expected_spend,clv");
    assertThat(rows.get(1)).startsWith("0001,2,30.4286,38.8571,22.35,1,");
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script").contains("<polyline").contains("lowest AIC");
    assertThat(page.split("<svg", -1)).hasSize(4);
  }

  /** The tracking chart's numbers: 2,457 repeat transactions by week 39, 4,339 by week 78, and the BG/NBD close to both. */
  @Test
  void trackingReproducesThePublishedFigure() throws IOException {
    Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = new TreeMap<>();
    for (String line : Files.readAllLines(cdnow()).subList(1, 6920)) {
      String[] f = line.split(",");
      days.computeIfAbsent(CustomerId.of(f[0]), k -> new TreeMap<>())
          .merge(LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(f[2]), BigDecimal::add);
    }
    io.clm.retention.PurchaseLog log = new io.clm.retention.PurchaseLog(io.clm.api.Money.currency("USD"));
    days.forEach((c, byDay) -> byDay.forEach((d, a) -> log.add(c, d, io.clm.api.Money.of(a.toPlainString(), "USD"))));
    LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
    LocalDate holdoutEnd = LocalDate.of(1998, 6, 30);
    ClvAnalysis analysis =
        new ClvAnalysis(log.summarise(calibrationEnd, holdoutEnd, java.time.Duration.ofDays(7)), days, calibrationEnd, holdoutEnd, 7, 39);
    assertThat(analysis.periods()).isEqualTo(78);
    assertThat(analysis.calibrationPeriods()).isEqualTo(39);
    double[] actual = analysis.actualCumulative();
    assertThat(actual[38]).isEqualTo(2457);
    assertThat(actual[77]).isEqualTo(2457 + 1882);
    BgNbd published = new BgNbd(0.243, 4.414, 0.793, 2.426);
    double[] predicted = analysis.predictedCumulative(published);
    // The paper's figure: the model tracks the calibration period closely and under-forecasts
    // the hold-out a little; cumulative curves rise monotonically.
    assertThat(predicted[38]).isCloseTo(2457, within(0.03 * 2457));
    assertThat(predicted[77]).isCloseTo(4339, within(0.06 * 4339));
    for (int i = 1; i < predicted.length; i++) {
      assertThat(predicted[i]).isGreaterThanOrEqualTo(predicted[i - 1]);
    }
  }

  @Test
  void missingCalibrationEndIsAUsageError() throws IOException {
    MainTest.Run r = MainTest.run("clv", "--transactions", cdnow().toString(), "--format", "plain");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("clm: clv: --calibration-end is required");
  }

  @Test
  void badPlainFileNamesTheLine() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "customer,date,amount\nc1,2024-01-05,12.50\nc1,2024-13-01,3\n");
    MainTest.Run r = MainTest.run("clv", "--transactions", file.toString(), "--format", "plain", "--calibration-end", "2024-06-30");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bad.csv line 3: date '2024-13-01' is not YYYY-MM-DD or YYYYMMDD");
  }

  @Test
  void aPlainLineThatIsNotUtf8IsBadDataNamingTheLine() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "customer,date,amount\r\nc1,2024-01-05,12.50\r\nM\u00fcller,2024-02-05,3\r\n".getBytes(StandardCharsets.ISO_8859_1));
    MainTest.Run r = MainTest.run("clv", "--transactions", file.toString(), "--format", "plain", "--calibration-end", "2024-06-30",
        "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: latin1.csv line 3 is not valid UTF-8 at byte 2").doesNotContain("Exception");
  }

  @Test
  void anAmountTheCurrencyCannotHoldIsABadRowNamingFileAndLine() throws IOException {
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, "customer,date,amount\nc1,2024-01-05,12.50\nc1,2024-02-05,12.505\n");
    MainTest.Run r = MainTest.run("clv", "--transactions", plain.toString(), "--format", "plain", "--calibration-end", "2024-06-30", "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: plain.csv line 3: amount 12.505 ").doesNotContain("Exception");

    Files.writeString(plain, "customer,date,amount\nc1,2024-01-05,12.50\nc1,2024-02-05,1e400\n");
    r = MainTest.run("clv", "--transactions", plain.toString(), "--format", "plain", "--calibration-end", "2024-06-30", "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: plain.csv line 3: amount '1e400' ").doesNotContain("Exception");

    Files.writeString(plain, "customer,date,amount\nc1,2024-01-05,90000000000000000\nc1,2024-01-05,90000000000000000\n");
    r = MainTest.run("clv", "--transactions", plain.toString(), "--format", "plain", "--calibration-end", "2024-06-30", "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: plain.csv line 3: ").doesNotContain("Exception").doesNotContain("c1");

    Path rows = dir.resolve("transactions.csv");
    Files.writeString(rows, "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,c1,2024-01-03T10:00:00Z,debit,10.00,card,pos\n"
        + "t2,c1,2024-02-03T10:00:00Z,debit,10.005,card,pos\n");
    r = MainTest.run("clv", "--transactions", rows.toString(), "--calibration-end", "2024-06-30", "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: transactions.csv line 3, field 'amount': ").doesNotContain("Exception");
  }

  @Test
  void aRowInAnotherCurrencyIsABadRow() throws IOException {
    Path file = dir.resolve("transactions.csv");
    Files.writeString(file, "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
        + "t1,c1,2024-01-03T10:00:00Z,debit,10.00,EUR,card,pos\n"
        + "t2,c1,2024-02-03T10:00:00Z,debit,20.00,USD,card,pos\n");
    MainTest.Run r = MainTest.run("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30", "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: transactions.csv line 3, field 'currency': 'USD' is not the run's currency EUR");
  }

  @Test
  void aPlainDateOutsideTheYears0001To9999IsBadDataNamingTheLine() throws IOException {
    Path file = dir.resolve("far.csv");
    Files.writeString(file, "customer,date,amount\nc1,2024-01-05,12.50\nc1,+999999999-02-05,3\n");
    MainTest.Run r = MainTest.run("clv", "--transactions", file.toString(), "--format", "plain", "--calibration-end", "2024-06-30");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("clm: bad data: far.csv line 3: date '+999999999-02-05' is outside the years 0001 to 9999\n");
  }

  @Test
  void aPurchaseInTheYear0000IsBadDataNamingTheLine() throws IOException {
    Path plain = dir.resolve("zero.txt");
    Files.writeString(plain, "customer,date,amount\nc1,2024-01-05,12.50\nc1,0000-03-01,3\nc1,2024-02-05,3\n");
    MainTest.Run r = MainTest.run("clv", "--transactions", plain.toString(), "--format", "plain", "--calibration-end", "2024-06-30");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("clm: bad data: zero.txt line 3: date '0000-03-01' is outside the years 0001 to 9999\n");
    Path csv = dir.resolve("zero.csv");
    Files.writeString(csv, "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
        + "t1,c1,2024-01-03T10:00:00Z,debit,10.00,EUR,card,pos\n"
        + "t2,c1,0000-02-03T10:00:00Z,debit,20.00,EUR,card,pos\n");
    r = MainTest.run("clv", "--transactions", csv.toString(), "--calibration-end", "2024-06-30", "--holdout-end", "2024-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("clm: bad data: zero.csv line 3, field 'timestamp': '0000-02-03T10:00:00Z' is outside the years 0001 to 9999\n");
  }

  @Test
  void aCalibrationEndBeforeEveryFirstPurchaseIsBadData() throws IOException {
    MainTest.Run r = MainTest.run("clv", "--transactions", cdnow().toString(), "--format", "plain", "--calibration-end", "1996-12-31",
        "--holdout-end", "1998-06-30");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("clm: bad data: no customer made a first purchase by the calibration end 1996-12-31\n");
  }

  @Test
  void readsAnalyzesTransactionSchema() throws IOException {
    Path file = dir.resolve("transactions.csv");
    Files.writeString(
        file,
        "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
            + "t1,c1,2024-01-03T10:00:00Z,debit,10.00,EUR,card,pos\n"
            + "t2,c1,2024-02-03T10:00:00Z,debit,20.00,EUR,card,pos\n"
            + "t3,c2,2024-01-10T10:00:00Z,debit,5.00,EUR,card,pos\n"
            + "t4,c1,2024-08-03T10:00:00Z,debit,7.00,EUR,card,pos\n");
    MainTest.Run r = MainTest.run("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30");
    // Read and summarised; two customers are too few for a likelihood with an interior maximum.
    assertThat(r.out()).contains("2 customers, calibration to 2024-06-30, hold-out to 2024-08-03").contains("BG/NBD      not fitted: bg/nbd fit ");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: no purchase model could be fitted: bg/nbd fit ");
  }

  /** In analyze's schema, columns clv does not read are named after the report, as analyze names them. */
  @Test
  void columnsNotReadAreNamed() throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("id,customer_id,timestamp,direction,amount,product,channel,Branch,ccy");
    List<String> plain = Files.readAllLines(cdnow(), StandardCharsets.UTF_8);
    for (int i = 1; i < plain.size(); i++) {
      String[] f = plain.get(i).split(",");
      LocalDate day = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE);
      rows.add("t" + i + ",C-" + f[0] + "," + day + "T12:00:00Z,debit," + f[2] + ",card,online,north,USD");
    }
    Path file = dir.resolve("cdnow-rows.csv");
    Files.write(file, rows, StandardCharsets.UTF_8);
    MainTest.Run r = MainTest.run("clv", "--transactions", file.toString(), "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Columns of cdnow-rows.csv not read: 'branch', 'ccy'\n");
    MainTest.Run plainRun = MainTest.run("clv", "--transactions", cdnow().toString(), "--format", "plain", "--calibration-end", "1997-09-30",
        "--holdout-end", "1998-06-30");
    assertThat(plainRun.out()).doesNotContain("not read");
  }

  /**
   * CDNOW in analyze's schema, with customer 0001 renamed to {@code x,"0001}: the report's tables,
   * the scores of a customer whose id needs quoting, and lifetime values over one period as long
   * as the hold-out, undiscounted and discounted.
   */
  @Test
  void reportsTheModelOfLowestAicAndQuotesIdsInTheScores() throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("id,customer_id,timestamp,direction,amount,product,channel");
    List<String> plain = Files.readAllLines(cdnow(), StandardCharsets.UTF_8);
    for (int i = 1; i < plain.size(); i++) {
      String[] f = plain.get(i).split(",");
      LocalDate day = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE);
      String customer = f[0].equals("0001") ? "\"x,\"\"0001\"" : f[0];
      rows.add("t" + i + "," + customer + "," + day + "T12:00:00Z,debit," + f[2] + ",card,online");
    }
    Path file = dir.resolve("cdnow-rows.csv");
    Files.write(file, rows, StandardCharsets.UTF_8);
    Path scores = dir.resolve("scores.csv");
    Path html = dir.resolve("clv.html");
    // One lifetime-value period as long as the hold-out (273 days, 39 weeks), undiscounted: each
    // customer's value is the expected spend times the expected hold-out transactions.
    String[] oneHoldOut = {"--clv-periods", "1", "--clv-period-days", "273"};
    MainTest.Run r = MainTest.run(clv(file, scores, "--html", html.toString(), "--discount-rate", "0", oneHoldOut[0], oneHoldOut[1],
        oneHoldOut[2], oneHoldOut[3]));
    assertThat(r.code()).as(r.err()).isZero();
    // Four parameters each: the highest log-likelihood has the lowest AIC, 8 - 2 LL.
    assertThat(r.out())
        .containsPattern("\n  BG/NBD      LL -9582\\.43  AIC 19172\\.8\\d  r [^\n]*\\d\n")
        .containsPattern("\n  MBG/NBD     LL -9582\\.14  AIC 19172\\.2\\d  r [^\n]*  \\(lowest AIC\\)\n")
        .containsPattern("\n  Pareto/NBD  LL -9594\\.98  AIC 19197\\.9\\d  r [^\n]*\\d\n")
        .containsPattern("\n  Gamma-Gamma LL -?\\d+\\.\\d\\d  p 6\\.250 ± 1\\.2, q 3\\.744 ± 0\\.29, gamma 15\\.44 ± 4\\.2  \\(946 repeat buyers\\)\n")
        .contains("in the 39.0-unit hold-out, by calibration frequency\n"
            + "  x      customers    actual      BG/NBD     MBG/NBD  Pareto/NBD\n"
            + "  0           1411     0.")
        .containsPattern("\n  7\\+  +\\d+ +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\d+\\.\\d{3}\n")
        .containsPattern("\n  total       2357      1882 +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d\n")
        .contains("Scores of 2357 customers (MBG/NBD) written to " + scores + "\n")
        .endsWith("HTML report written to " + html + "\n");
    List<String> lines = Files.readAllLines(scores, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2358);
    assertThat(lines.get(2357)).startsWith("\"x,\"\"0001\",2,30.4286,38.8571,22.35,1,");
    assertThat(lines.get(1)).startsWith("0002,");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");

    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double expectedSpend = Double.parseDouble(f[f.length - 2]);
      double expectedTransactions = Double.parseDouble(f[f.length - 3]);
      assertThat(expectedSpend).as(line).isPositive().isFinite();
      assertThat(Double.parseDouble(f[f.length - 1])).as(line).isCloseTo(expectedSpend * expectedTransactions,
          within(0.01 + 0.005 * expectedTransactions));
    }

    // Discounted at 25 % for the one period: every value is the undiscounted one divided by 1.25.
    MainTest.Run discounted = MainTest.run(clv(file, scores, "--discount-rate", "0.25", oneHoldOut[0], oneHoldOut[1], oneHoldOut[2],
        oneHoldOut[3]));
    assertThat(discounted.code()).as(discounted.err()).isZero();
    List<String> discountedLines = Files.readAllLines(scores, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String[] before = lines.get(i).split(",");
      String[] after = discountedLines.get(i).split(",");
      assertThat(Double.parseDouble(after[after.length - 1])).as(discountedLines.get(i))
          .isCloseTo(Double.parseDouble(before[before.length - 1]) / 1.25, within(0.01));
    }
  }

  private static String[] clv(Path file, Path scores, String... more) {
    List<String> args = new ArrayList<>(List.of("clv", "--transactions", file.toString(), "--calibration-end", "1997-09-30",
        "--holdout-end", "1998-06-30", "--currency", "USD", "--scores", scores.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
