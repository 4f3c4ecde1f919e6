package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.attribute;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.disloyal;
import static io.clm.segmentation.Fixtures.loyal;
import static io.clm.segmentation.Fixtures.prospect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.Customer;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loyalty score's indicators one by one (docs/segmentation.md, "The loyalty score"): each weight
 * alone, weights that do not add up to 1, an indicator left out with weight 0, each missing
 * indicator named, and the inputs an assignment carries. Scores are worked out by hand from the
 * mapping table of the guide.
 */
class LoyaltyIndicatorsTest {
  private static final List<String> WEIGHTS = List.of(
      "weight.repeat-purchase", "weight.competitor-attention", "weight.price-sensitivity",
      "weight.decision-time", "weight.incident-tolerance");

  private static Segmenter segmenter(String id, Map<String, Double> overrides) {
    SegmentationScheme s = Fixtures.scheme(id).configure(overrides);
    return s.segmenter(s.fit(Population.of(List.<Customer>of(), AS_OF, s.columns())));
  }

  /** Weight 1 for {@code only}, 0 for the other four. */
  private static Map<String, Double> onlyWeight(String only) {
    Map<String, Double> weights = new HashMap<>();
    for (String w : WEIGHTS) {
      weights.put(w, w.equals(only) ? 1.0 : 0.0);
    }
    return weights;
  }

  /**
   * The indicators of {@link Fixtures#loyal} (4 products opened, 1 of them closed: 0.75; competitor
   * attention 0.2: 0.8; price sensitivity 0.4: 0.6; 7 days: 0.5; tolerance 0.9), all but {@code
   * left}.
   */
  private static Customer loyalWithout(String left) {
    UnaryOperator<MetricsSnapshot.Builder> facts = b -> {
      if (!left.equals("repeat-purchase")) {
        b.products(ProductType.DEPOSIT, 4, 1);
      }
      if (!left.equals("competitor-attention")) {
        attribute(b, Attribute.COMPETITOR_ATTENTION, 0.2);
      }
      if (!left.equals("price-sensitivity")) {
        attribute(b, Attribute.PRICE_SENSITIVITY, 0.4);
      }
      if (!left.equals("decision-time")) {
        attribute(b, Attribute.DECISION_TIME_DAYS, 7);
      }
      if (!left.equals("incident-tolerance")) {
        attribute(b, Attribute.INCIDENT_TOLERANCE, 0.9);
      }
      return b;
    };
    return customer("c", facts);
  }

  /**
   * Each indicator weighted alone is accepted, reads only its own input and is the score: 4
   * products opened give (4 - 1) / 4; attention 0.7 gives 1 - 0.7; sensitivity 0.4 gives 1 - 0.4;
   * 21 days with the default half-value of 7 days give 7 / (7 + 21); tolerance 0.8 is 0.8.
   */
  @ParameterizedTest(name = "{0} alone: {2}")
  @CsvSource({
    "weight.repeat-purchase,      repeat-purchase,      0.75, high-loyalty",
    "weight.competitor-attention, competitor-attention, 0.3,  low-loyalty",
    "weight.price-sensitivity,    price-sensitivity,    0.6,  high-loyalty",
    "weight.decision-time,        decision-time,        0.25, low-loyalty",
    "weight.incident-tolerance,   incident-tolerance,   0.8,  high-loyalty",
  })
  void eachIndicatorWeightedAloneIsTheScore(String weight, String indicator, double score, String segment) {
    UnaryOperator<MetricsSnapshot.Builder> facts = b -> switch (indicator) {
      case "repeat-purchase" -> b.products(ProductType.DEPOSIT, 4, 1);
      case "competitor-attention" -> attribute(b, Attribute.COMPETITOR_ATTENTION, 0.7);
      case "price-sensitivity" -> attribute(b, Attribute.PRICE_SENSITIVITY, 0.4);
      case "decision-time" -> attribute(b, Attribute.DECISION_TIME_DAYS, 21);
      default -> attribute(b, Attribute.INCIDENT_TOLERANCE, 0.8);
    };
    Assignment a = segmenter("loyalty", onlyWeight(weight)).assign(customer("c", facts), AS_OF);
    assertThat(a.segment()).isEqualTo(segment);
    assertThat(a.inputs().get("loyalty-score")).isCloseTo(score, within(1e-12));
  }

  /** The half-value of the decision time is configurable: 7 days against 14 give 14 / (14 + 7). */
  @Test
  void theDecisionTimesHalfValueIsConfigurable() {
    Map<String, Double> overrides = onlyWeight("weight.decision-time");
    overrides.put("decision-time.half-days", 14.0);
    Assignment a = segmenter("loyalty", overrides)
        .assign(customer("c", b -> attribute(b, Attribute.DECISION_TIME_DAYS, 7)), AS_OF);
    assertThat(a.inputs().get("loyalty-score")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.segment()).isEqualTo("high-loyalty");
  }

