package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published BG/NBD and Gamma-Gamma results on the CDNOW sample from the raw
 * transaction log (Fader, Hardie and Lee 2005; Fader and Hardie, the Gamma-Gamma note).
 */
class CdnowReproductionTest {

  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  /** The published summary is rounded to two decimals: half a unit of the last place, plus float noise. */
  private static final double HALF_CENT = 0.00501;

  private static List<CustomerSummary> summaries;

  @BeforeAll
  static void readLog() throws IOException {
    summaries = cdnowSummaries();
  }

  static List<CustomerSummary> cdnowSummaries() throws IOException {
    PurchaseLog log = new PurchaseLog(Money.currency("USD"));
    DateTimeFormatter format = DateTimeFormatter.BASIC_ISO_DATE;
    try (BufferedReader in = reader("/cdnow/CDNOW_sample.txt")) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 5) {
          continue;
        }
        log.add(CustomerId.of(f[1]), LocalDate.parse(f[2], format), Money.of(f[4], "USD"));
      }
    }
    return log.summarise(CALIBRATION_END, HOLDOUT_END, Duration.ofDays(7));
  }

  static BufferedReader reader(String resource) {
    return new BufferedReader(
        new InputStreamReader(
            Objects.requireNonNull(CdnowReproductionTest.class.getResourceAsStream(resource), resource),
            StandardCharsets.UTF_8));
  }

  @Test
  void summaryHasTheSamplesShape() {
    assertThat(summaries).hasSize(2357);
    assertThat(summaries.stream().filter(s -> s.history().frequency() > 0)).hasSize(946);
  }

  @Test
  void summaryMatchesThePublishedCalibrationSummary() throws IOException {
    Map<String, CustomerSummary> ours =
        summaries.stream().collect(Collectors.toMap(s -> String.valueOf(Integer.parseInt(s.customer().value())), Function.identity()));
    int rows = 0;
    try (BufferedReader in = reader("/cdnow/cdnow_customers_summary_with_transactions.csv")) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        CustomerSummary s = ours.get(f[0]);
        assertThat(s).as("customer %s", f[0]).isNotNull();
        assertThat(s.history().frequency()).as("x of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
        assertThat(s.history().recency()).as("t_x of %s", f[0]).isCloseTo(Double.parseDouble(f[2]), within(HALF_CENT));
        assertThat(s.history().age()).as("T of %s", f[0]).isCloseTo(Double.parseDouble(f[3]), within(HALF_CENT));
        assertThat(s.meanSpend()).as("zbar of %s", f[0]).isCloseTo(Double.parseDouble(f[4]), within(HALF_CENT));
        rows++;
      }
    }
    assertThat(rows).isEqualTo(2357);
  }

  @Test
  void bgNbdReproducesFaderHardieLee2005() {
    FittedModel<BgNbd> fit = BgNbd.fit(summaries.stream().map(CustomerSummary::history).collect(Collectors.toList()));
    BgNbd m = fit.model();
    // Half a unit of the last published digit (r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
    // LL = -9582.4).
    assertThat(m.r()).isCloseTo(0.243, within(0.0005));
    assertThat(m.alpha()).isCloseTo(4.414, within(0.0005));
    assertThat(m.a()).isCloseTo(0.793, within(0.0005));
    assertThat(m.b()).isCloseTo(2.426, within(0.0005));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    // The maximum itself, not only the published digits: the gradient there is zero, so the
    // log-likelihood cannot rise by moving any parameter by a relative 1e-4.
    BetaGeometricLikelihood likelihood = new BetaGeometricLikelihood(summaries.stream().map(CustomerSummary::history).collect(Collectors.toList()));
    double[] p = {m.r(), m.alpha(), m.a(), m.b()};
    for (int i = 0; i < 4; i++) {
      for (double factor : new double[] {1 - 1e-4, 1 + 1e-4}) {
        double[] q = p.clone();
        q[i] *= factor;
        assertThat(likelihood.at(q[0], q[1], q[2], q[3])).as("parameter %d times %s", i, factor).isLessThanOrEqualTo(fit.logLikelihood());
      }
    }
    assertThat(fit.observations()).isEqualTo(2357);
    assertThat(fit.groups()).isLessThan(2357);
  }

  @Test
  void fittingInDaysGivesTheSameModelInOtherUnits() throws IOException {
    // Only alpha carries the time unit: in days it is 7 times the weekly value; r, a and b do not
    // change, and the log-likelihood drops by ln 7 per repeat transaction (a density in time).
    List<PurchaseHistory> weeks = summaries.stream().map(CustomerSummary::history).collect(Collectors.toList());
    List<PurchaseHistory> days =
        weeks.stream()
            .map(h -> new PurchaseHistory(h.frequency(), Math.round(h.recency() * 7), Math.round(h.age() * 7)))
            .collect(Collectors.toList());
    FittedModel<BgNbd> inWeeks = BgNbd.fit(weeks);
    FittedModel<BgNbd> inDays = BgNbd.fit(days);
    long repeats = weeks.stream().mapToLong(PurchaseHistory::frequency).sum();
    assertThat(inDays.model().alpha()).isCloseTo(7 * inWeeks.model().alpha(), within(0.01 * 7));
    assertThat(inDays.model().r()).isCloseTo(inWeeks.model().r(), within(0.001));
    assertThat(inDays.model().a()).isCloseTo(inWeeks.model().a(), within(0.001));
    assertThat(inDays.model().b()).isCloseTo(inWeeks.model().b(), within(0.001));
    assertThat(inDays.logLikelihood()).isCloseTo(inWeeks.logLikelihood() - repeats * Math.log(7), within(0.01));
  }

  @Test
  void gammaGammaReproducesFaderHardie() {
    List<GammaGamma.Spend> spends = new ArrayList<>();
    for (CustomerSummary s : summaries) {
      s.spend().ifPresent(spends::add);
    }
    assertThat(spends).hasSize(946);
    GammaGamma m = GammaGamma.fit(spends).model();
    assertThat(m.p()).isCloseTo(6.25, within(0.05));
    assertThat(m.q()).isCloseTo(3.74, within(0.05));
    assertThat(m.gamma()).isCloseTo(15.44, within(0.05));
  }

  @Test
  void publishedParametersGiveThePublishedCustomerForecast() {
    BgNbd published = new BgNbd(0.243, 4.414, 0.793, 2.426);
    PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
    assertThat(published.expectedTransactions(h, 39)).isCloseTo(1.226, within(0.001));
    assertThat(published.probabilityAlive(h)).isCloseTo(0.7266, within(0.001));
  }

  @Test
  void logLikelihoodAtPublishedParametersIsThePublishedValue() {
    BgNbd published = new BgNbd(0.243, 4.414, 0.793, 2.426);
    double ll = published.logLikelihood(summaries.stream().map(CustomerSummary::history).collect(Collectors.toList()));
    assertThat(ll).isCloseTo(-9582.4, within(0.5));
  }
}
