package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeValueTest {

  private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426);
  private static final GammaGamma GG = new GammaGamma(6.25, 3.74, 15.44);
  private static final LifetimeValue CLV = new LifetimeValue(BG, GG);

  @Test
  void negativeDiscountRateIsRejected() {
    assertThatThrownBy(() -> new ValueHorizon(12, 4.33, -0.01))
        .isInstanceOf(ValidationException.class)
        .hasMessage("discountRate -0.01 is negative or not finite");
    assertThatThrownBy(() -> new ValueHorizon(0, 4.33, 0.01))
        .isInstanceOf(ValidationException.class)
        .hasMessage("periods 0 is outside 1..10000");
    assertThatThrownBy(() -> new ValueHorizon(1, 0, 0.01))
        .isInstanceOf(ValidationException.class)
        .hasMessage("periodLength 0.0 is not a positive finite number");
  }

  @Test
  void undiscountedValueIsExpectedSpendTimesExpectedTransactions() {
    PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
    double value = CLV.of(h, 22.35, new ValueHorizon(3, 13, 0));
    assertThat(value).isCloseTo(GG.expectedSpend(2, 22.35) * BG.expectedTransactions(h, 39), within(1e-9));
  }

  @Test
  void expectedSpendShrinksTheCustomersMeanTowardsThePopulationMean() {
    // p (gamma + x m) / (p x + q - 1) with the published parameters.
    assertThat(GG.expectedSpend(2, 22.35)).isCloseTo(6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1), within(1e-12));
    assertThat(GG.expectedSpend(0, 0)).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
  }

  @Test
  void scoringAPopulationAgreesWithOneByOne() {
    List<CustomerSummary> customers =
        List.of(
            new CustomerSummary(CustomerId.of("a"), new PurchaseHistory(2, 30.43, 38.86), 22.35, 0),
            new CustomerSummary(CustomerId.of("b"), new PurchaseHistory(2, 30.43, 38.86), 40.00, 0),
            new CustomerSummary(CustomerId.of("c"), new PurchaseHistory(0, 0, 38.86), 0, 0));
    ValueHorizon horizon = new ValueHorizon(12, 52.0 / 12, 0.01);
    List<CustomerValue> scored = CLV.score(customers, horizon);
    for (int i = 0; i < customers.size(); i++) {
      CustomerSummary c = customers.get(i);
      CustomerValue v = scored.get(i);
      assertThat(v.customer()).isEqualTo(c.customer());
      assertThat(v.probabilityAlive()).isEqualTo(BG.probabilityAlive(c.history()));
      assertThat(v.expectedTransactions()).isCloseTo(BG.expectedTransactions(c.history(), 52), within(1e-12));
      assertThat(v.lifetimeValue()).isCloseTo(CLV.of(c.history(), c.meanSpend(), horizon), within(1e-9));
    }
    assertThatThrownBy(() -> CLV.score(List.of(), horizon))
        .isInstanceOf(ValidationException.class)
        .hasMessage("population is empty");
  }

  @Test
  void gammaGammaRejectsBadInput() {
    assertThatThrownBy(() -> GammaGamma.fit(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("population has no repeat buyers");
    assertThatThrownBy(() -> new GammaGamma.Spend(0, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("frequency 0 is below 1: only repeat buyers have a mean spend");
    assertThatThrownBy(() -> new GammaGamma(1, 0.5, 1).expectedSpend(0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("expected spend does not exist: p x + q - 1 = -0.5 is not positive");
  }

  @Test
  void deltaMethodOfAParameterIsItsOwnStandardError() throws Exception {
    List<PurchaseHistory> cdnow = CdnowReproductionTest.cdnowSummaries().stream().map(CustomerSummary::history).toList();
    FittedModel<BgNbd> fit = BgNbd.fit(cdnow);
    Interval alpha = fit.interval(BgNbd::alpha, 0.95);
    assertThat(alpha.estimate()).isEqualTo(fit.model().alpha());
    assertThat(alpha.standardError()).isCloseTo(fit.parameter("alpha").standardError(), within(1e-6));
    assertThat(alpha.lower()).isCloseTo(fit.parameter("alpha").lower(), within(1e-6));
    PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
    Interval next = fit.interval(m -> m.expectedTransactions(h, 39), 0.90);
    assertThat(next.estimate()).isCloseTo(1.226, within(0.001));
    assertThat(next.lower()).isLessThan(next.estimate());
    assertThat(next.upper()).isGreaterThan(next.estimate());
    assertThat(next.level()).isEqualTo(0.90);
  }

  @Test
  void lifetimeValueIntervalCombinesBothFits() throws Exception {
    List<CustomerSummary> cdnow = CdnowReproductionTest.cdnowSummaries();
    FittedModel<ParetoNbd> purchases = ParetoNbd.fit(cdnow.stream().map(CustomerSummary::history).toList());
    FittedModel<GammaGamma> spend = GammaGamma.fit(cdnow.stream().flatMap(c -> c.spend().stream()).toList());
    PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
    ValueHorizon year = new ValueHorizon(12, 52.0 / 12, 0.01);
    Interval value = LifetimeValue.interval(purchases, spend, h, 22.35, year, 0.95);
    double point = new LifetimeValue(purchases.model(), spend.model()).of(h, 22.35, year);
    assertThat(value.estimate()).isEqualTo(point);
    Interval purchaseOnly = purchases.interval(m -> new LifetimeValue(m, spend.model()).of(h, 22.35, year), 0.95);
    assertThat(value.standardError()).isGreaterThan(purchaseOnly.standardError());
    assertThat(value.lower()).isGreaterThan(0).isLessThan(point);
    assertThatThrownBy(() -> LifetimeValue.interval(purchases, spend, h, 22.35, year, 1.0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("level 1.0 is not strictly between 0 and 1");
  }

  @Test
  void columnsScoreAsTheRecordsDo() throws Exception {
    List<CustomerSummary> cdnow = CdnowReproductionTest.cdnowSummaries();
    int n = cdnow.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = cdnow.get(i).history().frequency();
      tx[i] = cdnow.get(i).history().recency();
      t[i] = cdnow.get(i).history().age();
      m[i] = cdnow.get(i).meanSpend();
    }
    ValueHorizon year = new ValueHorizon(12, 52.0 / 12, 0.01);
    PortfolioScores columns = CLV.scoreColumns(x, tx, t, m, year);
    List<CustomerValue> records = CLV.score(cdnow, year);
    assertThat(columns.size()).isEqualTo(n);
    assertThat(columns.evaluations()).isLessThan(n / 2).isPositive();
    for (int i = 0; i < n; i++) {
      assertThat(columns.probabilityAlive(i)).isEqualTo(records.get(i).probabilityAlive());
      assertThat(columns.expectedTransactions(i)).isCloseTo(records.get(i).expectedTransactions(), within(1e-12));
      assertThat(columns.expectedSpend(i)).isCloseTo(records.get(i).expectedSpend(), within(1e-9));
      assertThat(columns.lifetimeValue(i)).isCloseTo(records.get(i).lifetimeValue(), within(1e-9));
    }
  }

  @Test
  void badColumnsAreRejectedNamingTheRow() {
    ValueHorizon year = new ValueHorizon(12, 52.0 / 12, 0.01);
    assertThatThrownBy(() -> CLV.scoreColumns(new int[] {1, 2}, new double[] {1, 0}, new double[] {5, 5}, new double[] {1, 1}, year))
        .isInstanceOf(ValidationException.class)
        .hasMessage("row 1: history (frequency 2, recency 0.0, age 5.0) with meanSpend 1.0 is not valid");
    assertThatThrownBy(() -> CLV.scoreColumns(new int[] {1}, new double[] {1, 0}, new double[] {5}, new double[] {1}, year))
        .isInstanceOf(ValidationException.class)
        .hasMessage("columns differ in length: frequency 1, recency 2, age 1, meanSpend 1");
  }
}
