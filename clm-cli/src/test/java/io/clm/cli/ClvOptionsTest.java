package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clm clv}'s options, readers and report on files of a few customers, too few for any model
 * to be fitted: what is read, refused and printed before the models.
 */
class ClvOptionsTest {
  /** Two customers: c1 buys twice in the calibration period and once in the hold-out, c2 once in the calibration period. */
  private static final String ROWS = "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
      + "t1,c1,2024-01-03T10:00:00Z,debit,10.00,EUR,card,pos\n"
      + "t2,c1,2024-02-03T10:00:00Z,debit,20.00,eur,card,pos\n"
      + "t3,c2,2024-01-10T10:00:00Z,debit,5.00,EUR,card,pos\n"
      + "t4,c1,2024-08-03T10:00:00Z,debit,7.00,EUR,card,pos\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static MainTest.Run clv(Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("clv", "--transactions", file.toString(), "--calibration-end", "2024-06-30"));
    args.addAll(List.of(more));
    return MainTest.run(args.toArray(String[]::new));
  }

  /** The hold-out table worked out by hand: c2 made no repeat purchase and none in the hold-out, c1 one of each. */
  @Test
  void theHoldOutTableCountsCustomersByCalibrationFrequency() throws IOException {
    MainTest.Run r = clv(file("tx.csv", ROWS));
    assertThat(r.out())
        .startsWith("Customer-base analysis: 2 customers, calibration to 2024-06-30, hold-out to 2024-08-03, time unit 7 days\n\n"
            + "Purchase models (parameter ± standard error):\n")
        .contains("Hold-out check: repeat transactions per customer in the 4.9-unit hold-out, by calibration frequency\n"
            + "  x      customers    actual\n"
            + "  0              1     0.000\n"
            + "  1              1     1.000\n"
            + "  total          2         1\n\n");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void theTimeUnitAndTheHoldOutEndAreTheUsers() throws IOException {
    MainTest.Run r = clv(file("tx.csv", ROWS), "--period-days", "1", "--holdout-end", "2024-08-10");
    assertThat(r.out()).contains("hold-out to 2024-08-10, time unit 1 days\n")
        .contains("in the 41.0-unit hold-out");
  }

  /** Only customers who bought again in the calibration period tell the spend model anything. */
  @Test
  void withoutRepeatBuyersTheSpendModelIsNotFitted() throws IOException {
    MainTest.Run r = clv(file("once.csv", "customer,date,amount\nc1,2024-01-05,12.50\nc2,2024-02-05,3\nc1,2024-08-05,4\n"),
        "--format", "plain");
    assertThat(r.out()).contains("  Gamma-Gamma not fitted: no repeat buyers\n\nHold-out check: ");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: no purchase model could be fitted: ");
  }

  @Test
  void theFormatFollowsTheExtensionUnlessGiven() throws IOException {
    assertThat(clv(file("TX.CSV", ROWS)).out()).startsWith("Customer-base analysis: 2 customers");
    String jsonl = "{\"id\":\"t1\",\"customer_id\":\"c1\",\"timestamp\":\"2024-01-03T10:00:00Z\",\"direction\":\"debit\","
        + "\"amount\":\"10.00\",\"product\":\"card\",\"channel\":\"pos\"}\n"
        + "{\"id\":\"t2\",\"customer_id\":\"c2\",\"timestamp\":\"2024-07-03T10:00:00Z\",\"direction\":\"debit\","
        + "\"amount\":\"10.00\",\"product\":\"card\",\"channel\":\"pos\"}\n";
    assertThat(clv(file("tx.txt", jsonl)).out()).startsWith("Customer-base analysis: 1 customers, calibration to 2024-06-30, hold-out to 2024-07-03");
    assertThat(clv(file("rows.txt", ROWS), "--format", "csv").out()).startsWith("Customer-base analysis: 2 customers");
    assertThat(clv(file("plain.csv", "customer,date,amount\nc1,20240105,12.50\n\nc2,2024-02-05,3\n  \nc1,2024-07-05,4\n"), "--format", "plain").out())
        .startsWith("Customer-base analysis: 2 customers, calibration to 2024-06-30, hold-out to 2024-07-05");
    assertThat(clv(file("x.csv", ROWS), "--format", "xml"))
        .isEqualTo(new MainTest.Run(2, "", "clm: clv: --format 'xml' is not csv, jsonl or plain\nRun 'clm clv --help' for usage.\n"));
  }

  @Test
  void purchasesOnOneDayAreOneTransaction() throws IOException {
    MainTest.Run r = clv(file("days.csv", "customer,date,amount\nc1,2024-01-05,1\nc1,2024-01-05,2\nc1,2024-02-05,3\n"
        + "c2,2024-01-07,3\nc1,2024-07-05,4\nc1,2024-07-05,5\n"), "--format", "plain");
    assertThat(r.out()).contains("  1              1     1.000\n").contains("  total          2         1\n");
  }

  @Test
  void theOptionsAreChecked() throws IOException {
    Path tx = file("tx.csv", ROWS);
    assertThat(clv(tx, "--currency", "EURO"))
        .isEqualTo(new MainTest.Run(2, "", "clm: clv: --currency: currency 'EURO' is not an ISO 4217 code\nRun 'clm clv --help' for usage.\n"));
    assertThat(clv(tx, "--holdout-end", "2024-06-30")).isEqualTo(new MainTest.Run(2, "",
        "clm: clv: --holdout-end 2024-06-30 is not after --calibration-end 2024-06-30\nRun 'clm clv --help' for usage.\n"));
    assertThat(clv(tx, "--holdout-end", "2024-07-01").code()).isEqualTo(1);
    assertThat(MainTest.run("clv", "--calibration-end", "2024-06-30"))
        .isEqualTo(new MainTest.Run(2, "", "clm: clv: --transactions is required\nRun 'clm clv --help' for usage.\n"));
    assertThat(clv(tx, "--discount-rate", "ten")).isEqualTo(new MainTest.Run(2, "",
        "clm: clv: --discount-rate 'ten' is not a number\nRun 'clm clv --help' for usage.\n"));
    for (String outside : new String[] {"-0.001", "10", "NaN", "Infinity"}) {
      assertThat(clv(tx, "--discount-rate", outside)).as(outside).isEqualTo(new MainTest.Run(2, "",
          "clm: clv: --discount-rate " + outside + " is outside 0..10\nRun 'clm clv --help' for usage.\n"));
    }
    for (String inside : new String[] {"0", "9.99"}) {
      // Accepted: the run goes on to the models, which two customers cannot fit.
      assertThat(clv(tx, "--discount-rate", inside).code()).as(inside).isEqualTo(1);
    }
    MainTest.Run help = MainTest.run("clv", "--help");
    assertThat(help.out()).startsWith("Usage: clm clv --transactions FILE --calibration-end DATE [options]\n")
        .contains("Fits BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma");
  }

  @Test
  void aFileWithoutPurchasesIsBadData() throws IOException {
    assertThat(clv(file("empty.csv", "customer,date,amount\n\n"), "--format", "plain"))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: empty.csv has no transactions\n"));
    assertThat(clv(file("none.csv", "id,customer_id,timestamp,direction,amount,product,channel\n")))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: none.csv has no transactions\n"));
  }

  @Test
  void theLinesOfAPlainFileAreChecked() throws IOException {
    assertThat(clv(file("blank.csv", ""), "--format", "plain"))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: blank.csv line 1: the header is not 'customer,date,amount'\n"));
    assertThat(clv(file("head.csv", "customer;date;amount\nc1;2024-01-05;1\n"), "--format", "plain"))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: head.csv line 1: the header is not 'customer,date,amount'\n"));
    assertThat(clv(file("case.csv", " Customer,Date,AMOUNT \nc1,2024-01-05,1\nc1,2024-07-05,1\n"), "--format", "plain").out())
        .startsWith("Customer-base analysis: 1 customers");
    assertThat(clv(file("two.csv", "customer,date,amount\nc1,2024-01-05,1\nc1,2024-01-06\n"), "--format", "plain"))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: two.csv line 3: 2 fields, expected customer,date,amount\n"));
    assertThat(clv(file("four.csv", "customer,date,amount\nc1,2024-01-05,1,2\n"), "--format", "plain"))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: four.csv line 2: 4 fields, expected customer,date,amount\n"));
    assertThat(clv(file("minus.csv", "customer,date,amount\nc1,2024-01-05,-3.50\n"), "--format", "plain"))
        .isEqualTo(new MainTest.Run(1, "", "clm: bad data: minus.csv line 2: amount -3.50 is negative\n"));
    assertThat(clv(file("zero.csv", "customer,date,amount\nc1,2024-01-05,0\nc1,2024-07-05,1\n"), "--format", "plain").out())
        .startsWith("Customer-base analysis: 1 customers");
    MainTest.Run ten = clv(file("ten.csv", "customer,date,amount\nc1,2024-01-05,ten\n"), "--format", "plain");
    assertThat(ten.code()).isEqualTo(1);
    assertThat(ten.err()).startsWith("clm: bad data: ten.csv line 2: ").contains("'ten'");
    MainTest.Run nobody = clv(file("nobody.csv", "customer,date,amount\n ,2024-01-05,1\n"), "--format", "plain");
    assertThat(nobody.code()).isEqualTo(1);
    assertThat(nobody.err()).startsWith("clm: bad data: nobody.csv line 2: customer: ");
  }

  @Test
  void aDayWhosePurchasesAddUpToMoreThanTheCurrencyHoldsIsBadData() throws IOException {
    MainTest.Run r = clv(file("big.csv", "customer,date,amount\nc1,2024-01-05,90000000000000000\nc1,2024-01-05,90000000000000000\n"),
        "--format", "plain");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("clm: bad data: big.csv line 3: amount 90000000000000000 makes the customer's purchases on 2024-01-05 "
        + "too large to add up: ");
  }

  @Test
  void aNegativeAmountInAnalyzesSchemaIsABadRow() throws IOException {
    MainTest.Run r = clv(file("tx.csv", "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,c1,2024-01-03T10:00:00Z,debit,10.00,card,pos\n"
        + "t2,c1,2024-02-03T10:00:00Z,debit,-0.01,card,pos\n"));
    assertThat(r).isEqualTo(new MainTest.Run(1, "", "clm: bad data: tx.csv line 3, field 'amount': -0.01 is negative\n"));
  }
}
