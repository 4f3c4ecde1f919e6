package io.clm.segmentation;

import io.clm.api.Metric;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loyalty score from seed 003's five indicators (客户忠诚的衡量指标), each mapped to 0..1 with 1
 * the most loyal, then averaged with configurable weights:
 *
 * <ul>
 *   <li>repeat-purchase rate (客户重复购买率), from metrics: the share of the customer's product
 *       purchases that were repeat purchases, {@code (opened - 1) / opened} with {@code opened =
 *       products held + products closed};
 *   <li>attention to competitors (对本企业和对手的关注程度): {@code 1 - competitor attention};
 *   <li>price sensitivity (对价格的敏感度): {@code 1 - price sensitivity};
 *   <li>decision time (购买行为的选择时间): {@code h / (h + days)}, 1 for an instant decision, 0.5 at
 *       the half-value {@code h} days;
 *   <li>tolerance of a quality incident (对产品质量事故的承受力): as supplied.
 * </ul>
 *
 * The weighted mean is rounded to 12 decimal places before it is compared with {@code
 * loyalty.high-min} and reported, so that a customer exactly on the threshold on paper is high.
 * The last four come from integrator-supplied attributes. An indicator with weight 0 is not read;
 * an indicator with a positive weight that is missing leaves the customer unclassified (the score is
 * never computed from a silently reduced set).
 */
final class LoyaltyScore {
  static final String REPEAT = "weight.repeat-purchase";
  static final String COMPETITOR = "weight.competitor-attention";
  static final String PRICE = "weight.price-sensitivity";
  static final String DECISION = "weight.decision-time";
  static final String INCIDENT = "weight.incident-tolerance";
  static final String HALF_DAYS = "decision-time.half-days";
  static final String HIGH_MIN = "loyalty.high-min";

  /** The score is rounded to 12 decimal places: {@code round(score × PLACES) / PLACES}. */
  private static final double PLACES = 1e12;

  static final List<Parameter> PARAMS =
      List.of(
          new Parameter(REPEAT, 0.2, 0, 1),
          new Parameter(COMPETITOR, 0.2, 0, 1),
          new Parameter(PRICE, 0.2, 0, 1),
          new Parameter(DECISION, 0.2, 0, 1),
          new Parameter(INCIDENT, 0.2, 0, 1),
          new Parameter(HALF_DAYS, 7, 0.001, 3650),
          new Parameter(HIGH_MIN, 0.5, 0, 1));

  static final Set<Metric> METRICS =
      Set.of(
          Metric.PRODUCTS_HELD,
          Metric.PRODUCTS_CLOSED,
          Metric.COMPETITOR_ATTENTION,
          Metric.PRICE_SENSITIVITY,
          Metric.DECISION_TIME_DAYS,
          Metric.INCIDENT_TOLERANCE);

  /** Reasons 0..4, in the order the indicators are checked. */
  static final List<String> REASONS =
      List.of(
          "no products opened: repeat-purchase rate undefined",
          "competitor attention not supplied",
          "price sensitivity not supplied",
          "decision time not supplied",
          "incident tolerance not supplied");

  private final double wRepeat;
  private final double wCompetitor;
  private final double wPrice;
  private final double wDecision;
  private final double wIncident;
  private final double totalWeight;
  private final double halfDays;
  private final double highMin;

  LoyaltyScore(FittedScheme fitted) {
    this.wRepeat = fitted.parameter(REPEAT);
    this.wCompetitor = fitted.parameter(COMPETITOR);
    this.wPrice = fitted.parameter(PRICE);
    this.wDecision = fitted.parameter(DECISION);
    this.wIncident = fitted.parameter(INCIDENT);
    this.totalWeight = wRepeat + wCompetitor + wPrice + wDecision + wIncident;
    this.halfDays = fitted.parameter(HALF_DAYS);
    this.highMin = fitted.parameter(HIGH_MIN);
  }

  static void checkWeights(Map<String, Double> values, String owner) {
    double sum =
        values.get(REPEAT) + values.get(COMPETITOR) + values.get(PRICE) + values.get(DECISION) + values.get(INCIDENT);
    if (!(sum > 0)) {
      throw new io.clm.api.ValidationException(owner + ": the loyalty weights add up to 0");
    }
  }

  /** The reason index of the first missing indicator with a positive weight, or -1. */
  int missing(Population p, int row) {
    if (wRepeat > 0 && opened(p, row) == 0) {
      return 0;
    }
    if (wCompetitor > 0 && Double.isNaN(p.metric(Metric.COMPETITOR_ATTENTION, row))) {
      return 1;
    }
    if (wPrice > 0 && Double.isNaN(p.metric(Metric.PRICE_SENSITIVITY, row))) {
      return 2;
    }
    if (wDecision > 0 && Double.isNaN(p.metric(Metric.DECISION_TIME_DAYS, row))) {
      return 3;
    }
    if (wIncident > 0 && Double.isNaN(p.metric(Metric.INCIDENT_TOLERANCE, row))) {
      return 4;
    }
    return -1;
  }

  /**
   * The score, 0..1, rounded to 12 decimal places so that a score that is exactly {@code
   * loyalty.high-min} on paper is not pushed below it by the rounding of the floating-point sum;
   * only for a row where {@link #missing} is -1.
   */
  double score(Population p, int row) {
    double sum = 0;
    if (wRepeat > 0) {
      double opened = opened(p, row);
      sum += wRepeat * (opened - 1) / opened;
    }
    if (wCompetitor > 0) {
      sum += wCompetitor * (1 - p.metric(Metric.COMPETITOR_ATTENTION, row));
    }
    if (wPrice > 0) {
      sum += wPrice * (1 - p.metric(Metric.PRICE_SENSITIVITY, row));
    }
    if (wDecision > 0) {
      sum += wDecision * halfDays / (halfDays + p.metric(Metric.DECISION_TIME_DAYS, row));
    }
    if (wIncident > 0) {
      sum += wIncident * p.metric(Metric.INCIDENT_TOLERANCE, row);
    }
    return Math.round(sum / totalWeight * PLACES) / PLACES;
  }

  boolean isHigh(double score) {
    return score >= highMin;
  }

  void explain(Population p, int row, Map<String, Double> into) {
    into.put("products-opened", opened(p, row));
    Inputs.put(into, "competitor-attention", p.metric(Metric.COMPETITOR_ATTENTION, row));
    Inputs.put(into, "price-sensitivity", p.metric(Metric.PRICE_SENSITIVITY, row));
    Inputs.put(into, "decision-time-days", p.metric(Metric.DECISION_TIME_DAYS, row));
    Inputs.put(into, "incident-tolerance", p.metric(Metric.INCIDENT_TOLERANCE, row));
    if (missing(p, row) < 0) {
      into.put("loyalty-score", score(p, row));
    }
    into.put(HIGH_MIN, highMin);
  }

  private static double opened(Population p, int row) {
    return p.metric(Metric.PRODUCTS_HELD, row) + p.metric(Metric.PRODUCTS_CLOSED, row);
  }
}