  /**
   * The score divides by the sum of the weights: repeat purchase 1 and tolerance 0.5 give (1 × 0.75
   * + 0.5 × 0.9) / 1.5 = 0.8; five weights of 0.5 give the same 0.71 as the default five of 0.2.
   */
  @Test
  void weightsNeedNotAddUpToOne() {
    Map<String, Double> twoWeights = onlyWeight("weight.repeat-purchase");
    twoWeights.put("weight.incident-tolerance", 0.5);
    assertThat(segmenter("loyalty", twoWeights).assign(customer("c", Fixtures::loyal), AS_OF).inputs().get("loyalty-score"))
        .isCloseTo(0.8, within(1e-12));
    Map<String, Double> halves = new HashMap<>();
    WEIGHTS.forEach(w -> halves.put(w, 0.5));
    assertThat(segmenter("loyalty", halves).assign(customer("c", Fixtures::loyal), AS_OF).inputs().get("loyalty-score"))
        .isCloseTo(0.71, within(1e-12));
  }

  /**
   * An indicator with weight 0 is not read: left out, the customer is scored on the other four
   * with their default weights, 0.2 each. Of 0.75, 0.8, 0.6, 0.5 and 0.9: without the repeat
   * purchases 2.8 / 4, without the attention 2.75 / 4, without the sensitivity 2.95 / 4, without the
   * decision time 3.05 / 4, without the tolerance 2.65 / 4.
   */
  @ParameterizedTest(name = "{0} with weight 0 and not supplied: {1}")
  @CsvSource({
    "repeat-purchase,      0.7",
    "competitor-attention, 0.6875",
    "price-sensitivity,    0.7375",
    "decision-time,        0.7625",
    "incident-tolerance,   0.6625",
  })
  void anIndicatorWithWeightZeroNeedNotBeSupplied(String indicator, double score) {
    Assignment a = segmenter("loyalty", Map.of("weight." + indicator, 0.0)).assign(loyalWithout(indicator), AS_OF);
    assertThat(a.segment()).isEqualTo("high-loyalty");
    assertThat(a.inputs().get("loyalty-score")).isCloseTo(score, within(1e-12));
  }

  /** With the default weights, a missing indicator leaves the customer unclassified, naming it, and no score is reported. */
  @ParameterizedTest(name = "without {0}: {1}")
  @CsvSource({
    "repeat-purchase,      no products opened: repeat-purchase rate undefined",
    "competitor-attention, competitor attention not supplied",
    "price-sensitivity,    price sensitivity not supplied",
    "decision-time,        decision time not supplied",
    "incident-tolerance,   incident tolerance not supplied",
  })
  void eachMissingIndicatorIsNamed(String indicator, String reason) {
    for (String scheme : List.of("loyalty", "loyalty-credit", "loyalty-scale", "loyalty-scale-credit")) {
      Assignment a = segmenter(scheme, Map.of()).assign(loyalWithout(indicator), AS_OF);
      assertThat(a.segment()).as(scheme).isEqualTo(Assignment.UNCLASSIFIED);
      assertThat(a.reason()).as(scheme).isEqualTo(reason);
      assertThat(a.inputs()).as(scheme).doesNotContainKey("loyalty-score").containsEntry("loyalty.high-min", 0.5);
    }
    Assignment p = segmenter("loyalty", Map.of()).assign(prospect("p"), AS_OF);
    assertThat(p.inputs()).containsEntry("products-opened", 0.0).doesNotContainKey("loyalty-score");
  }

  @Test
  void theAssignmentCarriesEveryIndicatorAndThreshold() {
    Customer c = customer("c", b -> attribute(attribute(loyal(b), Attribute.CREDIT_SCORE, 700), Attribute.SCALE, 2_000_000));
    Assignment a = segmenter("loyalty-scale-credit", Map.of()).assign(c, AS_OF);
    assertThat(a.segment()).isEqualTo("high-credit-large-high-loyalty");
    assertThat(a.inputs())
        .containsEntry("products-opened", 4.0)
        .containsEntry("competitor-attention", 0.2)
        .containsEntry("price-sensitivity", 0.4)
        .containsEntry("decision-time-days", 7.0)
        .containsEntry("incident-tolerance", 0.9)
        .containsEntry("loyalty.high-min", 0.5)
        .containsEntry("credit-score", 700.0)
        .containsEntry("credit.high-min", 600.0)
        .containsEntry("scale", 2_000_000.0)
        .containsEntry("scale.large-min", 1_000_000.0);
    assertThat(a.inputs().get("loyalty-score")).isCloseTo(0.71, within(1e-12));
  }

  /** A scale exactly on {@code scale.large-min} is large, as a credit score on its threshold is high. */
  @ParameterizedTest(name = "loyal={0} scale={1}: {2}")
  @CsvSource({
    "true,  1000000,   cash-cow",
    "false, 1000000,   tomorrow",
    "true,  999999.99, chicken-rib",
    "false, 999999.99, warm-up",
  })
  void aScaleOnTheLargeMinIsLarge(boolean loyal, double scale, String segment) {
    Customer c = customer("c", b -> attribute(loyal ? loyal(b) : disloyal(b), Attribute.SCALE, scale));
    assertThat(segmenter("loyalty-scale", Map.of()).assign(c, AS_OF).segment()).isEqualTo(segment);
  }
}
