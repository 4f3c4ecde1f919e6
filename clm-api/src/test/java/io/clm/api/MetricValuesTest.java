package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.MetricsSnapshot.ComplaintRecord;
import io.clm.api.MetricsSnapshot.ProductActivity;
import io.clm.api.MetricsSnapshot.WindowVolume;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every metric of one customer whose facts are written out by hand, with the values worked out by hand. */
class MetricValuesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final long DAY = Metric.DAY_MILLIS;
  private static final Instant FIRST_SEEN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final long WINDOW = 10 * DAY;
  /** The trend window {@link #NOW} falls in. */
  private static final long W = Math.floorDiv(NOW.toEpochMilli(), WINDOW);

  private static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  private static MetricsSnapshot.Builder facts() {
    return MetricsSnapshot.builder(EUR, FIRST_SEEN)
        .transactions(ProductType.CARD, Direction.DEBIT, 3, 12_000)
        .transactions(ProductType.CARD, Direction.CREDIT, 1, 3_000)
        .transactions(ProductType.LOAN, Direction.DEBIT, 1, 20_000)
        .transactions(ProductType.LOAN, Direction.DEBIT, 1, 30_000)
        .digitalTransactions(3)
        .transactedBetween(day("2026-01-10"), day("2026-02-20"))
        .stage(day("2026-02-01"), 2)
        .trendWindowMillis(WINDOW)
        .windowVolume(W, 5_000)
        .windowVolume(W - 2, 10_000)
        .windowVolume(W - 1, 40_000)
        .products(ProductType.CARD, 2, 1)
        .products(ProductType.LOAN, 1, 0)
        .products(ProductType.DEPOSIT, 1, 1)
        .interactions(4, day("2026-02-25"))
        .survey(day("2026-01-15"), 6)
        .survey(day("2026-01-25"), 8)
        .survey(day("2026-02-15"), 4)
        .complaint("C3", Severity.NORMAL, false)
        .complaint("C1", Severity.URGENT, null)
        .complaint("C2", Severity.NORMAL, true)
        .complaint("C4", Severity.NORMAL, null)
        .attribute(Attribute.TOTAL_BUSINESS, new BigDecimal("1300"), FIRST_SEEN)
        .attribute(Attribute.REVENUE, new BigDecimal("250"), FIRST_SEEN)
        .attribute(Attribute.COST_TO_SERVE, new BigDecimal("400"), FIRST_SEEN)
        .attribute(Attribute.CREDIT_SCORE, new BigDecimal("700"), FIRST_SEEN)
        .attribute(Attribute.SCALE, new BigDecimal("1000000"), FIRST_SEEN)
        .attribute(Attribute.COMPETITOR_ATTENTION, new BigDecimal("0.25"), FIRST_SEEN)
        .attribute(Attribute.PRICE_SENSITIVITY, new BigDecimal("0.75"), FIRST_SEEN)
        .attribute(Attribute.DECISION_TIME_DAYS, new BigDecimal("3"), FIRST_SEEN)
        .attribute(Attribute.INCIDENT_TOLERANCE, new BigDecimal("0.5"), FIRST_SEEN)
        .consent(Purpose.MARKETING, true, FIRST_SEEN)
        .relationshipClosed(day("2026-02-26"), true);
  }

  /** The values, worked out from {@link #facts()} by hand. */
  private static Map<Metric, Double> expected() {
    Map<Metric, Double> e = new EnumMap<>(Metric.class);
    e.put(Metric.TRANSACTION_COUNT, 6.0);
    e.put(Metric.DEBIT_COUNT, 5.0);
    e.put(Metric.CREDIT_COUNT, 1.0);
    e.put(Metric.TRANSACTION_VOLUME, 650.0);
    e.put(Metric.DEBIT_VOLUME, 620.0);
    e.put(Metric.CREDIT_VOLUME, 30.0);
    e.put(Metric.AVERAGE_TRANSACTION, 650.0 / 6);
    e.put(Metric.DIGITAL_SHARE, 0.5);
    e.put(Metric.DAYS_SINCE_LAST_TRANSACTION, 9.0);
    e.put(Metric.TENURE_DAYS, 50.0);
    e.put(Metric.DAYS_SINCE_FIRST_SEEN, 59.0);
    e.put(Metric.DAYS_IN_STAGE, 28.0);
    e.put(Metric.TRANSACTIONS_IN_STAGE, 2.0);
    e.put(Metric.RECENT_VOLUME, 400.0);
    e.put(Metric.PREVIOUS_VOLUME, 100.0);
    e.put(Metric.VOLUME_TREND, 3.0);
    e.put(Metric.PRODUCTS_HELD, 2.0);
    e.put(Metric.PRODUCT_TYPES_HELD, 2.0);
    e.put(Metric.PRODUCTS_CLOSED, 2.0);
    e.put(Metric.INTERACTION_COUNT, 4.0);
    e.put(Metric.AVERAGE_SATISFACTION, 6.0);
    e.put(Metric.LAST_SATISFACTION, 4.0);
    e.put(Metric.SATISFACTION_CHANGE, -3.0);
    e.put(Metric.TOTAL_COMPLAINTS, 4.0);
    e.put(Metric.OPEN_COMPLAINTS, 2.0);
    e.put(Metric.OPEN_URGENT_COMPLAINTS, 1.0);
    e.put(Metric.ACCEPTED_RESOLUTIONS, 1.0);
    e.put(Metric.SHARE_OF_WALLET, 0.5);
    e.put(Metric.PROFIT, -150.0);
    e.put(Metric.REVENUE, 250.0);
    e.put(Metric.COST_TO_SERVE, 400.0);
    e.put(Metric.CREDIT_SCORE, 700.0);
    e.put(Metric.SCALE, 1_000_000.0);
    e.put(Metric.COMPETITOR_ATTENTION, 0.25);
    e.put(Metric.PRICE_SENSITIVITY, 0.75);
    e.put(Metric.DECISION_TIME_DAYS, 3.0);
    e.put(Metric.INCIDENT_TOLERANCE, 0.5);
    e.put(Metric.RELATIONSHIP_CLOSED, 1.0);
    return e;
  }

  @Test
  void everyMetricOfAKnownCustomer() {
    MetricsSnapshot m = facts().build();
    Map<Metric, Double> expected = expected();
    assertThat(expected.keySet()).containsExactly(Metric.values());
    for (Metric metric : Metric.values()) {
      assertThat(metric.valueOf(m, NOW.toEpochMilli())).as(metric.name()).isCloseTo(expected.get(metric), within(1e-9));
      assertThat(expected.get(metric)).as(metric.name()).isBetween(metric.range().min(), metric.range().max());
    }
  }

  @Test
  void theSnapshotAnswersEveryFactItHolds() {
    MetricsSnapshot m = facts().build();
    assertThat(m.firstSeen()).isEqualTo(FIRST_SEEN.toEpochMilli());
    assertThat(m.transactionCount(ProductType.CARD, Direction.DEBIT)).isEqualTo(3);
    assertThat(m.transactionCount(ProductType.CARD, Direction.CREDIT)).isEqualTo(1);
    assertThat(m.transactionCount(ProductType.LOAN, Direction.DEBIT)).isEqualTo(2);
    assertThat(m.transactionCount(ProductType.DEPOSIT, Direction.DEBIT)).isZero();
    assertThat(m.transactionMinor(ProductType.LOAN, Direction.DEBIT)).isEqualTo(50_000);
    assertThat(m.transactionMinor(ProductType.CARD, Direction.CREDIT)).isEqualTo(3_000);
    assertThat(m.transactionMinor(ProductType.DEPOSIT, Direction.CREDIT)).isZero();
    assertThat(m.digitalTransactionCount()).isEqualTo(3);
    assertThat(m.windowVolumeMinor(W)).isEqualTo(5_000);
    assertThat(m.windowVolumeMinor(W - 3)).isZero();
    assertThat(m.windows()).extracting(WindowVolume::window).containsExactly(W - 2, W - 1, W);
    assertThat(m.productsOpened(ProductType.CARD)).isEqualTo(2);
    assertThat(m.productsClosed(ProductType.CARD)).isEqualTo(1);
    assertThat(m.productsOpened(ProductType.INSURANCE)).isZero();
    assertThat(m.productsClosed(ProductType.INSURANCE)).isZero();
    assertThat(m.interactionCount()).isEqualTo(4);
    assertThat(m.lastInteraction()).isEqualTo(day("2026-02-25").toEpochMilli());
    assertThat(m.surveyCount()).isEqualTo(3);
    assertThat(m.satisfactionSum()).isEqualTo(18);
    assertThat(m.lastSatisfaction()).isEqualTo(4);
    assertThat(m.lastSurveyAt()).isEqualTo(day("2026-02-15").toEpochMilli());
    assertThat(m.complaintsOpened()).isEqualTo(4);
    assertThat(m.openComplaints()).isEqualTo(2);
    assertThat(m.openUrgentComplaints()).isEqualTo(1);
    assertThat(m.acceptedResolutions()).isEqualTo(1);
    assertThat(m.rejectedResolutions()).isEqualTo(1);
    assertThat(m.complaints()).extracting(ComplaintRecord::complaintId).containsExactly("C1", "C2", "C3", "C4");
    assertThat(m.consents(Purpose.MARKETING)).isTrue();
    assertThat(m.consents(Purpose.PROFILING)).isFalse();
    assertThat(MetricsSnapshot.builder(EUR, FIRST_SEEN).consent(Purpose.PROFILING, false, NOW).build()
        .consents(Purpose.PROFILING)).isFalse();
    assertThat(m.attribute(Attribute.VULNERABLE)).isNaN();
    assertThat(m.toString()).isEqualTo("MetricsSnapshot[transactions=6, complaints=4, values redacted]");
  }

  @Test
  void undefinedMetricsAreNaN() {
    MetricsSnapshot empty = MetricsSnapshot.builder(EUR, FIRST_SEEN).build();
    long now = NOW.toEpochMilli();
    for (Metric metric : List.of(Metric.AVERAGE_TRANSACTION, Metric.DIGITAL_SHARE, Metric.DAYS_SINCE_LAST_TRANSACTION,
        Metric.TENURE_DAYS, Metric.VOLUME_TREND, Metric.AVERAGE_SATISFACTION, Metric.LAST_SATISFACTION,
        Metric.SATISFACTION_CHANGE, Metric.SHARE_OF_WALLET, Metric.REVENUE)) {
      assertThat(metric.valueOf(empty, now)).as(metric.name()).isNaN();
    }
    assertThat(Metric.DAYS_SINCE_FIRST_SEEN.valueOf(empty, now)).isEqualTo(59.0);
    assertThat(Metric.RELATIONSHIP_CLOSED.valueOf(empty, now)).isZero();
    MetricsSnapshot oneSurvey = MetricsSnapshot.builder(EUR, FIRST_SEEN).survey(NOW, 7).build();
    assertThat(Metric.SATISFACTION_CHANGE.valueOf(oneSurvey, now)).isNaN();
    assertThat(Metric.LAST_SATISFACTION.valueOf(oneSurvey, now)).isEqualTo(7);
    MetricsSnapshot zeroWallet =
        MetricsSnapshot.builder(EUR, FIRST_SEEN).attribute(Attribute.TOTAL_BUSINESS, BigDecimal.ZERO, NOW).build();
    assertThat(Metric.SHARE_OF_WALLET.valueOf(zeroWallet, now)).isNaN();
  }

  @Test
  void aCustomerWithoutDataIsUndefinedExactlyInTheMeasuresDeclaredSo() {
    MetricsSnapshot empty = MetricsSnapshot.builder(EUR, FIRST_SEEN).build();
    for (Metric metric : Metric.values()) {
      assertThat(Double.isNaN(metric.valueOf(empty, NOW.toEpochMilli()))).as(metric.name()).isEqualTo(metric.mayBeUndefined());
    }
  }

  @Test
  void suppliedMeasuresDeclareTheRangeOfTheirAttribute() {
    assertThat(Metric.CREDIT_SCORE.range()).isEqualTo(Metric.Range.RATING);
    assertThat(Metric.Range.RATING.max()).isEqualTo(1000);
    assertThat(List.of(Metric.COMPETITOR_ATTENTION, Metric.PRICE_SENSITIVITY, Metric.INCIDENT_TOLERANCE))
        .allMatch(m -> m.range() == Metric.Range.SHARE);
    assertThat(List.of(Metric.REVENUE, Metric.COST_TO_SERVE, Metric.SCALE)).allMatch(m -> m.range() == Metric.Range.MONEY);
    assertThat(Metric.DECISION_TIME_DAYS.range().min()).isZero();
    assertThat(Metric.PROFIT.range()).isEqualTo(Metric.Range.ANY);
  }

  @Test
  void shareOfWalletIsCappedAtOneAndAmountsFollowTheCurrencysMinorUnit() {
    long now = NOW.toEpochMilli();
    MetricsSnapshot small = facts().attribute(Attribute.TOTAL_BUSINESS, new BigDecimal("100"), FIRST_SEEN).build();
    assertThat(Metric.SHARE_OF_WALLET.valueOf(small, now)).isEqualTo(1.0);
    MetricsSnapshot yen = MetricsSnapshot.builder(Currency.getInstance("JPY"), FIRST_SEEN)
        .transactions(ProductType.CARD, Direction.DEBIT, 1, 1_234).build();
    assertThat(Metric.TRANSACTION_VOLUME.valueOf(yen, now)).isEqualTo(1234.0);
    MetricsSnapshot dinar = MetricsSnapshot.builder(Currency.getInstance("BHD"), FIRST_SEEN)
        .transactions(ProductType.CARD, Direction.CREDIT, 1, 1_234).build();
    assertThat(Metric.CREDIT_VOLUME.valueOf(dinar, now)).isEqualTo(1.234);
  }

  private static double profit(String revenue, String cost) {
    MetricsSnapshot m = MetricsSnapshot.builder(EUR, FIRST_SEEN)
        .attribute(Attribute.REVENUE, new BigDecimal(revenue), FIRST_SEEN)
        .attribute(Attribute.COST_TO_SERVE, new BigDecimal(cost), FIRST_SEEN)
        .build();
    return Metric.PROFIT.valueOf(m, NOW.toEpochMilli());
  }

  @Test
  void profitIsTheDecimalDifferenceOfRevenueAndCostToServe() {
    // In binary floating point 1500.10 - 500.10 is 999.9999999999999 and 0.3 - 0.1 is 0.19999999999999998.
    assertThat(profit("1500.10", "500.10")).isEqualTo(1000.0);
    assertThat(profit("500.10", "1500.10")).isEqualTo(-1000.0);
    assertThat(profit("0.3", "0.1")).isEqualTo(0.2);
    // One whole amount is not enough for whole-number arithmetic: 1500.1 - 500 is 1000.0999999999999 in binary.
    assertThat(profit("1500.10", "500")).isEqualTo(1000.1);
    assertThat(profit("1", "0.9")).isEqualTo(0.1);
    // Not rounded to the currency's minor unit.
    assertThat(profit("10.0005", "0.0001")).isEqualTo(10.0004);
    assertThat(profit("250", "400")).isEqualTo(-150.0);
  }

  @Test
  void aClosedRelationshipCountsOnlyAfterTheLastTransactionWithDebtsSettled() {
    long now = NOW.toEpochMilli();
    assertThat(Metric.RELATIONSHIP_CLOSED.valueOf(facts().relationshipClosed(day("2026-02-20"), true).build(), now))
        .isEqualTo(1);
    assertThat(Metric.RELATIONSHIP_CLOSED.valueOf(facts().relationshipClosed(day("2026-02-19"), true).build(), now))
        .isZero();
    assertThat(Metric.RELATIONSHIP_CLOSED.valueOf(facts().relationshipClosed(day("2026-02-26"), false).build(), now))
        .isZero();
  }

  @Test
  void elapsedDayMeasuresChangeWhenTheyCrossTheThreshold() {
    MetricsSnapshot m = facts().build();
    long last = day("2026-02-20").toEpochMilli();
    Metric idle = Metric.DAYS_SINCE_LAST_TRANSACTION;
    assertThat(idle.nextChange(m, last, 30)).isEqualTo(last + 30 * DAY);
    assertThat(idle.nextChange(m, last + 30 * DAY - 1, 30)).isEqualTo(last + 30 * DAY);
    assertThat(idle.nextChange(m, last + 30 * DAY, 30)).isEqualTo(last + 30 * DAY + 1);
    assertThat(idle.nextChange(m, last + 30 * DAY + 1, 30)).isEqualTo(Long.MAX_VALUE);
    assertThat(idle.nextChange(m, last, 0.5)).isEqualTo(last + DAY / 2);
    assertThat(idle.nextChange(m, last, Double.NaN)).isEqualTo(Long.MAX_VALUE);
    MetricsSnapshot never = MetricsSnapshot.builder(EUR, FIRST_SEEN).build();
    assertThat(Metric.TENURE_DAYS.nextChange(never, last, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(Metric.DAYS_IN_STAGE.nextChange(m, last, 30))
        .isEqualTo(day("2026-02-01").toEpochMilli() + 30 * DAY);
    assertThat(Metric.DAYS_SINCE_FIRST_SEEN.nextChange(m, last, 100)).isEqualTo(FIRST_SEEN.toEpochMilli() + 100 * DAY);
  }

  @Test
  void windowMeasuresChangeAtTheNextWindowWhileAnyIsTracked() {
    long now = NOW.toEpochMilli();
    for (Metric metric : List.of(Metric.RECENT_VOLUME, Metric.PREVIOUS_VOLUME, Metric.VOLUME_TREND)) {
      assertThat(metric.isTimeDependent()).isTrue();
      assertThat(metric.change()).isEqualTo(Metric.Change.WINDOWS);
      for (long tracked : new long[] {W, W - 1, W - 2}) {
        MetricsSnapshot m = MetricsSnapshot.builder(EUR, FIRST_SEEN).trendWindowMillis(WINDOW)
            .windowVolume(tracked, 1).build();
        assertThat(metric.nextChange(m, now, 0)).isEqualTo((W + 1) * WINDOW);
      }
      MetricsSnapshot old = MetricsSnapshot.builder(EUR, FIRST_SEEN).trendWindowMillis(WINDOW)
          .windowVolume(W - 3, 1).build();
      assertThat(metric.nextChange(old, now, 0)).isEqualTo(Long.MAX_VALUE);
    }
    assertThat(Metric.TRANSACTION_COUNT.isTimeDependent()).isFalse();
    assertThat(Metric.TRANSACTION_COUNT.nextChange(facts().build(), now, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(Metric.TENURE_DAYS.isTimeDependent()).isTrue();
    assertThat(Metric.TENURE_DAYS.change()).isEqualTo(Metric.Change.ELAPSED_DAYS);
    assertThat(Metric.TRANSACTION_COUNT.range()).isEqualTo(Metric.Range.COUNT);
    assertThat(Metric.Range.SCORE_CHANGE.min()).isEqualTo(-10);
    assertThat(Metric.Range.SCORE_CHANGE.max()).isEqualTo(10);
  }

  @Test
  void snapshotsRefuseImpossibleFacts() {
    List<ProductActivity> none = List.of();
    assertThatThrownBy(() -> facts().digitalTransactions(-1).build())
        .isInstanceOf(ValidationException.class).hasMessage("digitalTransactions -1 is negative");
    assertThatThrownBy(() -> facts().interactions(-1, NOW).build())
        .isInstanceOf(ValidationException.class).hasMessage("interactions -1 is negative");
    assertThatThrownBy(() -> facts().stage(NOW, -1).build())
        .isInstanceOf(ValidationException.class).hasMessage("transactionsInStage -1 is negative");
    assertThatThrownBy(() -> facts().trendWindowMillis(0).build())
        .isInstanceOf(ValidationException.class).hasMessage("trendWindowMillis 0 is not positive");
    assertThat(facts().trendWindowMillis(1).build().trendWindowMillis()).isEqualTo(1);
    assertThatThrownBy(() -> facts().windowVolume(W - 3, 1).build())
        .isInstanceOf(ValidationException.class).hasMessage("windows has 4 entries, at most 3 are kept");
    assertThatThrownBy(() -> MetricsSnapshot.builder(EUR, FIRST_SEEN).survey(NOW, 11).build())
        .isInstanceOf(ValidationException.class).hasMessage("lastSatisfaction 11 is outside -1..10");
    assertThat(MetricsSnapshot.builder(EUR, FIRST_SEEN).survey(NOW, 10).build().lastSatisfaction()).isEqualTo(10);
    MetricsSnapshot base = facts().build();
    assertThatThrownBy(() -> new MetricsSnapshot(EUR, 0, none, 0, -1, -1, 1, List.of(), 0, -1, 0, 0, -2, -1, List.of(),
        Map.of(), Map.of(), -1, false, 0, 0))
        .isInstanceOf(ValidationException.class).hasMessage("lastSatisfaction -2 is outside -1..10");
    assertThatThrownBy(() -> new MetricsSnapshot(EUR, 0, none, 0, -1, -1, 1, List.of(), 0, -1, -1, 0, -1, -1,
        List.of(), Map.of(), Map.of(), -1, false, 0, 0))
        .isInstanceOf(ValidationException.class).hasMessage("surveys -1 is negative");
    assertThatThrownBy(() -> new MetricsSnapshot(EUR, 0, none, 0, -1, -1, 1, List.of(), 0, -1, 0, -1, -1, -1,
        List.of(), Map.of(), Map.of(), -1, false, 0, 0))
        .isInstanceOf(ValidationException.class).hasMessage("satisfactionSum -1 is negative");
    ProductActivity card = new ProductActivity(ProductType.CARD, 0, 0, 0, 0, 0, 0);
    assertThatThrownBy(() -> new MetricsSnapshot(EUR, 0, List.of(card, card), 0, -1, -1, 1, List.of(), 0, -1, 0, 0,
        -1, -1, List.of(), Map.of(), Map.of(), -1, false, 0, 0))
        .isInstanceOf(ValidationException.class).hasMessage("products lists a product type twice");
    assertThat(base.products()).extracting(ProductActivity::product)
        .containsExactlyInAnyOrder(ProductType.CARD, ProductType.LOAN, ProductType.DEPOSIT);
    String[] fields = {"debitCount", "debitMinor", "creditCount", "creditMinor", "opened", "closed"};
    for (int i = 0; i < fields.length; i++) {
      long[] v = new long[6];
      v[i] = -1;
      assertThatThrownBy(() -> new ProductActivity(ProductType.LOAN, v[0], v[1], v[2], v[3], (int) v[4], (int) v[5]))
          .isInstanceOf(ValidationException.class).hasMessage(fields[i] + " -1 is negative");
    }
    assertThatThrownBy(() -> new WindowVolume(3, -1))
        .isInstanceOf(ValidationException.class).hasMessage("volumeMinor -1 is negative");
    assertThat(new WindowVolume(-3, 0).window()).isEqualTo(-3);
    assertThatThrownBy(() -> new ComplaintRecord("C9", Severity.NORMAL, true, true))
        .isInstanceOf(ValidationException.class)
        .hasMessage("complaint 'C9': an open complaint has no acceptance, a resolved one has one");
    assertThatThrownBy(() -> new ComplaintRecord("x".repeat(10_000), Severity.NORMAL, false, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("complaint '" + "x".repeat(TextRules.EXCERPT_LENGTH) + "'... (10000 characters): ");
    assertThat(new ComplaintRecord("C9", Severity.NORMAL, false, false).accepted()).isFalse();
  }

  @Test
  void theBuilderAddsUpRepeatedFacts() {
    MetricsSnapshot m = MetricsSnapshot.builder(EUR, FIRST_SEEN)
        .transactions(ProductType.CARD, Direction.CREDIT, 2, 100)
        .transactions(ProductType.CARD, Direction.CREDIT, 3, 50)
        .products(ProductType.CARD, 1, 0)
        .products(ProductType.CARD, 2, 1)
        .build();
    assertThat(m.transactionCount(ProductType.CARD, Direction.CREDIT)).isEqualTo(5);
    assertThat(m.transactionMinor(ProductType.CARD, Direction.CREDIT)).isEqualTo(150);
    assertThat(m.transactionCount(ProductType.CARD, Direction.DEBIT)).isZero();
    assertThat(m.productsOpened(ProductType.CARD)).isEqualTo(3);
    assertThat(m.productsClosed(ProductType.CARD)).isEqualTo(1);
    assertThat(m.stageEnteredAt()).isEqualTo(FIRST_SEEN.toEpochMilli());
    assertThat(Duration.ofMillis(m.trendWindowMillis())).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void twoSurveysAreEnoughForAChangeAndAWalletOfZeroGivesNoShare() {
    long now = NOW.toEpochMilli();
    MetricsSnapshot twoSurveys =
        MetricsSnapshot.builder(EUR, FIRST_SEEN).survey(day("2026-01-15"), 6).survey(day("2026-02-15"), 9).build();
    assertThat(Metric.SATISFACTION_CHANGE.valueOf(twoSurveys, now)).isEqualTo(3.0);
    MetricsSnapshot zeroWallet = facts().attribute(Attribute.TOTAL_BUSINESS, BigDecimal.ZERO, FIRST_SEEN).build();
    assertThat(Metric.TRANSACTION_VOLUME.valueOf(zeroWallet, now)).isEqualTo(650.0);
    assertThat(Metric.SHARE_OF_WALLET.valueOf(zeroWallet, now)).isNaN();
  }

  @Test
  void onlyOpenUrgentComplaintsAreOpenUrgentOnes() {
    MetricsSnapshot m = MetricsSnapshot.builder(EUR, FIRST_SEEN)
        .complaint("C1", Severity.URGENT, null)
        .complaint("C2", Severity.URGENT, null)
        .complaint("C3", Severity.URGENT, true)
        .complaint("C4", Severity.NORMAL, null)
        .build();
    assertThat(m.openUrgentComplaints()).isEqualTo(2);
    assertThat(m.openComplaints()).isEqualTo(3);
  }

  @Test
  void aValueIsTheMetricAtThatInstant() {
    MetricsSnapshot m = facts().build();
    assertThat(m.value(Metric.TRANSACTION_COUNT, NOW.toEpochMilli())).isEqualTo(6.0);
    assertThat(m.value(Metric.DAYS_SINCE_FIRST_SEEN, NOW.toEpochMilli())).isEqualTo(59.0);
  }
}
