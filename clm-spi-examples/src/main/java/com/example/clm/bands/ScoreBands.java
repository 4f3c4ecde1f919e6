package com.example.clm.bands;

import com.google.auto.service.AutoService;
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
import java.util.List;
import java.util.Map;

/**
 * Three score bands, {@code gold}, {@code silver} and {@code bronze}, by the supplied credit score:
 * a simple scheme written on {@code clm-plugin-support}, the base classes clm's own schemes use.
 * Silver's cut point must be below gold's, in a configuration as in a fitted scheme.
 */
@AutoService(SegmentationScheme.class)
public final class ScoreBands extends BaseScheme {
  private static final List<Parameter> PARAMETERS =
      List.of(new Parameter("gold.min-score", 750, 0, 1000), new Parameter("silver.min-score", 600, 0, 1000));

  /** The scheme with its default cut points; ServiceLoader calls this. */
  public ScoreBands() {
    this(Map.of());
  }

  private ScoreBands(Map<String, Double> overrides) {
    super("example.score-bands", Kind.ABSOLUTE, List.of("gold", "silver", "bronze"),
        Population.Columns.of(Metric.CREDIT_SCORE), PARAMETERS, overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new ScoreBands(parameters);
  }

  /** Silver starts below gold: with the cut points crossed, no customer could be silver. */
  @Override
  protected void checkTogether(Map<String, Double> values, String owner) {
    double gold = values.get("gold.min-score");
    double silver = values.get("silver.min-score");
    if (!(silver < gold)) {
      throw new ValidationException(owner + ": silver.min-score " + silver + " is not below gold.min-score " + gold);
    }
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    double gold = fitted.parameter("gold.min-score");
    double silver = fitted.parameter("silver.min-score");
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        double score = p.metric(Metric.CREDIT_SCORE, row);
        return Double.isNaN(score) ? -1 : score >= gold ? 0 : score >= silver ? 1 : 2;
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {
        Inputs.put(into, "credit-score", p.metric(Metric.CREDIT_SCORE, row));
      }

      @Override
      public List<String> reasons() {
        return List.of("credit score not supplied");
      }
    };
  }
}
