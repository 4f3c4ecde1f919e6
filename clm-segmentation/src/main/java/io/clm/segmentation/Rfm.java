package io.clm.segmentation;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code rfm}: recency ({@link Metric#DAYS_SINCE_LAST_TRANSACTION}), frequency ({@link
 * Metric#TRANSACTION_COUNT}) and monetary value ({@link Metric#TRANSACTION_VOLUME}) scored 1 to 5
 * exactly as the R package {@code rfm} 0.2 scores them ({@code rfm_table_order}), then named
 * segments from a published table, checked in order, first match wins, otherwise {@code others}.
 *
 * <p>Scoring: for each measure, over the customers with transactions, four bounds are the
 * quantiles of type 7 (R's default: linear interpolation between order statistics at {@code (n −
 * 1) p}) at p = 0.2, 0.4, 0.6, 0.8, each plus one, with R's own floating-point steps (the
 * probabilities of {@code seq(0, 1, length.out = 6)}, the third 0.6000000000000001), so that a
 * value on a bound falls on the same side as in R. The bins are {@code [min, b1), [b1, b2), …, [b4,
 * max + 1)}; frequency and monetary value score 1 to 5 up the bins, recency 5 to 1 (the fewest days
 * score 5). A customer scored later against a fitted scheme, outside the fitted range, falls into
 * the first or last bin. Equal values always get equal scores. With many tied values bins can be
 * empty: on CDNOW, where half of the customers ordered once, every one-order customer has F = 1.
 *
 * <p>Segments: parameter {@code segment-table} chooses the table, 11 (default) for the package
 * vignette's eleven segments, 10 for the ten-row example of {@code rfm_segment()}; see {@code
 * docs/segmentation.md}. Customers without transactions (prospects) have no recency and are
 * unclassified.
 */
@AutoService(SegmentationScheme.class)
public final class Rfm extends BaseScheme {

  /** The parameter that chooses the segment table. */
  static final String SEGMENT_TABLE = "segment-table";

  /**
   * The vignette's table ("RFM - Transaction Level Data"): name, then R, F and M inclusive ranges.
   */
  static final List<RfmRule> VIGNETTE =
      List.of(
          new RfmRule("champions", 4, 5, 4, 5, 4, 5),
          new RfmRule("loyal-customers", 2, 5, 3, 5, 3, 5),
          new RfmRule("potential-loyalist", 3, 5, 1, 3, 1, 3),
          new RfmRule("new-customers", 4, 5, 1, 1, 1, 1),
          new RfmRule("promising", 3, 4, 1, 1, 1, 1),
          new RfmRule("need-attention", 2, 3, 2, 3, 2, 3),
          new RfmRule("about-to-sleep", 2, 3, 1, 2, 1, 2),
          new RfmRule("at-risk", 1, 2, 2, 5, 2, 5),
          new RfmRule("cant-lose-them", 1, 1, 4, 5, 4, 5),
          new RfmRule("hibernating", 1, 2, 1, 2, 1, 2),
          new RfmRule("lost", 1, 2, 1, 2, 1, 2));

  /** The example of {@code rfm_segment()}'s documentation, in its order. */
  static final List<RfmRule> SEGMENT_EXAMPLE =
      List.of(
          new RfmRule("champions", 5, 5, 5, 5, 5, 5),
          new RfmRule("potential-loyalist", 3, 5, 3, 5, 2, 5),
          new RfmRule("loyal-customers", 2, 4, 2, 4, 2, 4),
          new RfmRule("promising", 3, 4, 1, 3, 3, 5),
          new RfmRule("new-customers", 4, 5, 1, 3, 1, 5),
          new RfmRule("cant-lose-them", 1, 2, 3, 4, 4, 5),
          new RfmRule("at-risk", 1, 2, 2, 5, 4, 5),
          new RfmRule("need-attention", 1, 3, 3, 5, 3, 5),
          new RfmRule("about-to-sleep", 2, 3, 1, 3, 1, 4),
          new RfmRule("lost", 1, 1, 1, 5, 1, 5));

