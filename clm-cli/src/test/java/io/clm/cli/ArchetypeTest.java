package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The archetypes' shares of the synthetic portfolio and the draw that picks one. */
class ArchetypeTest {

  @Test
  void theSharesAreThoseOfTheDocumentedPortfolio() {
    assertThat(Archetype.PROSPECT.share()).isEqualTo(0.15);
    assertThat(Archetype.NEW_GROWER.share()).isEqualTo(0.22);
    assertThat(Archetype.MATURE.share()).isEqualTo(0.33);
    assertThat(Archetype.DECLINER.share()).isEqualTo(0.18);
    assertThat(Archetype.WON_BACK.share()).isEqualTo(0.12);
  }

  /** Each archetype takes the draws from the sum of the shares before it, inclusive, to the sum with its own, exclusive. */
  @Test
  void aDrawFallsToTheArchetypeWhoseRangeHoldsIt() {
    double prospect = 0.15;
    double grower = prospect + 0.22;
    double mature = grower + 0.33;
    double decliner = mature + 0.18;
    assertThat(Archetype.pick(0)).isEqualTo(Archetype.PROSPECT);
    assertThat(Archetype.pick(Math.nextDown(prospect))).isEqualTo(Archetype.PROSPECT);
    assertThat(Archetype.pick(prospect)).isEqualTo(Archetype.NEW_GROWER);
    assertThat(Archetype.pick(Math.nextDown(grower))).isEqualTo(Archetype.NEW_GROWER);
    assertThat(Archetype.pick(grower)).isEqualTo(Archetype.MATURE);
    assertThat(Archetype.pick(Math.nextDown(mature))).isEqualTo(Archetype.MATURE);
    assertThat(Archetype.pick(mature)).isEqualTo(Archetype.DECLINER);
    assertThat(Archetype.pick(Math.nextDown(decliner))).isEqualTo(Archetype.DECLINER);
    assertThat(Archetype.pick(decliner)).isEqualTo(Archetype.WON_BACK);
    assertThat(Archetype.pick(Math.nextDown(1.0))).isEqualTo(Archetype.WON_BACK);
    // The shares add up to 1 only up to rounding: a draw at or above their sum is the last archetype.
    assertThat(Archetype.pick(1.0)).isEqualTo(Archetype.WON_BACK);
  }

  /** The synthetic portfolio's customers follow the shares: 20,000 customers, each share within 1.5 points. */
  @Test
  void aLargePortfolioFollowsTheShares() {
    int customers = 20_000;
    PortfolioGenerator portfolio = new PortfolioGenerator(42, customers, 12, java.util.Currency.getInstance("EUR"));
    int[] counts = new int[Archetype.values().length];
    for (int c = 0; c < customers; c++) {
      counts[portfolio.archetype(c).ordinal()]++;
    }
    assertThat(counts[Archetype.PROSPECT.ordinal()] / (double) customers).isCloseTo(0.15, within(0.015));
    assertThat(counts[Archetype.NEW_GROWER.ordinal()] / (double) customers).isCloseTo(0.22, within(0.015));
    assertThat(counts[Archetype.MATURE.ordinal()] / (double) customers).isCloseTo(0.33, within(0.015));
    assertThat(counts[Archetype.DECLINER.ordinal()] / (double) customers).isCloseTo(0.18, within(0.015));
    assertThat(counts[Archetype.WON_BACK.ordinal()] / (double) customers).isCloseTo(0.12, within(0.015));
  }
}
