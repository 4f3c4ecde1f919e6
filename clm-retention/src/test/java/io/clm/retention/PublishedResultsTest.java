package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each model reproduces its published parameters and log-likelihood. Tolerances are half a unit of
 * the last published digit, widened where the published data were rounded (the CDNOW summary is
 * published to two decimals).
 */
class PublishedResultsTest {

  private static List<PurchaseHistory> cdnow;

  @BeforeAll
  static void read() throws IOException {
    cdnow = CdnowReproductionTest.cdnowSummaries().stream().map(CustomerSummary::history).collect(Collectors.toList());
  }

  static Map<OpportunityHistory, Integer> donations() throws IOException {
    Map<OpportunityHistory, Integer> out = new LinkedHashMap<>();
    try (BufferedReader in = CdnowReproductionTest.reader("/cdnow/donations.csv")) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        out.put(
            new OpportunityHistory(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])),
            Integer.parseInt(f[3]));
      }
    }
    return out;
  }

  @Test
  void paretoNbdReproducesFaderHardieLee2005() {
    FittedModel<ParetoNbd> fit = ParetoNbd.fit(cdnow);
    ParetoNbd m = fit.model();
    assertThat(m.r()).isCloseTo(0.553, within(0.0005));
    assertThat(m.alpha()).isCloseTo(10.578, within(0.0015));
    assertThat(m.s()).isCloseTo(0.606, within(0.0005));
    assertThat(m.beta()).isCloseTo(11.669, within(0.0015));
    assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.05));
    // CLVTools' correctness tests: standard errors 0.0476264, 0.8427222, 0.1872594, 6.2105448.
    assertThat(fit.parameter("r").standardError()).isCloseTo(0.0476264, within(0.0005));
    assertThat(fit.parameter("alpha").standardError()).isCloseTo(0.8427222, within(0.008));
    assertThat(fit.parameter("s").standardError()).isCloseTo(0.1872594, within(0.002));
    assertThat(fit.parameter("beta").standardError()).isCloseTo(6.2105448, within(0.06));
  }

  @Test
  void mbgNbdReproducesBtydPlus() {
    FittedModel<MbgNbd> fit = MbgNbd.fit(cdnow);
    MbgNbd m = fit.model();
    assertThat(m.r()).isCloseTo(0.525, within(0.0005));
    assertThat(m.alpha()).isCloseTo(6.183, within(0.0015));
    assertThat(m.a()).isCloseTo(0.891, within(0.0005));
    assertThat(m.b()).isCloseTo(1.614, within(0.0015));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.13, within(0.01));
    // A one-time buyer is not certainly alive in the MBG/NBD.
    assertThat(m.probabilityAlive(new PurchaseHistory(0, 0, 39))).isBetween(0.0, 0.99);
  }

  @Test
  void bgNbdStandardErrorsMatchLifetimes() {
    // The lifetimes documentation's summary of the CDNOW fit: 0.01, 0.38, 0.19, 0.71 (two decimals).
    FittedModel<BgNbd> fit = BgNbd.fit(cdnow);
    assertThat(fit.parameter("r").standardError()).isCloseTo(0.01, within(0.005));
    assertThat(fit.parameter("alpha").standardError()).isCloseTo(0.38, within(0.005));
    assertThat(fit.parameter("a").standardError()).isCloseTo(0.19, within(0.005));
    assertThat(fit.parameter("b").standardError()).isCloseTo(0.71, within(0.005));
    ParameterEstimate r = fit.parameter("r");
    assertThat(r.lower()).isLessThan(r.value());
    assertThat(r.upper()).isGreaterThan(r.value());
    // The log-scale interval: value · e^(±1.96 se/value).
    assertThat(r.upper() / r.value()).isCloseTo(Math.exp(1.959963984540054 * r.standardError() / r.value()), within(1e-9));
  }

  @Test
  void bgBbReproducesFaderHardieShen2010() throws IOException {
    FittedModel<BgBb> fit = BgBb.fit(donations());
    BgBb m = fit.model();
    assertThat(fit.observations()).isEqualTo(11_104);
    assertThat(m.alpha()).isCloseTo(1.204, within(0.0005));
    assertThat(m.beta()).isCloseTo(0.750, within(0.0005));
    assertThat(m.gamma()).isCloseTo(0.657, within(0.0005));
    assertThat(m.delta()).isCloseTo(2.783, within(0.0015));
    assertThat(fit.logLikelihood()).isCloseTo(-33_225.58, within(0.01));
  }

  @Test
  void bgBbPredictionsMatchTheClosedFormsInHighPrecision() {
    // mpmath references from reference_values.py at the published parameters.
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783);
    assertThat(m.probabilityAlive(new OpportunityHistory(0, 0, 6))).isCloseTo(0.10801658416867419098, within(1e-13));
    assertThat(m.probabilityAlive(new OpportunityHistory(3, 4, 6))).isCloseTo(0.43946285705575647465, within(1e-13));
    assertThat(m.probabilityAlive(new OpportunityHistory(6, 6, 6))).isCloseTo(0.93040254237288135253, within(1e-13));
    assertThat(m.expectedTransactions(new OpportunityHistory(0, 0, 6), 5)).isCloseTo(0.072802877475043007098, within(1e-13));
    assertThat(m.expectedTransactions(new OpportunityHistory(3, 4, 6), 5)).isCloseTo(1.0342284984211044496, within(1e-12));
    assertThat(m.expectedTransactions(new OpportunityHistory(6, 6, 6), 5)).isCloseTo(3.7521156075998147157, within(1e-12));
    // A new customer's expectation is the conditional one with no opportunity observed.
    assertThat(m.expectedTransactionsOfNewCustomer(6)).isCloseTo(m.expectedTransactions(new OpportunityHistory(0, 0, 0), 6), within(1e-12));
  }

  @Test
  void shiftedBetaGeometricReproducesFaderHardie2007() {
    FittedModel<ShiftedBetaGeometric> high = ShiftedBetaGeometric.fit(new int[] {1000, 869, 743, 653, 593, 551, 517, 491});
    assertThat(high.model().alpha()).isCloseTo(0.668, within(0.0005));
    assertThat(high.model().beta()).isCloseTo(3.806, within(0.0005));
    assertThat(high.logLikelihood()).isCloseTo(-1611.16, within(0.005));
    FittedModel<ShiftedBetaGeometric> regular = ShiftedBetaGeometric.fit(new int[] {1000, 631, 468, 382, 326, 289, 262, 241});
    assertThat(regular.model().alpha()).isCloseTo(0.704, within(0.0005));
    assertThat(regular.model().beta()).isCloseTo(1.182, within(0.0005));
    assertThat(regular.logLikelihood()).isCloseTo(-1680.27, within(0.005));
  }

  @Test
  void shiftedBetaGeometricProjectsRetentionAndResidualLifetime() {
    ShiftedBetaGeometric high = new ShiftedBetaGeometric(0.668, 3.806);
    // Retention rises with tenure: r_t = (β + t − 1)/(α + β + t − 1).
    assertThat(high.retentionRate(1)).isCloseTo(3.806 / 4.474, within(1e-15));
    assertThat(high.retentionRate(12)).isCloseTo(14.806 / 15.474, within(1e-15));
    // S(t) is the product of the retention rates, checked by the recursion for years 1 to 12.
    double survival = 1;
    for (int t = 1; t <= 12; t++) {
      survival *= (3.806 + t - 1) / (0.668 + 3.806 + t - 1);
      assertThat(high.survival(t)).isCloseTo(survival, within(1e-13));
      assertThat(high.churnProbability(t)).isCloseTo(high.survival(t - 1) - high.survival(t), within(1e-13));
    }
    // DERL against the direct discounted sum of survival ratios in mpmath.
    assertThat(high.discountedExpectedResidualLifetime(0.10, 0)).isCloseTo(5.4148560483740402365, within(1e-11));
    assertThat(high.discountedExpectedResidualLifetime(0.10, 4)).isCloseTo(6.8970573977460904478, within(1e-11));
    assertThat(new ShiftedBetaGeometric(0.704, 1.182).discountedExpectedResidualLifetime(0.10, 0))
        .isCloseTo(2.9646621461320315172, within(1e-11));
  }
}