  static final String OTHERS = "others";

  private static final List<String> SEGMENTS =
      List.of(
          "champions",
          "loyal-customers",
          "potential-loyalist",
          "new-customers",
          "promising",
          "need-attention",
          "about-to-sleep",
          "at-risk",
          "cant-lose-them",
          "hibernating",
          "lost",
          OTHERS);

  private static final List<String> REASONS = List.of("no transactions: recency undefined");

  /** Segment index of each (r, f, m) cell, at {@code 25 * (r - 1) + 5 * (f - 1) + (m - 1)}, per table. */
  private static final byte[] VIGNETTE_CELLS = cells(VIGNETTE);

  private static final byte[] EXAMPLE_CELLS = cells(SEGMENT_EXAMPLE);

  private static byte[] cells(List<RfmRule> rules) {
    byte[] cells = new byte[125];
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          int segment = SEGMENTS.indexOf(OTHERS);
          for (RfmRule rule : rules) {
            if (rule.matches(r, f, m)) {
              segment = SEGMENTS.indexOf(rule.segment());
              break;
            }
          }
          cells[25 * (r - 1) + 5 * (f - 1) + (m - 1)] = (byte) segment;
        }
      }
    }
    return cells;
  }

  /** One published rule: a segment and the inclusive score ranges that place a customer in it. */
  record RfmRule(String segment, int rLow, int rHigh, int fLow, int fHigh, int mLow, int mHigh) {
    boolean matches(int r, int f, int m) {
      return r >= rLow && r <= rHigh && f >= fLow && f <= fHigh && m >= mLow && m <= mHigh;
    }
  }

  /** The scheme with the vignette's segment table. */
  public Rfm() {
    this(Map.of());
  }

  private Rfm(Map<String, Double> overrides) {
    super(
        "rfm",
        Kind.POPULATION_RELATIVE,
        SEGMENTS,
        Population.Columns.of(
            Metric.DAYS_SINCE_LAST_TRANSACTION, Metric.TRANSACTION_COUNT, Metric.TRANSACTION_VOLUME),
        List.of(new Parameter(SEGMENT_TABLE, 11, 10, 11)),
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new Rfm(parameters);
  }

  /** Version 2: bounds as R's rfm package computes them (version 1 held value-ordered cuts). */
  @Override
  public int formatVersion() {
    return 2;
  }

  @Override
  protected void checkTogether(Map<String, Double> values, String owner) {
    double table = values.get(SEGMENT_TABLE);
    if (table != 10 && table != 11) {
      throw new ValidationException(owner + ": parameter '" + SEGMENT_TABLE + "' is " + table + ", not 10 or 11");
    }
  }

  static String bound(String measure, int j) {
    return measure + ".bound" + j;
  }

  @Override
  protected void learn(Population population, Map<String, Double> out) {
    int n = population.size();
    double[] recency = new double[n];
    double[] frequency = new double[n];
    double[] monetary = new double[n];
    population.copy(Metric.DAYS_SINCE_LAST_TRANSACTION, recency);
    population.copy(Metric.TRANSACTION_COUNT, frequency);
    population.copy(Metric.TRANSACTION_VOLUME, monetary);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(recency[i])) {
        recency[m] = recency[i];
        frequency[m] = frequency[i];
        monetary[m] = monetary[i];
        m++;
      }
    }
    if (m == 0) {
      throw new ValidationException("scheme 'rfm' found no customer with transactions to fit on");
    }
    putBounds("recency", recency, m, out);
    putBounds("frequency", frequency, m, out);
    putBounds("monetary", monetary, m, out);
  }

  /**
   * R's {@code quantile(x, seq(0, 1, length.out = 6))[2:5] + 1} of {@code values[0, m)}, with R's
   * own arithmetic, so that a value lying on a bound falls on the same side of it as in R: the
   * probabilities are {@code j * 0.2} as R's {@code seq} makes them (the third is
   * 0.6000000000000001, not 0.6), the position is {@code 1 + (m - 1) p} (from 1), and between the
   * order statistics {@code x[lo]} and {@code x[hi]} the quantile is {@code (1 - h) x[lo] + h x[hi]}
   * with {@code h = position - lo}, or {@code x[lo]} when {@code h} is 0 or the two are equal.
   */
  private static void putBounds(String measure, double[] values, int m, Map<String, Double> out) {
    int[] positions = new int[8];
    double[] weights = new double[4];
    for (int j = 1; j <= 4; j++) {
      double index = 1 + (m - 1) * (j * 0.2);
      double lo = Math.floor(index);
      positions[2 * (j - 1)] = (int) lo - 1;
      positions[2 * (j - 1) + 1] = (int) Math.ceil(index) - 1;
      weights[j - 1] = index - lo;
    }
    double[] at = OrderStatistics.select(values, m, positions);
    double[] bounds = new double[4];
    for (int j = 0; j < 4; j++) {
      double low = at[2 * j];
      double high = at[2 * j + 1];
      double h = weights[j];
      bounds[j] = (h > 0 && high != low ? (1 - h) * low + h * high : low) + 1;
    }
    // R's arithmetic can leave two neighbouring bounds a rounding step out of order (values a few
    // steps apart, in populations of five or fewer). A score counts the bounds at or below a value,
    // whatever their order, so sorting them changes no score and keeps the fitted scheme valid.
    Arrays.sort(bounds);
    for (int j = 0; j < 4; j++) {
      out.put(bound(measure, j + 1), bounds[j]);
    }
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    double[] recency = bounds(fitted, "recency");
    double[] frequency = bounds(fitted, "frequency");
    double[] monetary = bounds(fitted, "monetary");
    byte[] cells = fitted.parameter(SEGMENT_TABLE) == 10 ? EXAMPLE_CELLS : VIGNETTE_CELLS;
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        double days = p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, row);
        if (Double.isNaN(days)) {
          return -1;
        }
        int r = 6 - bin(days, recency);
        int f = bin(p.metric(Metric.TRANSACTION_COUNT, row), frequency);
        int m = bin(p.metric(Metric.TRANSACTION_VOLUME, row), monetary);
        return cells[25 * (r - 1) + 5 * (f - 1) + (m - 1)];
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {
        double days = p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, row);
        double count = p.metric(Metric.TRANSACTION_COUNT, row);
        double volume = p.metric(Metric.TRANSACTION_VOLUME, row);
        Inputs.put(into, "days-since-last-transaction", days);
        into.put("transaction-count", count);
        into.put("transaction-volume", volume);
        if (!Double.isNaN(days)) {
          into.put("recency-score", (double) (6 - bin(days, recency)));
          into.put("frequency-score", (double) bin(count, frequency));
          into.put("monetary-score", (double) bin(volume, monetary));
        }
      }

      @Override
      public List<String> reasons() {
        return REASONS;
      }
    };
  }

  private static double[] bounds(FittedScheme fitted, String measure) {
    double[] out = new double[4];
    for (int j = 0; j < 4; j++) {
      out[j] = fitted.parameter(bound(measure, j + 1)); // finite: FittedScheme refuses any other value
      if (j > 0 && out[j] < out[j - 1]) {
        throw new ValidationException(
            "fitted scheme 'rfm': parameter '" + bound(measure, j + 1) + "' is out of order with '" + bound(measure, j) + "'");
      }
    }
    return out;
  }

  /** The bin of {@code value}, 1 to 5: one plus the number of bounds at or below it. */
  private static int bin(double value, double[] bounds) {
    int s = 1;
    for (double b : bounds) {
      s += value >= b ? 1 : 0;
    }
    return s;
  }
}
