package io.clm.api.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.PluginFailureException;
import io.clm.api.ValidationException;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A population computed from several customers, the values a segmentation scheme hands back
 * (assignments, fitted schemes, segmentations) and a scheme whose segments only its fit knows.
 */
class SegmentationValuesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  private static final CustomerId ANNA = CustomerId.of("anna");
  private static final CustomerId BORIS = CustomerId.of("boris");

  private static Customer customer(CustomerId id, int debits, long minor, Instant lastTransaction) {
    MetricsSnapshot m = MetricsSnapshot.builder(EUR, FIRST)
        .transactions(ProductType.CARD, Direction.DEBIT, debits, minor)
        .products(ProductType.CARD, 1, 0)
        .transactedBetween(FIRST, lastTransaction)
        .build();
    return new Customer(id, "active", 0, m, Map.of());
  }

  @Test
  void aPopulationOfSeveralCustomersKeepsEachInItsRow() {
    Population.Columns columns = new Population.Columns(
        java.util.Set.of(Metric.TRANSACTION_COUNT, Metric.DAYS_SINCE_LAST_TRANSACTION),
        java.util.Set.of(ProductType.CARD), true);
    Population p = Population.of(
        List.of(customer(ANNA, 2, 1_000, Instant.parse("2026-02-20T00:00:00Z")),
            customer(BORIS, 5, 250, Instant.parse("2026-02-27T00:00:00Z"))),
        AS_OF, columns);

    assertThat(p.size()).isEqualTo(2);
    assertThat(p.id(0)).isEqualTo(ANNA);
    assertThat(p.id(1)).isEqualTo(BORIS);
    assertThat(p.metric(Metric.TRANSACTION_COUNT, 0)).isEqualTo(2);
    assertThat(p.metric(Metric.TRANSACTION_COUNT, 1)).isEqualTo(5);
    assertThat(p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, 0)).isEqualTo(9);
    assertThat(p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, 1)).isEqualTo(2);
    assertThat(p.volume(ProductType.CARD, 0)).isEqualTo(10.0);
    assertThat(p.volume(ProductType.CARD, 1)).isEqualTo(2.5);
    assertThat(p.held(ProductType.CARD, 1)).isEqualTo(1);
  }

  @Test
  void aPopulationTakenBeforeACustomersFactsIsRefusedNamingTheFieldAndTheMaskedCustomer() {
    Customer late = customer(BORIS, 1, 100, Instant.parse("2026-03-05T00:00:00Z"));
    assertThatThrownBy(() -> Population.of(List.of(customer(ANNA, 1, 100, FIRST), late), AS_OF,
            Population.Columns.of(Metric.DAYS_SINCE_LAST_TRANSACTION)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("days-since-last-transaction -4.0 is out of range (at least 0) for customer " + BORIS.masked())
        .hasMessageNotContaining("boris");
  }

  @Test
  void theReasonOfARowInTheFirstSegmentIsEmpty() {
    Population p = Population.builder(AS_OF, new CustomerId[] {ANNA, BORIS}).build();
    Segmentation s = Segmentation.of("tiers", p, List.of("high", "low"), List.of("no data"), new int[] {0, -1});
    assertThat(s.reason(0)).isEmpty();
    assertThat(s.segment(0)).isEqualTo("high");
    assertThat(s.reason(1)).isEqualTo("no data");
  }

  @Test
  void assignmentsSayWhetherTheCustomerWasPlacedAndShowNoInputs() {
    Assignment placed = new Assignment("tiers", ANNA, "gold", "", Map.of("volume", 12.5));
    Assignment left = new Assignment("tiers", ANNA, Assignment.UNCLASSIFIED, "no data", Map.of());
    assertThat(placed.isClassified()).isTrue();
    assertThat(left.isClassified()).isFalse();
    assertThat(placed.inputs()).containsExactly(Map.entry("volume", 12.5));
    assertThat(placed.toString()).isEqualTo("Assignment[tiers, " + ANNA.masked() + ", gold]");
    assertThatThrownBy(() -> new Assignment("tiers", ANNA, " ", "", Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("assignment scheme id and segment must not be blank");
    assertThatThrownBy(() -> new Assignment(" ", ANNA, "gold", "", Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("assignment scheme id and segment must not be blank");
  }

  @Test
  void fittedSchemesHaveNamedFiniteParameters() {
    FittedScheme fitted = new FittedScheme("tiers", 1, Map.of("cut", 0.5));
    assertThat(fitted.parameter("cut")).isEqualTo(0.5);
    assertThatThrownBy(() -> fitted.parameter("edge"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'tiers' lacks parameter 'edge'");
    assertThatThrownBy(() -> new FittedScheme("tiers", 1, Map.of(" ", 1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'tiers': a parameter name is blank");
    assertThatThrownBy(() -> new FittedScheme("tiers", 1, Map.of("cut", Double.NaN)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'tiers': parameter 'cut' is not finite: NaN");
    assertThatThrownBy(() -> new FittedScheme("tiers", 0, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'tiers': format version 0 is not positive");
  }

  @Test
  void namesFromASchemeAreQuotedAsShortEscapedExcerpts() {
    String id = "tiers\nERROR forged" + "s".repeat(10_000);
    String quotedId = "'tiers\\u000aERROR forged" + "s".repeat(14) + "'... (10018 characters)";
    assertThatThrownBy(() -> new FittedScheme(id, 0, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme " + quotedId + ": format version 0 is not positive");
    assertThatThrownBy(() -> new FittedScheme("tiers", 1, Map.of("cut\r", Double.POSITIVE_INFINITY)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'tiers': parameter 'cut\\u000d' is not finite: Infinity");
    assertThatThrownBy(() -> new FittedScheme("tiers", 1, Map.of()).parameter("edge\n" + "e".repeat(100_000)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'tiers' lacks parameter 'edge\\u000a" + "e".repeat(27) + "'... (100005 characters)");
    assertThatThrownBy(() -> new Assignment("tiers", ANNA, "gold\n" + "g".repeat(100_000), "why", Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("assignment of customer " + ANNA.masked() + " to 'gold\\u000a" + "g".repeat(27)
            + "'... (100005 characters): an unclassified assignment has a reason, a classified one has none");
    assertThatThrownBy(() -> new Assignment("tiers", ANNA, "gold", "", Map.of("vol'ume", Double.NaN)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("assignment of customer " + ANNA.masked() + ": input 'vol\\u0027ume' is not finite: NaN");
  }

  @Test
  void theFittedSchemeAFailureIsAboutIsQuotedAsAShortEscapedExcerpt() {
    Quantiles broken = new Quantiles("q1") {
      @Override
      public Segmenter segmenter(FittedScheme fitted) {
        throw new IllegalStateException("no segmenter");
      }
    };
    assertThatThrownBy(() -> CheckedSegmenter.of(broken, new FittedScheme("quantiles\nERROR forged", 1, Map.of())))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageEndingWith(
            "threw java.lang.IllegalStateException in segmenter for fitted scheme 'quantiles\\u000aERROR forged'");
  }

  /** A relative scheme: it declares no segments of its own, the segmenter of its fit names them. */
  private static class Quantiles implements SegmentationScheme {
    private final String answer;

    Quantiles(String answer) {
      this.answer = answer;
    }

    @Override public String id() { return "acme.quantiles"; }
    @Override public Kind kind() { return Kind.POPULATION_RELATIVE; }
    @Override public List<String> segments() { return List.of(); }
    @Override public Population.Columns columns() { return Population.Columns.of(); }
    @Override public int formatVersion() { return 1; }
    @Override public Map<String, Double> parameters() { return Map.of(); }
    @Override public SegmentationScheme configure(Map<String, Double> overrides) { return this; }
    @Override public FittedScheme fit(Population population) { return new FittedScheme(id(), 1, Map.of("q", 2.0)); }

    @Override
    public Segmenter segmenter(FittedScheme fitted) {
      return new Segmenter() {
        @Override public FittedScheme fitted() { return fitted; }
        @Override public List<String> segments() { return List.of("q1", "q2"); }

        @Override
        public Assignment assign(Customer customer, Instant asOf) {
          return new Assignment(id(), customer.id(), answer, "", Map.of());
        }

        @Override
        public Segmentation assignAll(Population population) {
          return Segmentation.of(id(), population, List.of(answer), List.of(), new int[population.size()]);
        }

        @Override public String toString() { return "quantiles of " + fitted.parameter("q"); }
      };
    }
  }

  private static Segmenter checked(String answer) {
    Quantiles scheme = new Quantiles(answer);
    return CheckedSegmenter.of(scheme, scheme.fit(Population.of(List.of(), AS_OF, scheme.columns())));
  }

  @Test
  void aSchemeWithoutSegmentsOfItsOwnIsHeldToTheSegmentsOfItsFit() {
    Customer anna = customer(ANNA, 1, 100, FIRST);
    Segmenter good = checked("q2");
    assertThat(good.assign(anna, AS_OF).segment()).isEqualTo("q2");
    assertThat(good.assignAll(Population.of(List.of(anna), AS_OF, Population.Columns.of())).labels())
        .containsExactly("q2");
    assertThat(good.segments()).containsExactly("q1", "q2");
    assertThat(good.fitted().parameter("q")).isEqualTo(2.0);
    assertThat(good.toString()).isEqualTo("CheckedSegmenter[quantiles of 2.0]");
    assertThatThrownBy(() -> checked("q9").assign(anna, AS_OF))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("returned segment 'q9' for customer " + ANNA.masked())
        .hasMessageEndingWith("which it does not declare; declared are [q1, q2]");
  }
}
