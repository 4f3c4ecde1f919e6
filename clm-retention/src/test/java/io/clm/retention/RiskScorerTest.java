package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.retention.Risk;
import io.clm.retention.strategy.Contexts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskScorerTest {

  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void defaultWeightsAddUpToOne() {
    double sum = 0;
    for (RiskFactor f : RiskFactor.values()) {
      sum += f.defaultWeight();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aQuietCustomerHasNoRisk() {
    Customer c = customer(MetricsSnapshot.builder(Money.currency("EUR"), START).build());
    Risk r = RiskScorer.withDefaultWeights().score(c, START.plus(Duration.ofDays(1)));
    assertThat(r.score()).isZero();
    assertThat(r.contributions()).hasSize(6).allSatisfy(x -> assertThat(x.contribution()).isZero());
  }

  @Test
  void everyFactorContributesItsWeightTimesItsSignal() {
    long window = 90 * Metric.DAY_MILLIS;
    Instant now = Instant.ofEpochMilli(10 * window);
    MetricsSnapshot m =
        MetricsSnapshot.builder(Money.currency("EUR"), START)
            .trendWindowMillis(window)
            .windowVolume(8, 10_000)
            .windowVolume(9, 2_500)
            .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 4, 12_500)
            .transactedBetween(START, now.minus(Duration.ofDays(105)))
            .complaint("a", Severity.URGENT, null)
            .complaint("b", Severity.NORMAL, true)
            .complaint("c", Severity.NORMAL, true)
            .products(ProductType.CURRENT_ACCOUNT, 1, 0)
            .products(ProductType.CARD, 1, 1)
            .survey(START, 9)
            .survey(START, 4)
            .build();
    Risk r = RiskScorer.withDefaultWeights().score(customer(m), now);
    assertThat(r.contributionOf("falling-volume")).isCloseTo(0.25 * 0.75, within(1e-12));
    assertThat(r.contributionOf("inactivity")).isCloseTo(0.25 * 0.5, within(1e-12));
    assertThat(r.contributionOf("open-complaints")).isCloseTo(0.15 * 1.0, within(1e-12));
    assertThat(r.contributionOf("repeated-complaints")).isCloseTo(0.10 * 2 / 3.0, within(1e-12));
    assertThat(r.contributionOf("closed-products")).isCloseTo(0.10 * 0.5, within(1e-12));
    assertThat(r.contributionOf("falling-satisfaction")).isCloseTo(0.15 * 1.0, within(1e-12));
    assertThat(r.score()).isCloseTo(0.1875 + 0.125 + 0.15 + 0.2 / 3 + 0.05 + 0.15, within(1e-12));
  }

  /** Facts that score exactly 0.5 on paper with the default weights ({@link Contexts#halfRisk}). */
  static Customer halfRisk(Instant now) {
    return customer(Contexts.halfRisk(now));
  }

  @Test
  void aScoreOfExactlyOneHalfOnPaperIsOneHalf() {
    Instant now = START.plus(Duration.ofDays(200));
    Risk r = RiskScorer.withDefaultWeights().score(halfRisk(now), now);
    assertThat(r.contributionOf("inactivity")).isCloseTo(0.08, within(1e-12));
    assertThat(r.contributionOf("open-complaints")).isCloseTo(0.15, within(1e-12));
    assertThat(r.contributionOf("repeated-complaints")).isCloseTo(0.10, within(1e-12));
    assertThat(r.contributionOf("closed-products")).isCloseTo(0.05, within(1e-12));
    assertThat(r.contributionOf("falling-satisfaction")).isCloseTo(0.12, within(1e-12));
    assertThat(r.contributionOf("falling-volume")).isZero();
    assertThat(r.score()).isEqualTo(0.5);
  }

  @Test
  void customWeightsMustCoverEveryFactorAndAddUpToOne() {
    Map<RiskFactor, Double> w = new EnumMap<>(RiskFactor.class);
    for (RiskFactor f : RiskFactor.values()) {
      w.put(f, 0.2);
    }
    assertThatThrownBy(() -> RiskScorer.withWeights(w))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("weights add up to 1.2");
    w.remove(RiskFactor.INACTIVITY);
    assertThatThrownBy(() -> RiskScorer.withWeights(w))
        .isInstanceOf(ValidationException.class)
        .hasMessage("weight of inactivity is missing");
    w.put(RiskFactor.INACTIVITY, -0.1);
    assertThatThrownBy(() -> RiskScorer.withWeights(w))
        .isInstanceOf(ValidationException.class)
        .hasMessage("weight of inactivity -0.1 is outside 0..1");
  }

  @Test
  void onlyInactivityWeightedScoresInactivityAlone() {
    Map<RiskFactor, Double> w = new EnumMap<>(RiskFactor.class);
    for (RiskFactor f : RiskFactor.values()) {
      w.put(f, f == RiskFactor.INACTIVITY ? 1.0 : 0.0);
    }
    Instant now = START.plus(Duration.ofDays(400));
    MetricsSnapshot m =
        MetricsSnapshot.builder(Money.currency("EUR"), START)
            .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 1, 100)
            .transactedBetween(START, START)
            .complaint("a", Severity.URGENT, null)
            .build();
    assertThat(RiskScorer.withWeights(w).score(customer(m), now).score()).isEqualTo(1.0);
  }

  static Customer customer(MetricsSnapshot m) {
    return new Customer(CustomerId.of("c-1"), "stage", 0, m, Map.of());
  }
}
