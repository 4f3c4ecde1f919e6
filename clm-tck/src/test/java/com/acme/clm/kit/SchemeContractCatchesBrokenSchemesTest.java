package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Parameter;
import io.clm.plugin.support.Rules;
import io.clm.tck.SegmentationSchemeContract;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The scheme contract's checks can fail: each broken scheme below is caught by the check meant for it. */
class SchemeContractCatchesBrokenSchemesTest {

  /**
   * Credit-score bands whose cut point is the portfolio's median, learnt only from portfolios of
   * at least a hundred customers; and whose rules throw for a customer without a score instead of
   * leaving it unclassified with a reason.
   */
  public static final class MedianBands extends BaseScheme {
    /** The scheme with its defaults. */
    public MedianBands() {
      this(Map.of());
    }

    private MedianBands(Map<String, Double> overrides) {
      super("acme.median-bands", Kind.POPULATION_RELATIVE, List.of("upper", "lower"),
          Population.Columns.of(Metric.CREDIT_SCORE), List.of(new Parameter("median", 500, 0, 1000)), overrides);
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new MedianBands(parameters);
    }

    @Override
    protected void learn(Population population, Map<String, Double> out) {
      if (population.size() < 100) {
        throw new ValidationException("scheme 'acme.median-bands' needs at least 100 customers, got " + population.size());
      }
      double[] scores = new double[population.size()];
      population.copy(Metric.CREDIT_SCORE, scores);
      java.util.Arrays.sort(scores);
      out.put("median", scores[scores.length / 2]);
    }

    @Override
    protected Rules rules(FittedScheme fitted) {
      double median = fitted.parameter("median");
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          double score = p.metric(Metric.CREDIT_SCORE, row);
          if (Double.isNaN(score)) {
            throw new ValidationException("credit score missing");
          }
          return score >= median ? 0 : 1;
        }

        @Override
        public void explain(Population p, int row, Map<String, Double> into) {
          Inputs.put(into, "credit-score", p.metric(Metric.CREDIT_SCORE, row));
        }

        @Override
        public List<String> reasons() {
          return List.of();
        }
      };
    }
  }

  private static SegmentationSchemeContract schemes(Supplier<SegmentationScheme> plugin) {
    return new SegmentationSchemeContract() {
      @Override
      protected SegmentationScheme createPlugin() {
        return plugin.get();
      }
    };
  }

  @Test
  void aSchemeThatNeverFitsThePortfoliosIsCaughtInsteadOfPassingUnchecked() {
    SegmentationSchemeContract c = schemes(MedianBands::new);
    assertThatCode(c::fitIsDeterministicAndIndependentOfRowOrder).doesNotThrowAnyException();
    assertThatThrownBy(c::assignmentIsTotalDeterministicAndConsistent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("refused to fit every one of 30 portfolios");
  }
}
