package io.clm.api.model;

import io.clm.api.TextRules;
import io.clm.api.InvalidModelException;
import io.clm.api.annotation.Stable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model provider's parameters: its defaults with the user's overrides applied and checked. Use it
 * in {@link LifecycleModelProvider#create(Map)}:
 *
 * <pre>{@code
 * ModelParameters p = ModelParameters.resolve(id(), defaultParameters(), overrides);
 * double minTransactions = p.get("growth.min-transactions");
 * }</pre>
 */
@Stable
public final class ModelParameters {
  private final String modelId;
  private final Map<String, Double> values;

  private ModelParameters(String modelId, Map<String, Double> values) {
    this.modelId = modelId;
    this.values = values;
  }

  /**
   * Applies overrides to defaults.
   *
   * @param modelId the model, for messages
   * @param defaults every parameter with its default
   * @param overrides the user's values
   * @return the resolved parameters
   * @throws InvalidModelException if an override names an unknown parameter (the message lists the
   *     known ones) or is not finite
   */
  public static ModelParameters resolve(
      String modelId, Map<String, Double> defaults, Map<String, Double> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, Double> values = new TreeMap<>(defaults);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!defaults.containsKey(e.getKey())) {
        throw new InvalidModelException(
            "model " + TextRules.excerpt(modelId) + " has no parameter " + TextRules.excerpt(e.getKey()) + "; parameters are " + values.keySet());
      }
      Double v = e.getValue();
      java.util.Optional<String> problem = io.clm.api.spi.PluginRules.parameterProblem(e.getKey(), v);
      if (problem.isPresent()) {
        throw new InvalidModelException("model " + TextRules.excerpt(modelId) + ": " + problem.get());
      }
      values.put(e.getKey(), v);
    }
    return new ModelParameters(modelId, Map.copyOf(values));
  }

  /**
   * A parameter's value.
   *
   * @param name the parameter
   * @return its value
   * @throws InvalidModelException if there is no such parameter
   */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new InvalidModelException("model " + TextRules.excerpt(modelId) + " has no parameter " + TextRules.excerpt(name));
    }
    return v;
  }

  /**
   * A parameter that must be at least {@code min}.
   *
   * @param name the parameter
   * @param min the lowest allowed value
   * @return its value
   * @throws InvalidModelException if it is below {@code min}
   */
  public double atLeast(String name, double min) {
    double v = get(name);
    if (v < min) {
      throw new InvalidModelException(
          "model " + TextRules.excerpt(modelId) + ": parameter " + TextRules.excerpt(name) + " is " + v + ", less than " + min);
    }
    return v;
  }
}
