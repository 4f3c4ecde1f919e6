package io.clm.segmentation;

import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Parameter;
import io.clm.plugin.support.Rules;
import java.util.List;
import java.util.Map;

/**
 * Three tiers of customers ranked by profit ({@link Metric#PROFIT}: supplied revenue minus
 * supplied cost to serve): the top share of customers, the next share, the rest. Fitting finds the
 * profit of the k-th most profitable customer, k = round(top share × m) for the top cut and k =
 * round((top share + next share) × m) for the next, of the m customers with a profit; a customer
 * tied with that profit goes to the higher tier. A customer without both revenue and cost to
 * serve is unclassified: there is no fallback to another measure, because ranking some customers
 * by volume and others by profit would mix units.
 */
abstract class ProfitTiers extends BaseScheme {
  private static final List<String> REASONS =
      List.of("profit not supplied (needs revenue and cost to serve)");

  private final String topShare;
  private final String middleShare;
  private final String topMin;
  private final String middleMin;

  ProfitTiers(String id, List<String> segments, double topDefault, double middleDefault, Map<String, Double> overrides) {
    super(
        id,
        Kind.POPULATION_RELATIVE,
        segments,
        Population.Columns.of(Metric.PROFIT),
        List.of(
            new Parameter(segments.get(0) + ".share", topDefault, 0, 1),
            new Parameter(segments.get(1) + ".share", middleDefault, 0, 1)),
        overrides);
    this.topShare = segments.get(0) + ".share";
    this.middleShare = segments.get(1) + ".share";
    this.topMin = segments.get(0) + ".min-profit";
    this.middleMin = segments.get(1) + ".min-profit";
  }

  @Override
  protected void checkTogether(Map<String, Double> values, String owner) {
    // Called from the super constructor, before this class's fields are set: derive the names.
    String top = segments().get(0) + ".share";
    String middle = segments().get(1) + ".share";
    double sum = values.get(top) + values.get(middle);
    if (sum > 1) {
      throw new ValidationException(
          owner + ": parameters '" + top + "' and '" + middle + "' add up to " + sum + ", more than 1");
    }
  }

  @Override
  protected void learn(Population population, Map<String, Double> out) {
    int n = population.size();
    if (n == 0) {
      throw new ValidationException("scheme '" + id() + "' cannot fit on an empty population");
    }
    double[] profits = new double[n];
    population.copy(Metric.PROFIT, profits);
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = profits[i];
      if (!Double.isNaN(v)) {
        profits[m++] = v;
      }
    }
    if (m == 0) {
      throw new ValidationException(
          "scheme '" + id() + "' found no customer with profit to fit on (revenue and cost to serve not supplied)");
    }
    int top = (int) Math.round(parameters().get(topShare) * m);
    int both = Math.min(m, (int) Math.round((parameters().get(topShare) + parameters().get(middleShare)) * m));
    // The k-th largest of m is the (m - k)-th smallest; select the lower position first.
    int bothAt = Math.min(m - 1, m - both);
    int topAt = Math.min(m - 1, m - top);
    double[] cuts = OrderStatistics.select(profits, m, new int[] {bothAt, topAt});
    out.put(topMin, top == 0 ? Double.MAX_VALUE : cuts[1]);
    out.put(middleMin, both == 0 ? Double.MAX_VALUE : cuts[0]);
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    double topCut = fitted.parameter(topMin);
    double middleCut = fitted.parameter(middleMin);
    if (middleCut > topCut) {
      throw new ValidationException(
          "fitted scheme '" + id() + "': '" + middleMin + "' " + middleCut + " is above '" + topMin + "' " + topCut);
    }
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        double profit = p.metric(Metric.PROFIT, row);
        if (Double.isNaN(profit)) {
          return -1;
        }
        return profit >= topCut ? 0 : profit >= middleCut ? 1 : 2;
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {
        Inputs.put(into, "profit", p.metric(Metric.PROFIT, row));
        into.put(topMin, topCut);
        into.put(middleMin, middleCut);
      }

      @Override
      public List<String> reasons() {
        return REASONS;
      }
    };
  }
}
