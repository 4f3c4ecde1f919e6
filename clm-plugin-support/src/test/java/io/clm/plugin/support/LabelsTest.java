package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Two fixed segments, and a rule that names a third one for customers without a credit score. */
  static final class Bands extends BaseScheme {
    Bands() {
      super("acme.bands", Kind.ABSOLUTE, List.of("gold", "silver"), Population.Columns.of(Metric.CREDIT_SCORE), List.of(), Map.of());
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new Bands();
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          double score = p.metric(Metric.CREDIT_SCORE, row);
          return Double.isNaN(score) ? labels.code("platinum") : labels.code(score >= 700 ? "gold" : "silver");
        }

        @Override
        public void explain(Population p, int row, Map<String, Double> into) {}

        @Override
        public List<String> reasons() {
          return List.of();
        }
      };
    }
  }

  private static Customer customer(String id) {
    MetricsSnapshot m = MetricsSnapshot.builder(Currency.getInstance("EUR"), NOW.minusSeconds(86_400)).build();
    return new Customer(CustomerId.of(id), "active", 0, m, Map.of());
  }

  @Test
  void fixedSegmentsHaveTheirCodesInOrder() {
    Labels labels = new Labels(List.of("gold", "silver"));
    assertThat(labels.code("gold")).isZero();
    assertThat(labels.code("silver")).isEqualTo(1);
    assertThat(labels.label(1)).isEqualTo("silver");
  }

  @Test
  void segmentsFromTheDataAreAddedOnFirstSight() {
    Labels labels = new Labels(List.of());
    assertThat(labels.code("active")).isZero();
    assertThat(labels.code("dormant")).isEqualTo(1);
    assertThat(labels.code("active")).isZero();
    assertThat(labels.all()).containsExactly("active", "dormant");
  }

  @Test
  void aLabelOutsideTheFixedSegmentsIsRefusedNotAdded() {
    Labels labels = new Labels(List.of("gold", "silver"));
    assertThatThrownBy(() -> labels.code("platinum"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segment 'platinum' is not one of the scheme's segments [gold, silver]");
    assertThat(labels.all()).containsExactly("gold", "silver");
  }

  @Test
  void aSegmenterNeverAssignsAnUndeclaredSegmentNorChangesItsSharedLabels() {
    Bands scheme = new Bands();
    Segmenter segmenter = scheme.segmenter(scheme.fit(Population.of(List.of(), NOW, scheme.columns())));
    assertThatThrownBy(() -> segmenter.assign(customer("C-1"), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'platinum'");
    // nothing was added to the labels the segmenter shares between calls and threads
    assertThatThrownBy(() -> segmenter.assign(customer("C-2"), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'platinum'");
    assertThat(segmenter.segments()).containsExactly("gold", "silver");
  }

  @Test
  void fixedSegmentsMustBeDistinctAndNotTheNameOfTheUnclassified() {
    assertThatThrownBy(() -> new Labels(List.of("gold", "silver", "gold")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segment 'gold' is declared twice in [gold, silver, gold]");
    assertThatThrownBy(() -> new Labels(List.of("gold", "unclassified")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segment 'unclassified' is not a segment: it names the customers left unclassified");
  }

  @Test
  void aLabelFromTheDataCannotBeTheNameOfTheUnclassified() {
    Labels labels = new Labels(List.of());
    labels.code("active");
    assertThatThrownBy(() -> labels.code("unclassified"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segment 'unclassified' is not a segment: it names the customers left unclassified");
    assertThat(labels.all()).containsExactly("active");
  }

  /** Segments from the data, and a rule that names the segment of every customer as given. */
  static final class Named extends BaseScheme {
    private final String segment;

    Named(List<String> segments, String segment) {
      super("acme.named", Kind.ABSOLUTE, segments, Population.Columns.of(Metric.CREDIT_SCORE), List.of(), Map.of());
      this.segment = segment;
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new Named(segments(), segment);
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          return labels.code(segment);
        }

        @Override
        public void explain(Population p, int row, Map<String, Double> into) {}

        @Override
        public List<String> reasons() {
          return List.of();
        }
      };
    }
  }

  @Test
  void aSchemeWhoseSegmentsRepeatOrNameTheUnclassifiedIsRefusedWhenBuilt() {
    assertThatThrownBy(() -> new Named(List.of("gold", "gold"), "gold"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.named': segment 'gold' is declared twice in [gold, gold]");
    assertThatThrownBy(() -> new Named(List.of("unclassified"), "unclassified"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.named': segment 'unclassified' is not a segment: it names the customers left unclassified");
  }

  @Test
  void oneCustomerIsNotPlacedInASegmentNamedLikeTheUnclassifiedAnyMoreThanAPopulation() {
    Named scheme = new Named(List.of(), "unclassified");
    Segmenter segmenter = scheme.segmenter(scheme.fit(Population.of(List.of(), NOW, scheme.columns())));
    Population population = Population.of(List.of(customer("C-1")), NOW, scheme.columns());
    assertThatThrownBy(() -> segmenter.assignAll(population)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> segmenter.assign(customer("C-1"), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'unclassified'");
  }
}
