package io.clm.segmentation;

import io.clm.api.ValidationException;
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
 * What every built-in scheme shares: parameter resolution, the column check, fitting into a
 * {@link FittedScheme} and binding a fitted scheme to its {@link Rules}.
 */
abstract class BaseScheme implements SegmentationScheme {
  private final String id;
  private final Kind kind;
  private final List<String> segments;
  private final Population.Columns columns;
  private final List<Param> specs;
  private final Map<String, Double> parameters;

  BaseScheme(
      String id,
      Kind kind,
      List<String> segments,
      Population.Columns columns,
      List<Param> specs,
      Map<String, Double> overrides) {
    this.id = id;
    this.kind = kind;
    this.segments = List.copyOf(segments);
    this.columns = columns;
    this.specs = List.copyOf(specs);
    this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(Param.resolve(id, specs, overrides)));
    checkTogether(parameters, "scheme '" + id + "'");
  }

  /** Builds the same scheme with these (complete, resolved) parameters. */
  abstract BaseScheme create(Map<String, Double> parameters);

  /** Learns cut points into {@code out}; population-relative schemes override. */
  void learn(Population population, Map<String, Double> out) {}

  /** Binds a fitted scheme whose id, version and parameter ranges have been checked. */
  abstract Rules rules(FittedScheme fitted);

  /** Checks that need several parameters at once; {@code owner} starts the message. */
  void checkTogether(Map<String, Double> values, String owner) {}

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
    Param.resolve(id, specs, overrides);
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
          "fitted scheme is for '" + fitted.schemeId() + "', not for '" + id + "'");
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
    for (Param p : specs) {
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
