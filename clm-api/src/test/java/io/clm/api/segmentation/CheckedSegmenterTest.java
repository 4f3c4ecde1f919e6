package io.clm.api.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.PluginFailureException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckedSegmenterTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final Customer ANNA =
      new Customer(CustomerId.of("C-1"), "growth", 0, MetricsSnapshot.builder(Currency.getInstance("EUR"), NOW).build(), Map.of());

  /** A vendor's scheme that declares gold and silver and assigns whatever it is told to. */
  private static final class Bands implements SegmentationScheme, Segmenter {
    private final String answer;

    Bands(String answer) {
      this.answer = answer;
    }

    @Override public String id() { return "acme.bands"; }
    @Override public Kind kind() { return Kind.ABSOLUTE; }
    @Override public List<String> segments() { return List.of("gold", "silver"); }
    @Override public Population.Columns columns() { return Population.Columns.of(); }
    @Override public int formatVersion() { return 1; }
    @Override public Map<String, Double> parameters() { return Map.of(); }
    @Override public SegmentationScheme configure(Map<String, Double> overrides) { return this; }
    @Override public FittedScheme fit(Population population) { return new FittedScheme(id(), 1, Map.of()); }
    @Override public Segmenter segmenter(FittedScheme fitted) { return this; }
    @Override public FittedScheme fitted() { return new FittedScheme(id(), 1, Map.of()); }

    @Override
    public Assignment assign(Customer customer, Instant asOf) {
      if (answer.equals("throw")) {
        throw new IllegalStateException("bands file missing for " + customer.id().value());
      }
      return answer.equals(Assignment.UNCLASSIFIED)
          ? new Assignment(id(), customer.id(), answer, "no score", Map.of())
          : new Assignment(id(), customer.id(), answer, "", Map.of());
    }

    @Override
    public Segmentation assignAll(Population population) {
      return Segmentation.of(id(), population, List.of("gold", answer), List.of(), new int[population.size()]);
    }
  }

  private static Segmenter checked(String answer) {
    Bands bands = new Bands(answer);
    return CheckedSegmenter.of(bands, bands.fit(Population.of(List.of(), NOW, bands.columns())));
  }

  @Test
  void declaredSegmentsAndUnclassifiedPass() {
    assertThat(checked("silver").assign(ANNA, NOW).segment()).isEqualTo("silver");
    assertThat(checked(Assignment.UNCLASSIFIED).assign(ANNA, NOW).segment()).isEqualTo(Assignment.UNCLASSIFIED);
    assertThat(checked("silver").assignAll(Population.of(List.of(ANNA), NOW, Population.Columns.of())).labels())
        .containsExactly("gold", "silver");
  }

  @Test
  void anUndeclaredSegmentIsIsolatedWithTheSchemeAndTheMaskedCustomer() {
    assertThatThrownBy(() -> checked("platinum").assign(ANNA, NOW))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.bands' (io.clm.api.segmentation.CheckedSegmenterTest$Bands) returned segment 'platinum' for"
                + " customer "
                + ANNA.id().masked()
                + ", which it does not declare; declared are [gold, silver]");
    assertThatThrownBy(() -> checked("platinum").assignAll(Population.of(List.of(ANNA), NOW, Population.Columns.of())))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.bands' (io.clm.api.segmentation.CheckedSegmenterTest$Bands) returned segment 'platinum' for"
                + " a population of 1, which it does not declare; declared are [gold, silver]");
  }

  @Test
  void aSchemeThatThrowsIsIsolatedWithoutItsMessage() {
    assertThatThrownBy(() -> checked("throw").assign(ANNA, NOW))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'acme.bands' (io.clm.api.segmentation.CheckedSegmenterTest$Bands) threw"
                + " java.lang.IllegalStateException in assign for customer "
                + ANNA.id().masked())
        .hasCauseInstanceOf(IllegalStateException.class);
  }
}
