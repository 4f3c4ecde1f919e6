package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.retention.CustomerSummary;
import io.clm.retention.PurchaseLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The actual side of {@code clm clv}'s hold-out check, worked out by hand for three customers:
 * customers and hold-out transactions by calibration frequency, and repeat transactions per
 * week since the earliest first purchase.
 */
class ClvAnalysisTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 1, 15);
  private static final LocalDate HOLDOUT_END = LocalDate.of(2024, 1, 29);

  private static ClvAnalysis analysis() {
    Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = new HashMap<>();
    // A: first on day 0, one repeat in the calibration (day 2), one in the hold-out (day 19).
    put(days, "A", 1, 3, 20);
    // B: first on day 7, none in the calibration, one in the hold-out (day 25).
    put(days, "B", 8, 26);
    // C: first on day 1, nine repeats in the calibration (days 2 to 10), two in the hold-out (days 15, 16).
    put(days, "C", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17);
    PurchaseLog log = new PurchaseLog(EUR);
    days.forEach((c, byDay) -> byDay.forEach((day, amount) -> log.add(c, day, new Money(amount, EUR))));
    List<CustomerSummary> summaries = log.summarise(CALIBRATION_END, HOLDOUT_END, Duration.ofDays(7));
    return new ClvAnalysis(summaries, days, CALIBRATION_END, HOLDOUT_END, 7, 2.0);
  }

  private static void put(Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days, String customer, int... januaryDays) {
    TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    for (int d : januaryDays) {
      byDay.put(LocalDate.of(2024, 1, d), new BigDecimal("10.00"));
    }
    days.put(CustomerId.of(customer), byDay);
  }

  @Test
  void customersAndHoldoutTransactionsByCalibrationFrequency() {
    ClvAnalysis a = analysis();
    assertThat(a.customers()).isEqualTo(3);
    assertThat(a.holdoutLength()).isEqualTo(2.0);
    int[] customers = new int[ClvAnalysis.BINS + 1];
    for (int b = 0; b <= ClvAnalysis.BINS; b++) {
      customers[b] = a.customersIn(b);
    }
    // Frequencies 0 (B) and 1 (A) have their own rows; 9 (C) is in the last, shared by 7 and above.
    assertThat(customers).containsExactly(1, 1, 0, 0, 0, 0, 0, 1);
    assertThat(a.actualMean(0)).isEqualTo(1.0);
    assertThat(a.actualMean(1)).isEqualTo(1.0);
    assertThat(a.actualMean(ClvAnalysis.BINS)).isEqualTo(2.0);
    assertThat(a.actualMean(3)).isZero();
    assertThat(a.actualTotal()).isEqualTo(4);
  }

  @Test
  void repeatTransactionsPerWeekSinceTheEarliestFirstPurchase() {
    ClvAnalysis a = analysis();
    // 28 days from 1 January to the hold-out end: four weeks, two of them by the calibration end.
    assertThat(a.periods()).isEqualTo(4);
    assertThat(a.calibrationPeriods()).isEqualTo(2);
    // Week 1: A's day 2 and C's days 2 to 6; week 2: C's days 7 to 10; week 3: A's day 19, C's 15 and 16; week 4: B's day 25.
    assertThat(a.actualCumulative()).containsExactly(6.0, 10.0, 13.0, 14.0);
  }
}
