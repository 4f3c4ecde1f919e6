package io.clm.segmentation;

import io.clm.api.Metric;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Parameter;
import io.clm.plugin.support.Rules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loyalty grids of seed 003: loyalty high or low (the {@link LoyaltyScore} against {@code
 * loyalty.high-min}), crossed with credit high or low ({@link Metric#CREDIT_SCORE} against {@code
 * credit.high-min}) and/or scale large or small ({@link Metric#SCALE} against {@code
 * scale.large-min}). Absolute: each customer is placed from its own data. Missing inputs are
 * checked in the order loyalty indicators, credit score, scale; the first missing one is the
 * reason.
 */
abstract class LoyaltyGrid extends BaseScheme {
  static final String CREDIT_HIGH_MIN = "credit.high-min";
  static final String SCALE_LARGE_MIN = "scale.large-min";

  private final boolean credit;
  private final boolean scale;

  /** The segment of a cell. */
  interface Cells {
    String segment(boolean highCredit, boolean largeScale, boolean highLoyalty);
  }

  private final Cells cells;

  LoyaltyGrid(String id, List<String> segments, boolean credit, boolean scale, Cells cells, Map<String, Double> overrides) {
    super(id, Kind.ABSOLUTE, segments, columns(credit, scale), params(credit, scale), overrides);
    this.credit = credit;
    this.scale = scale;
    this.cells = cells;
  }

  private static Population.Columns columns(boolean credit, boolean scale) {
    EnumSet<Metric> metrics = EnumSet.copyOf(LoyaltyScore.METRICS);
    if (credit) {
      metrics.add(Metric.CREDIT_SCORE);
    }
    if (scale) {
      metrics.add(Metric.SCALE);
    }
    return new Population.Columns(metrics, Set.of(), false);
  }

  private static List<Parameter> params(boolean credit, boolean scale) {
    List<Parameter> params = new ArrayList<>(LoyaltyScore.PARAMS);
    if (credit) {
      params.add(new Parameter(CREDIT_HIGH_MIN, 600, 0, 1000));
    }
    if (scale) {
      params.add(new Parameter(SCALE_LARGE_MIN, 1_000_000, 0, Double.MAX_VALUE));
    }
    return params;
  }

  @Override
  protected void checkTogether(Map<String, Double> values, String owner) {
    LoyaltyScore.checkWeights(values, owner);
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    LoyaltyScore loyalty = new LoyaltyScore(fitted);
    double creditMin = credit ? fitted.parameter(CREDIT_HIGH_MIN) : 0;
    double scaleMin = scale ? fitted.parameter(SCALE_LARGE_MIN) : 0;
    int[] table = new int[8];
    for (int cell = 0; cell < 8; cell++) {
      String segment = cells.segment((cell & 4) != 0, (cell & 2) != 0, (cell & 1) != 0);
      table[cell] = segments().indexOf(segment);
    }
    List<String> reasons = new ArrayList<>(LoyaltyScore.REASONS);
    reasons.add("credit score not supplied");
    reasons.add("scale not supplied");
    List<String> allReasons = List.copyOf(reasons);
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        int missing = loyalty.missing(p, row);
        if (missing >= 0) {
          return -1 - missing;
        }
        int cell = loyalty.isHigh(loyalty.score(p, row)) ? 1 : 0;
        if (credit) {
          double c = p.metric(Metric.CREDIT_SCORE, row);
          if (Double.isNaN(c)) {
            return -1 - 5;
          }
          cell |= c >= creditMin ? 4 : 0;
        }
        if (scale) {
          double s = p.metric(Metric.SCALE, row);
          if (Double.isNaN(s)) {
            return -1 - 6;
          }
          cell |= s >= scaleMin ? 2 : 0;
        }
        return table[cell];
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {
        loyalty.explain(p, row, into);
        if (credit) {
          Inputs.put(into, "credit-score", p.metric(Metric.CREDIT_SCORE, row));
          into.put(CREDIT_HIGH_MIN, creditMin);
        }
        if (scale) {
          Inputs.put(into, "scale", p.metric(Metric.SCALE, row));
          into.put(SCALE_LARGE_MIN, scaleMin);
        }
      }

      @Override
      public List<String> reasons() {
        return allReasons;
      }
    };
  }
}
