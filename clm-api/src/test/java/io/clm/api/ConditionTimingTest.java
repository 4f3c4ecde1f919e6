package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.Currency;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The due times conditions report are exact: nothing changes before them, something at them. */
class ConditionTimingTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final long DAY = Metric.DAY_MILLIS;

  private static MetricsSnapshot lastTransactionAt(long millis) {
    return MetricsSnapshot.builder(EUR, Instant.ofEpochMilli(millis - 10 * DAY))
        .transactedBetween(Instant.ofEpochMilli(millis - 10 * DAY), Instant.ofEpochMilli(millis))
        .build();
  }

  @Test
  void inactivityFlipsExactlyAtTheReportedInstant() {
    qt().withExamples(300)
        .forAll(
            longs().between(1_600_000_000_000L, 1_800_000_000_000L),
            integers().between(1, 400),
            longs().between(0, 500 * DAY))
        .checkAssert(
            (last, days, elapsed) -> {
              MetricsSnapshot m = lastTransactionAt(last);
              Condition inactive = Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(days);
              long now = last + elapsed;
              long next = inactive.nextChange(m, now);
              if (next == Long.MAX_VALUE) {
                // it already holds and can only keep holding as time passes
                assertThat(inactive.test(m, now)).isTrue();
                assertThat(inactive.test(m, now + 1000 * DAY)).isTrue();
              } else {
                assertThat(next).isGreaterThan(now);
                assertThat(inactive.test(m, next - 1)).isEqualTo(inactive.test(m, now));
                assertThat(inactive.test(m, next)).isNotEqualTo(inactive.test(m, now));
              }
            });
  }

  @Test
  void trendWindowsChangeOnlyAtWindowBoundaries() {
    long window = 90 * DAY;
    MetricsSnapshot m =
        MetricsSnapshot.builder(EUR, Instant.ofEpochMilli(0))
            .trendWindowMillis(window)
            .windowVolume(200, 10_000)
            .windowVolume(201, 5_000)
            .build();
    long now = 202 * window + 5 * DAY;
    // recent = window 201, previous = window 200: volume halved
    assertThat(Metric.VOLUME_TREND.valueOf(m, now)).isEqualTo(-0.5);
    Condition falling = Metric.VOLUME_TREND.atMost(-0.3);
    assertThat(falling.test(m, now)).isTrue();
    assertThat(falling.nextChange(m, now)).isEqualTo(203 * window);
    // in window 203 the previous window (201) had volume and the last (202) none
    assertThat(Metric.VOLUME_TREND.valueOf(m, 203 * window)).isEqualTo(-1.0);
    // in window 204 the previous window (202) had none: the trend is undefined
    assertThat(Metric.VOLUME_TREND.valueOf(m, 204 * window)).isNaN();
  }

  @Test
  void missingDataComparesFalseUnlessMarkedOrMissing() {
    MetricsSnapshot prospect = MetricsSnapshot.builder(EUR, Instant.ofEpochMilli(0)).build();
    assertThat(Metric.PROFIT.valueOf(prospect, 0)).isNaN();
    assertThat(Metric.PROFIT.above(0).test(prospect, 0)).isFalse();
    assertThat(Metric.PROFIT.above(0).orMissing().test(prospect, 0)).isTrue();
    assertThat(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(30).nextChange(prospect, 0)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void evidenceNamesTheMeasuresAConditionReadAndLeavesOutUndefinedOnes() {
    MetricsSnapshot m = lastTransactionAt(100 * DAY);
    Condition c =
        Condition.all(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(5), Metric.PROFIT.above(0).orMissing());
    TreeMap<String, Double> evidence = new TreeMap<>();
    c.collectEvidence(m, 110 * DAY, evidence);
    assertThat(evidence).containsExactly(java.util.Map.entry("DAYS_SINCE_LAST_TRANSACTION", 10.0));
    assertThat(c.toString()).isEqualTo("(DAYS_SINCE_LAST_TRANSACTION >= 5.0 and PROFIT > 0.0 or missing)");
  }
}
