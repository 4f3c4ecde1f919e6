package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemeSegmenterTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Two segments and one reason, and rules that answer a fixed code whatever the row. */
  static final class Fixed extends BaseScheme {
    private final int code;

    Fixed(int code) {
      super("acme.fixed", Kind.ABSOLUTE, List.of("gold", "silver"), Population.Columns.of(Metric.CREDIT_SCORE), List.of(), Map.of());
      this.code = code;
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new Fixed(code);
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          return code;
        }

        @Override
        public void explain(Population p, int row, Map<String, Double> into) {
          into.put("code", (double) code);
        }

        @Override
        public List<String> reasons() {
          return List.of("no score");
        }
      };
    }
  }

  private static Customer customer() {
    MetricsSnapshot m = MetricsSnapshot.builder(Currency.getInstance("EUR"), NOW.minusSeconds(86_400)).build();
    return new Customer(CustomerId.of("C-0012345"), "active", 0, m, Map.of());
  }

  private static Segmenter segmenter(int code) {
    Fixed scheme = new Fixed(code);
    return scheme.segmenter(scheme.fit(Population.of(List.of(), NOW, scheme.columns())));
  }

  @Test
  void aCodeOfTheRulesIsTheSegmentOrTheReason() {
    assertThat(segmenter(1).assign(customer(), NOW).segment()).isEqualTo("silver");
    assertThat(segmenter(-1).assign(customer(), NOW).reason()).isEqualTo("no score");
  }

  @Test
  void aCodeWithNoLabelOrReasonIsRefusedForOneCustomerAsForAPopulation() {
    for (int code : new int[] {2, 7, -2, Integer.MIN_VALUE}) {
      Segmenter segmenter = segmenter(code);
      Population population = Population.of(List.of(customer()), NOW, Population.Columns.of(Metric.CREDIT_SCORE));
      assertThat(catchException(() -> segmenter.assignAll(population)))
          .as("population, code %d", code)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("code " + code);
      assertThat(catchException(() -> segmenter.assign(customer(), NOW)))
          .as("one customer, code %d", code)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("code " + code)
          .hasMessageContaining("has no label or reason")
          .hasMessageNotContaining("C-0012345");
    }
  }

  @Test
  void codeZeroIsTheFirstSegmentAndTheAssignmentCarriesWhatExplainsIt() {
    assertThat(segmenter(0).assign(customer(), NOW).segment()).isEqualTo("gold");
    assertThat(segmenter(0).assign(customer(), NOW).inputs()).containsExactly(Map.entry("code", 0.0));
    assertThat(segmenter(-1).assign(customer(), NOW).inputs()).containsExactly(Map.entry("code", -1.0));
  }

  /** Segments from the data: each customer's stage. */
  static final class Stages extends BaseScheme {
    Stages() {
      super("acme.stages", Kind.ABSOLUTE, List.of(), new Population.Columns(java.util.Set.of(), java.util.Set.of(), true), List.of(),
          Map.of());
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new Stages();
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          return labels.code(p.stage(row));
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
  void segmentsFromTheDataAreThoseOfTheRunOnly() {
    Stages scheme = new Stages();
    Segmenter segmenter = scheme.segmenter(scheme.fit(Population.of(List.of(), NOW, scheme.columns())));
    MetricsSnapshot m = MetricsSnapshot.builder(Currency.getInstance("EUR"), NOW.minusSeconds(86_400)).build();
    Customer active = new Customer(CustomerId.of("C-1"), "active", 0, m, Map.of());
    Customer dormant = new Customer(CustomerId.of("C-2"), "dormant", 0, m, Map.of());
    segmenter.assignAll(Population.of(List.of(active), NOW, scheme.columns()));
    Segmentation second = segmenter.assignAll(Population.of(List.of(dormant), NOW, scheme.columns()));
    // a label the first run met is not a segment of the second, which has no customer in it
    assertThat(second.labels()).containsExactly("dormant");
    assertThat(second.counts()).containsExactly(Map.entry("dormant", 1L));
  }
}
