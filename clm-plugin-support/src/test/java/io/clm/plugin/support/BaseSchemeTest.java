package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaseSchemeTest {

  /**
   * A population-relative scheme with two thresholds that must stay in order, and a count it learns
   * from the population.
   */
  static final class Cut extends BaseScheme {
    static final Population.Columns COLUMNS =
        new Population.Columns(
            Set.of(Metric.CREDIT_SCORE, Metric.TRANSACTION_COUNT), Set.of(ProductType.CURRENT_ACCOUNT, ProductType.CARD), true);
    static final List<Parameter> PARAMETERS =
        List.of(new Parameter("gold.min-score", 700, 0, 1000), new Parameter("silver.min-score", 600, 0, 1000));

    Cut(Map<String, Double> overrides) {
      super("acme.cut", Kind.POPULATION_RELATIVE, List.of("gold", "silver", "bronze"),
          COLUMNS, PARAMETERS, overrides);
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new Cut(parameters);
    }

    @Override
    protected void learn(Population population, Map<String, Double> out) {
      out.put("learned.customers", (double) population.size());
    }

    @Override
    protected void checkTogether(Map<String, Double> values, String owner) {
      if (values.get("silver.min-score") >= values.get("gold.min-score")) {
        throw new ValidationException(owner + ": silver.min-score is not below gold.min-score");
      }
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          return 0;
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
  void aFittedSchemeOfAnotherSchemeIsRefusedWithItsIdQuotedAsTheApiQuotesIt() {
    // a fitted scheme is read back from storage: its id may hold anything but blank text
    assertThatThrownBy(() -> new Cut(Map.of()).segmenter(new FittedScheme("rfm", 1, Map.of())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme is for 'rfm', not for 'acme.cut'");
    assertThatThrownBy(() -> new Cut(Map.of()).segmenter(new FittedScheme("rfm\nacme.cut", 1, Map.of())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme is for 'rfm\\u000aacme.cut', not for 'acme.cut'");
  }

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Two customers with every column the scheme reads. */
  private static Population full() {
    return Population.builder(NOW, new CustomerId[] {CustomerId.of("C-1"), CustomerId.of("C-2")})
        .metric(Metric.CREDIT_SCORE, new double[] {720, 640})
        .metric(Metric.TRANSACTION_COUNT, new double[] {3, 0})
        .product(ProductType.CURRENT_ACCOUNT, new int[] {1, 1}, new double[] {0, 0})
        .product(ProductType.CARD, new int[] {0, 1}, new double[] {0, 0})
        .stages(new String[] {"active", "new"})
        .build();
  }

  /** The same customers with the credit score and the current account only. */
  private static Population partial() {
    return Population.builder(NOW, new CustomerId[] {CustomerId.of("C-1"), CustomerId.of("C-2")})
        .metric(Metric.CREDIT_SCORE, new double[] {720, 640})
        .product(ProductType.CURRENT_ACCOUNT, new int[] {1, 1}, new double[] {0, 0})
        .build();
  }

  @Test
  void theSchemeGivesBackWhatItWasBuiltWith() {
    Cut cut = new Cut(Map.of());
    assertThat(cut.id()).isEqualTo("acme.cut");
    assertThat(cut.kind()).isEqualTo(SegmentationScheme.Kind.POPULATION_RELATIVE);
    assertThat(cut.segments()).containsExactly("gold", "silver", "bronze");
    assertThat(cut.columns()).isEqualTo(Cut.COLUMNS);
    assertThat(cut.parameters()).containsExactly(Map.entry("gold.min-score", 700.0), Map.entry("silver.min-score", 600.0));
  }

  @Test
  void configureKeepsTheOtherParametersAndLeavesTheSchemeItIsCalledOn() {
    Cut cut = new Cut(Map.of("silver.min-score", 500.0));
    SegmentationScheme configured = cut.configure(Map.of("gold.min-score", 800.0));
    assertThat(configured.parameters()).containsExactly(Map.entry("gold.min-score", 800.0), Map.entry("silver.min-score", 500.0));
    assertThat(cut.parameters()).containsExactly(Map.entry("gold.min-score", 700.0), Map.entry("silver.min-score", 500.0));
  }

  @Test
  void parametersThatDoNotFitTogetherAreRefusedWhenBuiltAndWhenConfigured() {
    assertThatThrownBy(() -> new Cut(Map.of("silver.min-score", 700.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.cut': silver.min-score is not below gold.min-score");
    assertThatThrownBy(() -> new Cut(Map.of()).configure(Map.of("gold.min-score", 550.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.cut': silver.min-score is not below gold.min-score");
  }

  @Test
  void aFittedSchemeWhoseParametersDoNotFitTogetherIsRefused() {
    // each value is within its range, so only the check of the two together refuses them
    FittedScheme crossed = new FittedScheme("acme.cut", 1, Map.of("gold.min-score", 600.0, "silver.min-score", 650.0));
    assertThatThrownBy(() -> new Cut(Map.of()).segmenter(crossed))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'acme.cut': silver.min-score is not below gold.min-score");
  }

  @Test
  void aFitHoldsTheConfigurationAndWhatTheSchemeLearnt() {
    FittedScheme fitted = new Cut(Map.of("gold.min-score", 750.0)).fit(full());
    assertThat(fitted).isEqualTo(
        new FittedScheme("acme.cut", 1, Map.of("gold.min-score", 750.0, "silver.min-score", 600.0, "learned.customers", 2.0)));
    Segmenter segmenter = new Cut(Map.of()).segmenter(fitted);
    assertThat(segmenter.fitted()).isEqualTo(fitted);
  }

  @Test
  void aPopulationWithoutTheColumnsTheSchemeReadsIsRefusedNamingTheMissingOnes() {
    // missing: a metric, a product and the stage, listed in alphabetical order
    String missing = "population lacks columns [card, stage, transaction-count] that scheme 'acme.cut' reads";
    assertThatThrownBy(() -> new Cut(Map.of()).fit(partial()))
        .as("fitting a population-relative scheme")
        .isInstanceOf(ValidationException.class)
        .hasMessage(missing);
    Segmenter segmenter = new Cut(Map.of()).segmenter(new Cut(Map.of()).fit(full()));
    assertThatThrownBy(() -> segmenter.assignAll(partial()))
        .as("assigning a population")
        .isInstanceOf(ValidationException.class)
        .hasMessage(missing);
  }
}
