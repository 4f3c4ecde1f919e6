package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.attribute;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.prospect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTiersTest {
  private final SegmentationScheme pyramid = Fixtures.scheme("value-pyramid");
  private final SegmentationScheme tiers = Fixtures.scheme("value-tier");

  static Population profits(double... profit) {
    CustomerId[] ids = new CustomerId[profit.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = CustomerId.of("c" + i);
    }
    return Population.builder(AS_OF, ids).metric(Metric.PROFIT, profit).build();
  }

  @Test
  void defaultCutPointsAreSeed003s() {
    assertThat(pyramid.segments()).containsExactly("key", "potential", "ordinary");
    assertThat(pyramid.parameters()).containsEntry("key.share", 0.05).containsEntry("potential.share", 0.15);
    assertThat(pyramid.kind()).isEqualTo(SegmentationScheme.Kind.POPULATION_RELATIVE);
  }

  /** An empty population is named as such, not blamed on revenue and cost to serve. */
  @Test
  void fittingAnEmptyPopulationSaysItIsEmpty() {
    assertThatThrownBy(() -> pyramid.fit(profits()))
        .isInstanceOf(io.clm.api.ValidationException.class)
        .hasMessage("scheme 'value-pyramid' cannot fit on an empty population");
    assertThatThrownBy(() -> tiers.fit(profits(Double.NaN)))
        .isInstanceOf(io.clm.api.ValidationException.class)
        .hasMessage("scheme 'value-tier' found no customer with profit to fit on (revenue and cost to serve not supplied)");
  }

  /**
   * The potential cut is at the cumulative share: with ten customers earning 1 to 10, key is
   * round(0.05 x 10) = 1 customer (10) and key and potential together round(0.20 x 10) = 2
   * customers, so potential.min-profit is 9 (not 8, as round(0.5) + round(1.5) would give).
   */
  @Test
  void thePotentialCutIsAtTheCumulativeShare() {
    FittedScheme fitted = pyramid.fit(profits(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    assertThat(fitted.parameters()).containsEntry("key.min-profit", 10.0).containsEntry("potential.min-profit", 9.0);
  }

  @Test
  void twentyCustomersGiveOneKeyAndThreePotential() {
    double[] p = new double[20];
    for (int i = 0; i < 20; i++) {
      p[i] = 20 - i; // 20, 19, ..., 1
    }
    Population population = profits(p);
    FittedScheme fitted = pyramid.fit(population);
    assertThat(fitted.parameters()).containsEntry("key.min-profit", 20.0).containsEntry("potential.min-profit", 17.0);
    Segmentation s = pyramid.segmenter(fitted).assignAll(population);
    assertThat(s.counts()).containsExactly(Map.entry("key", 1L), Map.entry("potential", 3L), Map.entry("ordinary", 16L));
    assertThat(s.segment(0)).isEqualTo("key");
    assertThat(s.segment(3)).isEqualTo("potential");
    assertThat(s.segment(4)).isEqualTo("ordinary");
  }

  @Test
  void customersTiedAtACutGoToTheHigherTier() {
    Segmentation s = pyramid.segmenter(pyramid.fit(profits(50, 50, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)))
        .assignAll(profits(50, 50, 1));
    assertThat(s.segment(0)).isEqualTo("key");
    assertThat(s.segment(1)).isEqualTo("key");
  }

  @Test
  void lossMakingCustomersAreRankedToo() {
    Segmentation s = pyramid.segmenter(pyramid.fit(profits(-5, 3, -100, 7))).assignAll(profits(-100));
    assertThat(s.segment(0)).isEqualTo("ordinary");
  }

  @Test
  void withoutProfitACustomerIsUnclassifiedNotGuessed() {
    FittedScheme fitted = pyramid.fit(profits(1, 2, 3));
    Assignment a = pyramid.segmenter(fitted).assign(customer("x", b -> attribute(b, Attribute.REVENUE, 900)), AS_OF);
    assertThat(a.segment()).isEqualTo(Assignment.UNCLASSIFIED);
    assertThat(a.reason()).isEqualTo("profit not supplied (needs revenue and cost to serve)");
    Assignment prospect = pyramid.segmenter(fitted).assign(prospect("p"), AS_OF);
    assertThat(prospect.reason()).isEqualTo("profit not supplied (needs revenue and cost to serve)");
  }

  @Test
  void profitComesFromRevenueMinusCostToServe() {
    FittedScheme fitted = pyramid.fit(profits(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));
    Assignment a = pyramid.segmenter(fitted).assign(
        customer("x", b -> attribute(attribute(b, Attribute.REVENUE, 900), Attribute.COST_TO_SERVE, 880)), AS_OF);
    assertThat(a.segment()).isEqualTo("key");
    assertThat(a.inputs()).containsEntry("profit", 20.0).containsEntry("key.min-profit", 20.0);
  }

  @Test
  void cutPointsAreConfigurable() {
    SegmentationScheme tenPercent = pyramid.configure(Map.of("key.share", 0.1, "potential.share", 0.2));
    assertThat(tenPercent.id()).isEqualTo("value-pyramid");
    assertThat(pyramid.parameters()).containsEntry("key.share", 0.05);
    Segmentation s = tenPercent.segmenter(tenPercent.fit(profits(10, 9, 8, 7, 6, 5, 4, 3, 2, 1))).assignAll(profits(10, 9, 8, 7));
    assertThat(s.counts()).containsEntry("key", 1L).containsEntry("potential", 2L).containsEntry("ordinary", 1L);
  }

  @Test
  void badConfigurationIsRefusedWithTheParameterNamed() {
    assertThatThrownBy(() -> pyramid.configure(Map.of("key.shares", 0.1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'value-pyramid' has no parameter 'key.shares'; parameters are [key.share, potential.share]");
    assertThatThrownBy(() -> pyramid.configure(Map.of("key.share", 1.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'value-pyramid': parameter 'key.share' is 1.5, out of range 0..1");
    assertThatThrownBy(() -> pyramid.configure(Map.of("key.share", 0.6, "potential.share", 0.6)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'value-pyramid': parameters 'key.share' and 'potential.share' add up to 1.2, more than 1");
    assertThatThrownBy(() -> pyramid.configure(Map.of("key.share", Double.NaN)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'value-pyramid': parameter 'key.share' is not finite: NaN");
  }

  @Test
  void valueTiersTakeFixedThresholdsFromAHandWrittenFittedScheme() {
    FittedScheme thresholds = new FittedScheme(
        "value-tier", 1, Map.of("high.share", 0.2, "medium.share", 0.3, "high.min-profit", 10_000.0, "medium.min-profit", 1_000.0));
    Segmentation s = tiers.segmenter(thresholds).assignAll(profits(25_000, 10_000, 9_999.99, 1_000, 0, -50));
    assertThat(List.of(s.segment(0), s.segment(1), s.segment(2), s.segment(3), s.segment(4), s.segment(5)))
        .containsExactly("high", "high", "medium", "medium", "low", "low");
  }

  @Test
  void aProfitExactlyOnAFixedThresholdReachesThatTier() {
    FittedScheme thresholds = new FittedScheme(
        "value-tier", 1, Map.of("high.share", 0.2, "medium.share", 0.3, "high.min-profit", 10_000.0, "medium.min-profit", 1_000.0));
    // 1,500.10 - 500.10 = 1,000.00: at least medium.min-profit.
    Assignment a = tiers.segmenter(thresholds).assign(
        customer("x", b -> attribute(attribute(b, Attribute.REVENUE, 1_500.10), Attribute.COST_TO_SERVE, 500.10)), AS_OF);
    assertThat(a.segment()).isEqualTo("medium");
    assertThat(a.inputs()).containsEntry("profit", 1_000.0);
  }

  @Test
  void valueTiersByQuantileDefaultTo20And30Percent() {
    Segmentation s = tiers.segmenter(tiers.fit(profits(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).assignAll(profits(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    assertThat(s.counts()).containsExactly(Map.entry("high", 2L), Map.entry("medium", 3L), Map.entry("low", 5L));
  }

  @Test
  void thresholdsOutOfOrderAreRefused() {
    FittedScheme bad = new FittedScheme(
        "value-tier", 1, Map.of("high.share", 0.2, "medium.share", 0.3, "high.min-profit", 10.0, "medium.min-profit", 20.0));
    assertThatThrownBy(() -> tiers.segmenter(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'value-tier': 'medium.min-profit' 20.0 is above 'high.min-profit' 10.0");
  }

  /**
   * A zero profit may come as -0.0 from an extract (minus one times nothing); the cut it gives is
   * stored as 0.0 whichever zero the quickselect meets first, so that the fit does not depend on the
   * order of the rows. 40 customers: 8 earning 100 (high), 12 earning nothing (medium), 20 losing 50.
   */
  @Test
  void aCutAtZeroProfitIsStoredAsZeroWhateverTheSignOfTheZeros() {
    double[] p = new double[40];
    for (int i = 0; i < 40; i++) {
      p[i] = i < 8 ? 100 : i < 20 ? (i % 2 == 0 ? 0.0 : -0.0) : -50;
    }
    double[] reversed = new double[40];
    for (int i = 0; i < 40; i++) {
      reversed[i] = p[39 - i];
    }
    for (double[] profits : List.of(p, reversed)) {
      FittedScheme fitted = tiers.fit(profits(profits));
      assertThat(fitted.parameters()).containsEntry("high.min-profit", 100.0).containsEntry("medium.min-profit", 0.0);
      assertThat(tiers.segmenter(fitted).assignAll(profits(-0.0, 0.0, -0.01)).counts())
          .containsExactly(Map.entry("high", 0L), Map.entry("medium", 2L), Map.entry("low", 1L));
    }
  }

  /** The pyramid's shares of customers match its cut points, give or take one group of tied profits. */
  @Test
  void pyramidSharesMatchItsCutPoints() {
    qt().withExamples(150)
        .forAll(
            lists().of(integers().between(-50, 500)).ofSizeBetween(1, 500),
            doubles().between(0, 0.5),
            doubles().between(0, 0.5))
        .checkAssert((values, keyShare, potentialShare) -> {
          double[] p = values.stream().mapToDouble(Integer::doubleValue).toArray();
          SegmentationScheme s = pyramid.configure(Map.of("key.share", keyShare, "potential.share", potentialShare));
          Population population = profits(p);
          Segmentation segmentation = s.segmenter(s.fit(population)).assignAll(population);
          Map<String, Long> counts = segmentation.counts();
          int tie = RfmTest.maxTieGroup(p);
          int n = p.length;
          assertThat(Math.abs(counts.get("key") - keyShare * n)).isLessThanOrEqualTo(tie);
          assertThat(Math.abs(counts.get("key") + counts.get("potential") - (keyShare + potentialShare) * n))
              .isLessThanOrEqualTo(tie);
          assertThat(counts.get("key") + counts.get("potential") + counts.get("ordinary")).isEqualTo(n);
          // Everyone in a higher tier has more profit than everyone in a lower tier.
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              if (segmentation.code(i) < segmentation.code(j)) {
                assertThat(p[i]).isGreaterThan(p[j]);
              }
            }
          }
        });
  }
}
