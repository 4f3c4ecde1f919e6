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
import io.clm.plugin.support.Rules;
import java.util.List;
import java.util.Map;

/**
 * {@code rfm}: recency ({@link Metric#DAYS_SINCE_LAST_TRANSACTION}), frequency ({@link
 * Metric#TRANSACTION_COUNT}) and monetary value ({@link Metric#TRANSACTION_VOLUME}), each scored 1
 * to 5 by quintile of the fitted population, 5 the most recent, most frequent, highest; then the
 * named segments of the R {@code rfm} package's published rules, checked in order, first match
 * wins, otherwise {@code others}.
 *
 * <p>Scoring: for each measure the fit finds four cut values, the values at sorted positions
 * {@code floor(j * m / 5)}, {@code j = 1..4}, of the {@code m} customers with transactions. A score
 * is 1 plus the number of cuts the customer reaches, so customers with equal values always get
 * equal scores (ties are broken by value, never by row order) and each score holds 20 % of the
 * customers, give or take one group of tied values. Customers without transactions (prospects)
 * have no recency and are unclassified.
 */
@AutoService(SegmentationScheme.class)
public final class Rfm extends BaseScheme {

  /** The R rfm package's segment rules: name, then R, F and M lower and upper bounds. */
  static final List<RfmRule> RULES =
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
          new RfmRule("lost", 1, 2, 1, 2, 1, 2));

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
          "lost",
          OTHERS);

  private static final List<String> REASONS = List.of("no transactions: recency undefined");

  /** Segment index of each (r, f, m) cell, at {@code 25 * (r - 1) + 5 * (f - 1) + (m - 1)}. */
  private static final byte[] CELLS = new byte[125];

  static {
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          int segment = SEGMENTS.indexOf(OTHERS);
          for (RfmRule rule : RULES) {
            if (rule.matches(r, f, m)) {
              segment = SEGMENTS.indexOf(rule.segment());
              break;
            }
          }
          CELLS[25 * (r - 1) + 5 * (f - 1) + (m - 1)] = (byte) segment;
        }
      }
    }
  }

  /** One published rule: a segment and the inclusive score ranges that place a customer in it. */
  record RfmRule(String segment, int rLow, int rHigh, int fLow, int fHigh, int mLow, int mHigh) {
    boolean matches(int r, int f, int m) {
      return r >= rLow && r <= rHigh && f >= fLow && f <= fHigh && m >= mLow && m <= mHigh;
    }
  }

  /** The scheme; it has no parameters. */
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
        List.of(),
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new Rfm(parameters);
  }

  static String recencyCut(int score) {
    return "recency.score" + score + "-max-days";
  }

  static String frequencyCut(int score) {
    return "frequency.score" + score + "-min";
  }

  static String monetaryCut(int score) {
    return "monetary.score" + score + "-min";
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
      double days = recency[i];
      if (!Double.isNaN(days)) {
        recency[m] = -days; // higher is better for all three
        frequency[m] = frequency[i];
        monetary[m] = monetary[i];
        m++;
      }
    }
    if (m == 0) {
      throw new ValidationException("scheme 'rfm' found no customer with transactions to fit on");
    }
    int[] positions = new int[4];
    for (int j = 1; j <= 4; j++) {
      positions[j - 1] = (int) ((long) j * m / 5);
    }
    double[] r = OrderStatistics.select(recency, m, positions);
    double[] f = OrderStatistics.select(frequency, m, positions);
    double[] v = OrderStatistics.select(monetary, m, positions);
    for (int j = 0; j < 4; j++) {
      out.put(recencyCut(j + 2), 0.0 - r[j]);
      out.put(frequencyCut(j + 2), f[j]);
      out.put(monetaryCut(j + 2), v[j]);
    }
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    double[] recencyMax = new double[4];
    double[] frequencyMin = new double[4];
    double[] monetaryMin = new double[4];
    for (int j = 0; j < 4; j++) {
      recencyMax[j] = fitted.parameter(recencyCut(j + 2));
      frequencyMin[j] = fitted.parameter(frequencyCut(j + 2));
      monetaryMin[j] = fitted.parameter(monetaryCut(j + 2));
      if (j > 0) {
        ordered(recencyMax[j] <= recencyMax[j - 1], recencyCut(j + 2), recencyCut(j + 1));
        ordered(frequencyMin[j] >= frequencyMin[j - 1], frequencyCut(j + 2), frequencyCut(j + 1));
        ordered(monetaryMin[j] >= monetaryMin[j - 1], monetaryCut(j + 2), monetaryCut(j + 1));
      }
    }
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        double days = p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, row);
        if (Double.isNaN(days)) {
          return -1;
        }
        int r = recencyScore(days);
        int f = score(p.metric(Metric.TRANSACTION_COUNT, row), frequencyMin);
        int m = score(p.metric(Metric.TRANSACTION_VOLUME, row), monetaryMin);
        return CELLS[25 * (r - 1) + 5 * (f - 1) + (m - 1)];
      }

      private int recencyScore(double days) {
        int s = 1;
        for (double max : recencyMax) {
          s += days <= max ? 1 : 0;
        }
        return s;
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
          into.put("recency-score", (double) recencyScore(days));
          into.put("frequency-score", (double) score(count, frequencyMin));
          into.put("monetary-score", (double) score(volume, monetaryMin));
        }
      }

      @Override
      public List<String> reasons() {
        return REASONS;
      }
    };
  }

  private static int score(double value, double[] mins) {
    int s = 1;
    for (double min : mins) {
      s += value >= min ? 1 : 0;
    }
    return s;
  }

  private static void ordered(boolean ok, String later, String earlier) {
    if (!ok) {
      throw new ValidationException(
          "fitted scheme 'rfm': parameter '" + later + "' is out of order with '" + earlier + "'");
    }
  }
}
