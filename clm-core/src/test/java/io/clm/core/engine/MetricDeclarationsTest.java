package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.Metric;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricDeclarationsTest {

  @Test
  void everyMeasureStaysInItsDeclaredRangeAndIsNaNOnlyWhereDeclared() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 150))
        .check(
            (seed, n) -> {
              CoreLifecycleEngine engine = Fixtures.engine();
              events(seed, n, 3).forEach(engine::ingest);
              for (CustomerState s : engine.liveSorted()) {
                long now = s.time + Duration.ofDays(seed & 63).toMillis();
                for (Metric m : Metric.values()) {
                  double v = m.valueOf(s, now);
                  if (Double.isNaN(v) ? !m.mayBeUndefined() : v < m.range().min() || v > m.range().max()) {
                    return false;
                  }
                }
              }
              return true;
            });
  }

  @Test
  void onlyTheTimeDrivenMeasuresChangeWithTimeAlone() {
    CoreLifecycleEngine engine = Fixtures.engine();
    events(7L, 120, 1).forEach(engine::ingest);
    CustomerState s = engine.liveSorted().get(0);
    long later = s.time + Duration.ofDays(400).toMillis();
    for (Metric m : Metric.values()) {
      double before = m.valueOf(s, s.time);
      double after = m.valueOf(s, later);
      if (m.change() == Metric.Change.EVENTS) {
        assertThat(Double.valueOf(after)).as(m.name()).isEqualTo(Double.valueOf(before));
      }
      assertThat(m.isTimeDependent()).as(m.name()).isEqualTo(m.change() != Metric.Change.EVENTS);
    }
    assertThat(Metric.DAYS_SINCE_LAST_TRANSACTION.valueOf(s, later))
        .isEqualTo(Metric.DAYS_SINCE_LAST_TRANSACTION.valueOf(s, s.time) + 400);
    assertThat(Metric.DAYS_IN_STAGE.change()).isEqualTo(Metric.Change.ELAPSED_DAYS);
    assertThat(Metric.VOLUME_TREND.change()).isEqualTo(Metric.Change.WINDOWS);
    assertThat(Metric.DIGITAL_SHARE.range()).isEqualTo(Metric.Range.SHARE);
  }
}
