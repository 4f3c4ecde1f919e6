package io.clm.retention;

import static io.clm.retention.RiskScorerTest.START;
import static io.clm.retention.RiskScorerTest.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.retention.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each factor of the early-warning score at the edges of its documented signal (docs/retention.md,
 * "Early-warning risk score"), and the range of custom weights.
 */
class RiskSignalsTest {

  private static double signal(RiskFactor factor, Instant now, UnaryOperator<MetricsSnapshot.Builder> facts) {
    return factor.signal(customer(facts.apply(MetricsSnapshot.builder(Money.currency("EUR"), START)).build()), now);
  }

  private static double inactivity(int days) {
    Instant now = START.plus(Duration.ofDays(400));
    return signal(
        RiskFactor.INACTIVITY,
        now,
        b -> b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 1, 100).transactedBetween(START, now.minus(Duration.ofDays(days))));
  }

  @Test
  void inactivityRisesFromThirtyToOneHundredAndEightyDays() {
    assertThat(inactivity(10)).isZero();
    assertThat(inactivity(30)).isZero();
    // (105 - 30) / 150 = 0.5; (31 - 30) / 150.
    assertThat(inactivity(105)).isCloseTo(0.5, within(1e-12));
    assertThat(inactivity(31)).isCloseTo(1 / 150.0, within(1e-12));
    assertThat(inactivity(180)).isEqualTo(1.0);
    assertThat(inactivity(181)).isEqualTo(1.0);
    // Without any transaction there is no recency: signal 0.
    assertThat(signal(RiskFactor.INACTIVITY, START.plus(Duration.ofDays(400)), b -> b)).isZero();
  }

  @Test
  void openComplaintsCountUrgentOnesTwice() {
    Instant now = START.plus(Duration.ofDays(1));
    assertThat(signal(RiskFactor.OPEN_COMPLAINTS, now, b -> b.complaint("a", Severity.NORMAL, null))).isEqualTo(0.5);
    assertThat(signal(RiskFactor.OPEN_COMPLAINTS, now, b -> b.complaint("a", Severity.URGENT, null))).isEqualTo(1.0);
    assertThat(
            signal(
                RiskFactor.OPEN_COMPLAINTS,
                now,
                b -> b.complaint("a", Severity.NORMAL, null).complaint("b", Severity.NORMAL, null).complaint("c", Severity.URGENT, null)))
        .isEqualTo(1.0);
    // A resolved complaint is not open.
    assertThat(signal(RiskFactor.OPEN_COMPLAINTS, now, b -> b.complaint("a", Severity.URGENT, true))).isZero();
  }

  @Test
  void repeatedComplaintsCountFromTheSecondAndAreFullAtFour() {
    Instant now = START.plus(Duration.ofDays(1));
    assertThat(signal(RiskFactor.REPEATED_COMPLAINTS, now, b -> b)).isZero();
    assertThat(signal(RiskFactor.REPEATED_COMPLAINTS, now, b -> b.complaint("a", Severity.NORMAL, true))).isZero();
    assertThat(signal(RiskFactor.REPEATED_COMPLAINTS, now, b -> b.complaint("a", Severity.NORMAL, true).complaint("b", Severity.NORMAL, true)))
        .isCloseTo(1 / 3.0, within(1e-12));
    assertThat(signal(RiskFactor.REPEATED_COMPLAINTS, now, b -> {
      for (int i = 0; i < 6; i++) {
        b.complaint("k" + i, Severity.NORMAL, true);
      }
      return b;
    })).isEqualTo(1.0);
  }

  @Test
  void closedProductsAreTheShareGivenUp() {
    Instant now = START.plus(Duration.ofDays(1));
    assertThat(signal(RiskFactor.CLOSED_PRODUCTS, now, b -> b)).isZero();
    assertThat(signal(RiskFactor.CLOSED_PRODUCTS, now, b -> b.products(ProductType.CARD, 2, 2))).isEqualTo(1.0);
    // Three opened, one closed: 1 / (1 + 2).
    assertThat(signal(RiskFactor.CLOSED_PRODUCTS, now, b -> b.products(ProductType.CARD, 1, 1).products(ProductType.LOAN, 2, 0)))
        .isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void risingSatisfactionIsNoSignalAndFiveOrMorePointsDownIsFull() {
    Instant now = START.plus(Duration.ofDays(1));
    assertThat(signal(RiskFactor.FALLING_SATISFACTION, now, b -> b.survey(START, 4).survey(START, 9))).isZero();
    assertThat(signal(RiskFactor.FALLING_SATISFACTION, now, b -> b.survey(START, 10).survey(START, 0))).isEqualTo(1.0);
    // Down 1 point: 0.2.
    assertThat(signal(RiskFactor.FALLING_SATISFACTION, now, b -> b.survey(START, 8).survey(START, 7))).isCloseTo(0.2, within(1e-12));
    // One survey gives no change.
    assertThat(signal(RiskFactor.FALLING_SATISFACTION, now, b -> b.survey(START, 0))).isZero();
  }

  @Test
  void risingVolumeIsNoSignalAndStoppedVolumeIsFull() {
    long window = 90 * Metric.DAY_MILLIS;
    Instant now = Instant.ofEpochMilli(10 * window);
    assertThat(signal(RiskFactor.FALLING_VOLUME, now, b -> b.trendWindowMillis(window).windowVolume(8, 10_000).windowVolume(9, 20_000))).isZero();
    assertThat(signal(RiskFactor.FALLING_VOLUME, now, b -> b.trendWindowMillis(window).windowVolume(8, 10_000))).isEqualTo(1.0);
  }

  @Test
  void everyContributionNamesItsFactorWeightAndSignalInFactorOrder() {
    Instant now = START.plus(Duration.ofDays(1));
    Risk r = RiskScorer.withDefaultWeights().score(customer(MetricsSnapshot.builder(Money.currency("EUR"), START).complaint("a", Severity.NORMAL, null).build()), now);
    assertThat(r.contributions())
        .extracting(Risk.Contribution::factor)
        .containsExactly("falling-volume", "inactivity", "open-complaints", "repeated-complaints", "closed-products", "falling-satisfaction");
    assertThat(r.contributions()).extracting(Risk.Contribution::weight).containsExactly(0.25, 0.25, 0.15, 0.10, 0.10, 0.15);
    assertThat(r.contributions()).extracting(Risk.Contribution::signal).containsExactly(0.0, 0.0, 0.5, 0.0, 0.0, 0.0);
    assertThat(r.score()).isEqualTo(0.075);
  }

  private static Map<RiskFactor, Double> weights(double inactivity, double others) {
    Map<RiskFactor, Double> w = new EnumMap<>(RiskFactor.class);
    for (RiskFactor f : RiskFactor.values()) {
      w.put(f, f == RiskFactor.INACTIVITY ? inactivity : others);
    }
    return w;
  }

  @Test
  void weightsMayMissOneByABillionthAndTheScoreStaysAtMostOne() {
    // Every signal at 1: inactive 400 days, volume stopped, two urgent complaints open of four,
    // everything closed, satisfaction down 10.
    long window = 90 * Metric.DAY_MILLIS;
    Instant now = Instant.ofEpochMilli(10 * window);
    MetricsSnapshot m =
        MetricsSnapshot.builder(Money.currency("EUR"), START)
            .trendWindowMillis(window)
            .windowVolume(8, 10_000)
            .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 1, 10_000)
            .transactedBetween(START, now.minus(Duration.ofDays(400)))
            .complaint("a", Severity.URGENT, null)
            .complaint("b", Severity.URGENT, null)
            .complaint("c", Severity.NORMAL, true)
            .complaint("d", Severity.NORMAL, true)
            .products(ProductType.CARD, 1, 1)
            .survey(START, 10)
            .survey(START, 0)
            .build();
    assertThat(RiskScorer.withDefaultWeights().score(customer(m), now).score()).isEqualTo(1.0);
    // Weights adding up to 1 + 5e-10 are accepted; the score is still at most 1.
    Map<RiskFactor, Double> over = weights(0.5 + 5e-10, 0.1);
    Risk r = RiskScorer.withWeights(over).score(customer(m), now);
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(r.contributionOf("inactivity")).isEqualTo(0.5 + 5e-10);
    // 1 + 2e-9 is refused.
    assertThatThrownBy(() -> RiskScorer.withWeights(weights(0.5 + 2e-9, 0.1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("weights add up to 1.00000000");
    // 1 - 5e-10 is accepted too, and the score is the sum, not raised to 1.
    assertThat(RiskScorer.withWeights(weights(0.5 - 5e-10, 0.1)).score(customer(m), now).score()).isCloseTo(1 - 5e-10, within(1e-12));
  }

  @Test
  void aWeightAboveOneOrNotANumberIsRefused() {
    assertThatThrownBy(() -> RiskScorer.withWeights(weights(1.5, -0.1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("weight of falling-volume -0.1 is outside 0..1");
    assertThatThrownBy(() -> RiskScorer.withWeights(weights(1.5, 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("weight of inactivity 1.5 is outside 0..1");
    assertThatThrownBy(() -> RiskScorer.withWeights(weights(Double.NaN, 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("weight of inactivity NaN is outside 0..1");
  }
}
