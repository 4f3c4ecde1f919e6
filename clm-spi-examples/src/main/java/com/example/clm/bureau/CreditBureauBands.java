package com.example.clm.bureau;

import com.google.auto.service.AutoService;
import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Credit-bureau bands: places each customer by the credit score the integrator supplies
 * ({@link io.clm.api.event.Attribute#CREDIT_SCORE}, 0 to 1000) into {@code excellent}, {@code
 * good}, {@code fair} or {@code poor}, with the cut points a typical bureau publishes on that
 * scale. A customer without a score is {@code unclassified} with the reason {@code credit score not
 * supplied}: never a silent default band.
 *
 * <p>An absolute scheme: it needs no population, and its fitted scheme is its configuration.
 * Parameters: {@code excellent.min-score} (800), {@code good.min-score} (670), {@code
 * fair.min-score} (580); each 0 to 1000 and strictly decreasing. Refusals quote what came from
 * configuration or storage (an unknown parameter name, the id of a fitted scheme of another scheme)
 * as {@link TextRules#excerpt} does: short, control characters escaped.
 */
@AutoService(SegmentationScheme.class)
public final class CreditBureauBands implements SegmentationScheme {

  /** The scheme's id. */
  public static final String ID = "example.credit-bureau-band";

  /** The layout version of the fitted parameters. */
  static final int FORMAT = 1;

  static final String EXCELLENT = "excellent.min-score";
  static final String GOOD = "good.min-score";
  static final String FAIR = "fair.min-score";

  private static final List<String> SEGMENTS = List.of("excellent", "good", "fair", "poor");
  private static final String NO_SCORE = "credit score not supplied";
  private static final Population.Columns COLUMNS = Population.Columns.of(Metric.CREDIT_SCORE);

  private final Map<String, Double> parameters;

  /** The scheme with the default cut points; ServiceLoader calls this. */
  public CreditBureauBands() {
    this(Map.of(EXCELLENT, 800.0, GOOD, 670.0, FAIR, 580.0));
  }

  private CreditBureauBands(Map<String, Double> parameters) {
    this.parameters = checked(parameters);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Kind kind() {
    return Kind.ABSOLUTE;
  }

  @Override
  public List<String> segments() {
    return SEGMENTS;
  }

  @Override
  public Population.Columns columns() {
    return COLUMNS;
  }

  @Override
  public int formatVersion() {
    return FORMAT;
  }

  @Override
  public Map<String, Double> parameters() {
    return parameters;
  }

  @Override
  public SegmentationScheme configure(Map<String, Double> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, Double> merged = new TreeMap<>(parameters);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!parameters.containsKey(e.getKey())) {
        throw new ValidationException(
            "scheme '" + ID + "' has no parameter " + TextRules.excerpt(e.getKey()) + "; parameters are " + parameters.keySet());
      }
      merged.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    return new CreditBureauBands(merged);
  }

  @Override
  public FittedScheme fit(Population population) {
    // An absolute scheme learns nothing from the population: its fitted scheme is its configuration.
    Objects.requireNonNull(population, "population");
    return new FittedScheme(ID, FORMAT, parameters);
  }

  @Override
  public Segmenter segmenter(FittedScheme fitted) {
    Objects.requireNonNull(fitted, "fitted");
    if (!fitted.schemeId().equals(ID)) {
      throw new ValidationException("fitted scheme " + TextRules.excerpt(fitted.schemeId()) + " is not of scheme '" + ID + "'");
    }
    if (fitted.formatVersion() != FORMAT) {
      throw new ValidationException(
          "fitted scheme '" + ID + "' has format version " + fitted.formatVersion() + "; this version reads " + FORMAT);
    }
    Map<String, Double> p = checked(Map.of(EXCELLENT, fitted.parameter(EXCELLENT), GOOD, fitted.parameter(GOOD), FAIR, fitted.parameter(FAIR)));
    return new BandSegmenter(fitted, p.get(EXCELLENT), p.get(GOOD), p.get(FAIR));
  }

  private static Map<String, Double> checked(Map<String, Double> p) {
    for (String name : List.of(EXCELLENT, GOOD, FAIR)) {
      Double v = p.get(name);
      if (v == null || !Double.isFinite(v) || v < 0 || v > 1000) {
        throw new ValidationException("scheme '" + ID + "': parameter '" + name + "' is " + v + ", not between 0 and 1000");
      }
    }
    if (!(p.get(EXCELLENT) > p.get(GOOD) && p.get(GOOD) > p.get(FAIR))) {
      throw new ValidationException(
          "scheme '" + ID + "': cut points must decrease from excellent to fair, got " + new TreeMap<>(p));
    }
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(p));
  }

  /** Places scores against fixed cut points; immutable and thread-safe. */
  private static final class BandSegmenter implements Segmenter {
    private final FittedScheme fitted;
    private final double excellent;
    private final double good;
    private final double fair;

    BandSegmenter(FittedScheme fitted, double excellent, double good, double fair) {
      this.fitted = fitted;
      this.excellent = excellent;
      this.good = good;
      this.fair = fair;
    }

    @Override
    public FittedScheme fitted() {
      return fitted;
    }

    @Override
    public List<String> segments() {
      return SEGMENTS;
    }

    /** The band's index in {@link #SEGMENTS}, or -1 without a score. */
    private int band(double score) {
      if (Double.isNaN(score)) {
        return -1;
      }
      return score >= excellent ? 0 : score >= good ? 1 : score >= fair ? 2 : 3;
    }

    @Override
    public Assignment assign(Customer customer, Instant asOf) {
      double score = customer.metric(Metric.CREDIT_SCORE, asOf);
      int band = band(score);
      return band < 0
          ? new Assignment(ID, customer.id(), Assignment.UNCLASSIFIED, NO_SCORE, Map.of())
          : new Assignment(ID, customer.id(), SEGMENTS.get(band), "", Map.of("credit-score", score));
    }

    @Override
    public Segmentation assignAll(Population population) {
      if (!population.columns().containsAll(COLUMNS)) {
        // as the Segmenter contract says: a typed refusal, never everyone unclassified
        throw new ValidationException(
            "population lacks column " + Population.fieldName(Metric.CREDIT_SCORE) + " that scheme '" + ID + "' reads");
      }
      int[] codes = new int[population.size()];
      for (int row = 0; row < codes.length; row++) {
        int band = band(population.metric(Metric.CREDIT_SCORE, row));
        codes[row] = band < 0 ? -1 : band;
      }
      return Segmentation.of(ID, population, SEGMENTS, List.of(NO_SCORE), codes);
    }
  }
}
