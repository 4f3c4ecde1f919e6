package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.attribute;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.disloyal;
import static io.clm.segmentation.Fixtures.loyal;
import static io.clm.segmentation.Fixtures.loyalty;
import static io.clm.segmentation.Fixtures.prospect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.Customer;
import io.clm.api.MetricsSnapshot;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoyaltyGridTest {

  private static Segmenter segmenter(String id) {
    SegmentationScheme s = Fixtures.scheme(id);
    return s.segmenter(s.fit(Population.of(List.<Customer>of(), AS_OF, s.columns())));
  }

  /** A customer with the given loyalty, credit score and scale. */
  private static Customer placed(boolean highLoyalty, double credit, double scale) {
    UnaryOperator<MetricsSnapshot.Builder> facts = b -> {
      MetricsSnapshot.Builder x = highLoyalty ? loyal(b) : disloyal(b);
      attribute(x, Attribute.CREDIT_SCORE, credit);
      return attribute(x, Attribute.SCALE, scale);
    };
    return customer("c", facts);
  }

  @Test
  void theLoyaltyScoreAveragesTheFiveIndicatorsOfSeed003() {
    Assignment high = segmenter("loyalty").assign(customer("c", Fixtures::loyal), AS_OF);
    assertThat(high.segment()).isEqualTo("high-loyalty");
    assertThat(high.inputs().get("loyalty-score")).isCloseTo(0.71, within(1e-12));
    Assignment low = segmenter("loyalty").assign(customer("c", Fixtures::disloyal), AS_OF);
    assertThat(low.segment()).isEqualTo("low-loyalty");
    assertThat(low.inputs().get("loyalty-score")).isCloseTo(0.11, within(1e-12));
  }

  /**
   * 2 products opened, 1 closed → 0.5; competitor attention 0.4 → 0.6; price sensitivity 0.4 → 0.6;
   * 7-day decision → 0.5; tolerance 0.3: (0.5 + 0.6 + 0.6 + 0.5 + 0.3) / 5 = 2.5 / 5 = 0.5, exactly
   * the default {@code loyalty.high-min}.
   */
  private static MetricsSnapshot.Builder onTheThreshold(MetricsSnapshot.Builder b) {
    return loyalty(b, 1, 1, 0.4, 0.4, 7, 0.3);
  }

  @Test
  void aScoreExactlyOnTheHighMinIsHighLoyalty() {
    Assignment a = segmenter("loyalty").assign(customer("c", LoyaltyGridTest::onTheThreshold), AS_OF);
    assertThat(a.inputs().get("loyalty-score")).isEqualTo(0.5);
    assertThat(a.segment()).isEqualTo("high-loyalty");
    Customer gold = customer("c", b -> attribute(onTheThreshold(b), Attribute.CREDIT_SCORE, 700));
    assertThat(segmenter("loyalty-credit").assign(gold, AS_OF).segment()).isEqualTo("gold");
  }

  @Test
  void weightsAreConfigurable() {
    SegmentationScheme onlyTolerance = Fixtures.scheme("loyalty").configure(Map.of(
        "weight.repeat-purchase", 0.0, "weight.competitor-attention", 0.0, "weight.price-sensitivity", 0.0,
        "weight.decision-time", 0.0, "weight.incident-tolerance", 1.0));
    Segmenter s = onlyTolerance.segmenter(onlyTolerance.fit(Population.of(List.<Customer>of(), AS_OF, onlyTolerance.columns())));
    // Only the tolerance is supplied: the other indicators have weight 0 and are not needed.
    Assignment a = s.assign(customer("c", b -> attribute(b, Attribute.INCIDENT_TOLERANCE, 0.3)), AS_OF);
    assertThat(a.segment()).isEqualTo("low-loyalty");
    assertThat(a.inputs().get("loyalty-score")).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void weightsThatAddUpToZeroAreRefused() {
    assertThatThrownBy(() -> Fixtures.scheme("loyalty-credit").configure(Map.of(
            "weight.repeat-purchase", 0.0, "weight.competitor-attention", 0.0, "weight.price-sensitivity", 0.0,
            "weight.decision-time", 0.0, "weight.incident-tolerance", 0.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'loyalty-credit': the loyalty weights add up to 0");
  }

  /** Seed 003's grid: loyalty low to high across, credit high on top. */
  @ParameterizedTest(name = "loyal={0} credit={1}: {2}")
  @CsvSource({
    "false, 800, star",
    "true,  800, gold",
    "false, 300, junk",
    "true,  300, risk",
    "false, 600, star",
    "true,  599.99, risk",
  })
  void loyaltyCredit(boolean loyal, double credit, String segment) {
    assertThat(segmenter("loyalty-credit").assign(placed(loyal, credit, 0), AS_OF).segment()).isEqualTo(segment);
  }

  /** Seed 003's grid: loyalty low to high across, scale large on top. */
  @ParameterizedTest(name = "loyal={0} scale={1}: {2}")
  @CsvSource({
    "false, 5000000, tomorrow",
    "true,  5000000, cash-cow",
    "false, 20000,   warm-up",
    "true,  20000,   chicken-rib",
  })
  void loyaltyScale(boolean loyal, double scale, String segment) {
    assertThat(segmenter("loyalty-scale").assign(placed(loyal, 0, scale), AS_OF).segment()).isEqualTo(segment);
  }

  @ParameterizedTest(name = "loyal={0} credit={1} scale={2}: {3}")
  @CsvSource({
    "true,  800, 5000000, high-credit-large-high-loyalty",
    "false, 800, 5000000, high-credit-large-low-loyalty",
    "true,  800, 20000,   high-credit-small-high-loyalty",
    "false, 800, 20000,   high-credit-small-low-loyalty",
    "false, 300, 20000,   low-credit-small-low-loyalty",
    "true,  300, 20000,   low-credit-small-high-loyalty",
    "false, 300, 5000000, low-credit-large-low-loyalty",
    "true,  300, 5000000, low-credit-large-high-loyalty",
  })
  void loyaltyScaleCredit(boolean loyal, double credit, double scale, String segment) {
    assertThat(segmenter("loyalty-scale-credit").assign(placed(loyal, credit, scale), AS_OF).segment()).isEqualTo(segment);
  }

  @Test
  void theEightCellsAreListedInTheSeedsOrder() {
    assertThat(Fixtures.scheme("loyalty-scale-credit").segments()).containsExactly(
        "high-credit-large-high-loyalty",
        "high-credit-large-low-loyalty",
        "high-credit-small-high-loyalty",
        "high-credit-small-low-loyalty",
        "low-credit-small-low-loyalty",
        "low-credit-small-high-loyalty",
        "low-credit-large-low-loyalty",
        "low-credit-large-high-loyalty");
    assertThat(Fixtures.scheme("loyalty-credit").segments()).containsExactly("star", "gold", "junk", "risk");
    assertThat(Fixtures.scheme("loyalty-scale").segments()).containsExactly("tomorrow", "cash-cow", "warm-up", "chicken-rib");
  }

  @Test
  void missingInputsLeaveTheCustomerUnclassifiedWithTheFirstMissingOneNamed() {
    Segmenter grid = segmenter("loyalty-scale-credit");
    assertThat(grid.assign(prospect("p"), AS_OF).reason())
        .isEqualTo("no products opened: repeat-purchase rate undefined");
    assertThat(grid.assign(customer("c", b -> loyalty(b, 2, 0, 0.5, 0.5, 3, 0.5)), AS_OF).reason())
        .isEqualTo("credit score not supplied");
    assertThat(grid.assign(customer("c", b -> attribute(loyalty(b, 2, 0, 0.5, 0.5, 3, 0.5), Attribute.CREDIT_SCORE, 700)), AS_OF).reason())
        .isEqualTo("scale not supplied");
    Customer noPrice = customer("c", b -> {
      b.products(io.clm.api.event.ProductType.LOAN, 1, 0);
      attribute(b, Attribute.COMPETITOR_ATTENTION, 0.1);
      return attribute(b, Attribute.DECISION_TIME_DAYS, 2);
    });
    Assignment a = grid.assign(noPrice, AS_OF);
    assertThat(a.segment()).isEqualTo(Assignment.UNCLASSIFIED);
    assertThat(a.reason()).isEqualTo("price sensitivity not supplied");
    assertThat(a.inputs()).containsEntry("competitor-attention", 0.1).doesNotContainKey("loyalty-score");
  }

  @Test
  void creditScoreAboveTheScaleIsRefusedNamingTheCustomer() {
    Customer c = customer("cust-42", b -> attribute(loyal(b), Attribute.CREDIT_SCORE, 1200));
    assertThatThrownBy(() -> segmenter("loyalty-credit").assign(c, AS_OF))
        .isInstanceOf(ValidationException.class)
        .hasMessage("credit-score 1200.0 is out of range 0..1000 for customer " + c.id().masked());
  }
}
