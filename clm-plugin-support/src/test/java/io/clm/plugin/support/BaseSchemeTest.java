package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseSchemeTest {

  /**
   * A population-relative scheme with two thresholds that must stay in order, and a count it learns
   * from the population.
   */
  static final class Cut extends BaseScheme {
    static final List<Parameter> PARAMETERS =
        List.of(new Parameter("gold.min-score", 700, 0, 1000), new Parameter("silver.min-score", 600, 0, 1000));

    Cut(Map<String, Double> overrides) {
      super("acme.cut", Kind.POPULATION_RELATIVE, List.of("gold", "silver", "bronze"),
          Population.Columns.of(Metric.CREDIT_SCORE), PARAMETERS, overrides);
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
}
