package io.clm.api.segmentation;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;

/**
 * The domain of each column of a {@link Population}: what a value may be, and the {@link
 * ValidationException} that names the field, the value and the masked customer when it is not.
 */
final class ColumnDomains {
  private ColumnDomains() {}

  static void checkProduct(ProductType product, int held, double volume, CustomerId id) {
    if (held < 0) {
      throw new ValidationException(
          Population.fieldName(product) + " held " + held + " is negative for customer " + id.masked());
    }
    if (!(volume >= 0) || volume == Double.POSITIVE_INFINITY) {
      throw new ValidationException(
          Population.fieldName(product) + " volume " + volume + " is not a non-negative number for customer " + id.masked());
    }
  }

  /** Refuses a value outside the metric's domain; NaN only where the metric may be undefined. */
  static void check(Metric metric, double v, CustomerId id) {
    if (Double.isNaN(v)) {
      if (!metric.mayBeUndefined()) {
        throw new ValidationException(
            Population.fieldName(metric) + " is NaN for customer " + id.masked() + "; it is always defined");
      }
      return;
    }
    if (Double.isInfinite(v)) {
      throw new ValidationException(Population.fieldName(metric) + " " + v + " is not finite for customer " + id.masked());
    }
    double min = minimum(metric);
    double max = metric.range().max();
    if (v < min || v > max) {
      throw new ValidationException(
          Population.fieldName(metric)
              + " "
              + v
              + " is out of range "
              + range(min, max)
              + " for customer "
              + id.masked());
    }
    boolean whole = switch (metric.range()) {
      case COUNT, FLAG -> v == Math.rint(v);
      case MONEY, SHARE, DAYS, TREND, SCORE, SCORE_CHANGE, RATING, NON_NEGATIVE, ANY -> true;
    };
    if (!whole) {
      throw new ValidationException(
          Population.fieldName(metric)
              + " "
              + v
              + (metric.range() == Metric.Range.FLAG ? " is not 0 or 1" : " is not a whole number")
              + " for customer "
              + id.masked());
    }
  }

  private static String range(double min, double max) {
    if (max == Double.POSITIVE_INFINITY) {
      return "(at least " + num(min) + ")";
    }
    return num(min) + ".." + num(max);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /**
   * The least value a column may hold: the metric's own, except that days since a fact are at
   * least 0, because a population is taken as of an instant no earlier than its facts.
   */
  private static double minimum(Metric metric) {
    return metric.range() == Metric.Range.DAYS ? 0 : metric.range().min();
  }
}
