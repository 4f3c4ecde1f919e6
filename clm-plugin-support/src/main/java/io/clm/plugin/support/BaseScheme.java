package io.clm.plugin.support;

import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The base of a segmentation scheme, the one clm's built-in schemes extend: parameter resolution
 * and checks, the column check, fitting into a {@link FittedScheme}, binding a fitted scheme to its
 * {@link Rules}, and one segmenter for a single customer and for a whole population. A scheme
 * supplies its id, kind, segments, columns and parameters, {@link #create} for configuration and
 * {@link #rules} for placement; a population-relative scheme also overrides {@link #learn}.
 *
 * <pre>{@code
 * public final class ScoreBands extends BaseScheme { // with @AutoService(SegmentationScheme.class)
 *   private static final List<Parameter> PARAMETERS = List.of(new Parameter("gold.min-score", 700, 300, 850));
 *
 *   public ScoreBands() { this(Map.of()); }
 *
 *   private ScoreBands(Map<String, Double> overrides) {
 *     super("acme.score-bands", Kind.ABSOLUTE, List.of("gold", "standard"),
 *         Population.Columns.of(Metric.CREDIT_SCORE), PARAMETERS, overrides);
 *   }
 *
 *   protected BaseScheme create(Map<String, Double> parameters) { return new ScoreBands(parameters); }
 *
 *   protected Rules rules(FittedScheme fitted) { ... }
 * }
 * }</pre>
 *
 * <p>{@code clm-spi-examples} holds the whole of such a scheme ({@code ScoreBands}).
 */
@Experimental
public abstract class BaseScheme implements SegmentationScheme {
  private final String id;
  private final Kind kind;
  private final List<String> segments;
  private final Population.Columns columns;
  private final List<Parameter> specs;
  private final Map<String, Double> parameters;

  /**
   * Creates the scheme with its parameters resolved.
   *
   * @param id the scheme's id (see {@link io.clm.api.spi.PluginRules})
   * @param kind absolute or population-relative
   * @param segments the segments, in order; empty if they come from the data
   * @param columns what the scheme reads from a population
   * @param specs the parameters with their defaults and ranges
   * @param overrides the values to use instead of the defaults
   * @throws ValidationException if a segment is declared twice or is {@value
   *     io.clm.api.segmentation.Assignment#UNCLASSIFIED}, an override is unknown, not finite or out
   *     of range, or the values fail {@link #checkTogether}
   */
  protected BaseScheme(
      String id,
      Kind kind,
      List<String> segments,
      Population.Columns columns,
      List<Parameter> specs,
      Map<String, Double> overrides) {
    this.id = id;
    this.kind = kind;
    this.segments = List.copyOf(segments);
    String problem = Labels.problem(this.segments);
    if (problem != null) {
      throw new ValidationException("scheme '" + id + "': " + problem);
    }
    this.columns = columns;
    this.specs = List.copyOf(specs);
    this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(Parameter.resolve(id, specs, overrides)));
    checkTogether(parameters, "scheme '" + id + "'");
  }

  /**
   * Builds the same scheme with these parameters, for {@link #configure}.
   *
   * @param parameters every parameter, resolved and checked
   * @return the new scheme
   */
  protected abstract BaseScheme create(Map<String, Double> parameters);

  /**
   * Learns cut points from a population; population-relative schemes override. Does nothing by
   * default.
   *
   * @param population the population, with the scheme's columns
   * @param out the fitted scheme's parameters so far (the configuration), to add to
   */
  protected void learn(Population population, Map<String, Double> out) {}

  /**
   * Binds a fitted scheme whose id, format version and parameter ranges have been checked.
   *
   * @param fitted the fitted scheme
   * @return the placement rules
   */
  protected abstract Rules rules(FittedScheme fitted);

  /**
   * Checks that need several parameters at once. Does nothing by default.
   *
   * @param values every parameter's value
   * @param owner how messages start ({@code scheme 'acme.bands'})
   * @throws ValidationException if the values do not fit together
   */
  protected void checkTogether(Map<String, Double> values, String owner) {}

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Kind kind() {
    return kind;
  }

  @Override
  public final List<String> segments() {
    return segments;
  }

  @Override
  public final Population.Columns columns() {
    return columns;
  }

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public final Map<String, Double> parameters() {
    return parameters;
  }

  @Override
  public final SegmentationScheme configure(Map<String, Double> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, Double> merged = new TreeMap<>(parameters);
    Parameter.resolve(id, specs, overrides);
    merged.putAll(overrides);
    return create(merged);
  }

  @Override
  public final FittedScheme fit(Population population) {
    Objects.requireNonNull(population, "population");
    if (kind == Kind.POPULATION_RELATIVE) {
      requireColumns(population);
    }
    Map<String, Double> out = new TreeMap<>(parameters);
    learn(population, out);
    return new FittedScheme(id, formatVersion(), out);
  }

  @Override
  public final Segmenter segmenter(FittedScheme fitted) {
    Objects.requireNonNull(fitted, "fitted");
    if (!fitted.schemeId().equals(id)) {
      throw new ValidationException(
          "fitted scheme is for " + TextRules.excerpt(fitted.schemeId()) + ", not for " + TextRules.excerpt(id));
    }
    if (fitted.formatVersion() != formatVersion()) {
      throw new ValidationException(
          "fitted scheme '"
              + id
              + "' has format version "
              + fitted.formatVersion()
              + "; this version of the scheme reads format version "
              + formatVersion()
              + " only: fit it again");
    }
    Map<String, Double> config = new TreeMap<>();
    for (Parameter p : specs) {
      config.put(p.name(), p.read(fitted));
    }
    checkTogether(config, "fitted scheme '" + id + "'");
    return new SchemeSegmenter(this, fitted, rules(fitted));
  }

  void requireColumns(Population population) {
    if (!population.columns().containsAll(columns)) {
      List<String> missing = new ArrayList<>();
      columns.metrics().forEach(m -> {
        if (!population.columns().metrics().contains(m)) {
          missing.add(Population.fieldName(m));
        }
      });
      columns.products().forEach(p -> {
        if (!population.columns().products().contains(p)) {
          missing.add(Population.fieldName(p));
        }
      });
      if (columns.stage() && !population.columns().stage()) {
        missing.add("stage");
      }
      Collections.sort(missing);
      throw new ValidationException(
          "population lacks columns " + missing + " that scheme '" + id + "' reads");
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + ", " + parameters + "]";
  }
}
