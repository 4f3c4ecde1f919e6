package io.clm.api.segmentation;

import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A segmentation scheme with its cut points fixed: what {@link SegmentationScheme#fit(Population)}
 * returns and {@link SegmentationScheme#segmenter(FittedScheme)} reads. Plain data (a string, an
 * int and a map of numbers), so it round-trips through any JSON library; save it to assign new
 * customers later exactly as the population it was fitted on:
 *
 * <pre>{@code
 * {"schemeId":"rfm","formatVersion":2,"parameters":{"frequency.bound1":2.0, ...}}
 * }</pre>
 *
 * <p>A fitted scheme can also be written by hand, to use fixed thresholds instead of learned ones
 * (for example the {@code value-tier} scheme with the bank's own profit thresholds): the segmenter
 * checks every parameter.
 *
 * @param schemeId the id of the scheme it belongs to
 * @param formatVersion the scheme's {@link SegmentationScheme#formatVersion()} when it was fitted
 * @param parameters the configuration and the learned cut points, by name; sorted by name
 */
@Experimental
public record FittedScheme(String schemeId, int formatVersion, Map<String, Double> parameters) {

  /**
   * Validates and copies.
   *
   * @param schemeId the id of the scheme it belongs to
   * @param formatVersion the scheme's {@link SegmentationScheme#formatVersion()} when it was fitted
   * @param parameters the configuration and the learned cut points, by name; sorted by name
   * @throws NullPointerException if a component, a parameter name or a parameter value is null
   * @throws ValidationException if the scheme id or a parameter name is blank, the format version
   *     is not positive, or a parameter value is not finite
   */
  public FittedScheme {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(parameters, "parameters");
    if (schemeId.isBlank()) {
      throw new ValidationException("fitted scheme id is blank");
    }
    if (formatVersion < 1) {
      throw new ValidationException(
          "fitted scheme " + TextRules.excerpt(schemeId) + ": format version " + formatVersion + " is not positive");
    }
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "parameter name");
      Double value = Objects.requireNonNull(e.getValue(), "parameter '" + name + "'");
      if (name.isBlank()) {
        throw new ValidationException("fitted scheme " + TextRules.excerpt(schemeId) + ": a parameter name is blank");
      }
      if (!Double.isFinite(value)) {
        throw new ValidationException(
            "fitted scheme " + TextRules.excerpt(schemeId) + ": parameter " + TextRules.excerpt(name) + " is not finite: " + value);
      }
      copy.put(name, value);
    }
    parameters = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * A parameter's value.
   *
   * @param name the parameter
   * @return its value
   * @throws ValidationException if there is no such parameter
   */
  public double parameter(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new ValidationException(
          "fitted scheme " + TextRules.excerpt(schemeId) + " lacks parameter " + TextRules.excerpt(name));
    }
    return v;
  }
}
