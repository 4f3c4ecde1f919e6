package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Parameter;
import io.clm.plugin.support.Rules;
import io.clm.tck.SegmentationSchemeContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * Credit-score bands around a configurable cut whose rules read the cut from the scheme they are
   * bound by rather than from the fitted scheme: a fit of a configured scheme, reloaded after a
   * restart into the discovered instance, assigns by the default cut.
   */
  public static final class InstanceCutBands extends BaseScheme {
    /** The scheme with its defaults. */
    public InstanceCutBands() {
      this(Map.of());
    }

    private InstanceCutBands(Map<String, Double> overrides) {
      super("acme.instance-cut-bands", Kind.ABSOLUTE, List.of("upper", "lower"),
          Population.Columns.of(Metric.CREDIT_SCORE), List.of(new Parameter("cut", 500, 0, 1000)), overrides);
    }

    @Override
    protected BaseScheme create(Map<String, Double> parameters) {
      return new InstanceCutBands(parameters);
    }

    @Override
    protected void learn(Population population, Map<String, Double> out) {}

    @Override
    protected Rules rules(FittedScheme fitted) {
      double cut = parameters().get("cut");
      return new Rules() {
        @Override
        public int classify(Population p, int row, Labels labels) {
          double score = p.metric(Metric.CREDIT_SCORE, row);
          if (Double.isNaN(score)) {
            return -1;
          }
          return score >= cut ? 0 : 1;
        }

        @Override
        public void explain(Population p, int row, Map<String, Double> into) {
          Inputs.put(into, "credit-score", p.metric(Metric.CREDIT_SCORE, row));
        }

        @Override
        public List<String> reasons() {
          return List.of("no credit score");
        }
      };
    }
  }

  @Test
  void aSchemeThatReadsItsConfigurationFromItselfInsteadOfTheFitIsCaught() {
    SegmentationSchemeContract c = schemes(InstanceCutBands::new);
    // with its defaults it is a sound scheme
    assertThatCode(c::assignmentIsTotalDeterministicAndConsistent).doesNotThrowAnyException();
    assertThatThrownBy(c::fittedSchemesSurviveTheJsonRoundTrip)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("assignment with the reloaded fit of")
        .hasMessageContaining("on a new instance with the defaults");
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

  /**
   * A scheme with two segments and no parameters whose {@code assignAll} reads its columns without
   * checking that the population has them; {@code assign} is {@code assignAll} on one customer.
   */
  abstract static class ReadsWithoutChecking implements SegmentationScheme {
    private final String id;
    private final List<String> segments;
    private final List<String> reasons;
    private final Population.Columns columns;

    ReadsWithoutChecking(String id, List<String> segments, List<String> reasons, Population.Columns columns) {
      this.id = id;
      this.segments = segments;
      this.reasons = reasons;
      this.columns = columns;
    }

    /** The segment code of each row, -1 for unclassified (with the first reason). */
    abstract int code(Population population, int row);

    @Override
    public String id() {
      return id;
    }

    @Override
    public Kind kind() {
      return Kind.ABSOLUTE;
    }

    @Override
    public List<String> segments() {
      return segments;
    }

    @Override
    public Population.Columns columns() {
      return columns;
    }

    @Override
    public int formatVersion() {
      return 1;
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public SegmentationScheme configure(Map<String, Double> overrides) {
      if (!overrides.isEmpty()) {
        throw new ValidationException("scheme '" + id + "' has no parameters; got " + overrides.keySet());
      }
      return this;
    }

    @Override
    public FittedScheme fit(Population population) {
      return new FittedScheme(id, 1, Map.of());
    }

    @Override
    public Segmenter segmenter(FittedScheme fitted) {
      return new Segmenter() {
        @Override
        public FittedScheme fitted() {
          return fitted;
        }

        @Override
        public List<String> segments() {
          return segments;
        }

        @Override
        public Assignment assign(Customer customer, Instant asOf) {
          Segmentation one = assignAll(Population.of(customer, asOf, columns));
          return new Assignment(id, customer.id(), one.segment(0), one.reason(0), Map.of());
        }

        @Override
        public Segmentation assignAll(Population population) {
          int[] codes = new int[population.size()];
          for (int row = 0; row < codes.length; row++) {
            codes[row] = code(population, row);
          }
          return Segmentation.of(id, population, segments, reasons, codes);
        }
      };
    }
  }

  /** Two credit-score bands that read the score column without checking it is there. */
  public static final class UncheckedBands extends ReadsWithoutChecking {
    public UncheckedBands() {
      super("acme.unchecked-bands", List.of("high", "low"), List.of("credit score not supplied"),
          Population.Columns.of(Metric.CREDIT_SCORE));
    }

    @Override
    int code(Population population, int row) {
      double score = population.metric(Metric.CREDIT_SCORE, row);
      return Double.isNaN(score) ? -1 : score >= 600 ? 0 : 1;
    }
  }

  @Test
  void aSegmenterThatDoesNotCheckItsColumnsIsCaught() {
    SegmentationSchemeContract c = schemes(UncheckedBands::new);
    assertThatCode(c::assignmentIsTotalDeterministicAndConsistent).doesNotThrowAnyException();
    assertThatThrownBy(c::assignAllRefusesAPopulationWithoutTheColumnsItReads)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("must throw a ValidationException, but it threw java.lang.IllegalStateException");
  }

  /** Splits customers by a stage or a product column, read without checking that the population has it. */
  public static final class UncheckedColumnScheme extends ReadsWithoutChecking {
    private final Population.Columns columns;

    UncheckedColumnScheme(Population.Columns columns) {
      super("acme.unchecked-column", List.of("first", "second"), List.of(), columns);
      this.columns = columns;
    }

    @Override
    int code(Population population, int row) {
      boolean first = columns.stage()
          ? population.stage(row).equals("active")
          : population.held(columns.products().iterator().next(), row) > 0;
      return first ? 0 : 1;
    }
  }

  @Test
  void aSegmenterThatDoesNotCheckItsStageOrProductColumnIsCaught() {
    for (Population.Columns read : List.of(
        new Population.Columns(Set.of(), Set.of(), true),
        new Population.Columns(Set.of(), Set.of(ProductType.values()[0]), false))) {
      assertThatThrownBy(schemes(() -> new UncheckedColumnScheme(read))::assignAllRefusesAPopulationWithoutTheColumnsItReads)
          .as("a scheme reading %s", read)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("must throw a ValidationException, but it threw java.lang.IllegalStateException");
    }
  }
}
