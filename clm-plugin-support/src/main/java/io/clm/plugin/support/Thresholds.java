package io.clm.plugin.support;

import io.clm.api.InvalidModelException;
import io.clm.api.TextRules;
import io.clm.api.annotation.Experimental;
import io.clm.api.model.ModelParameters;
import io.clm.api.spi.PluginRules;
import java.util.Map;

/**
 * A model's resolved parameters with the range checks the built-in models share, for {@link
 * BaseModelProvider#build}. Every failure is
 * an {@link InvalidModelException} naming the model, the parameter and the value.
 */
@Experimental
public final class Thresholds {
  private final String modelId;
  private final ModelParameters parameters;

  private Thresholds(String modelId, ModelParameters parameters) {
    this.modelId = modelId;
    this.parameters = parameters;
  }

  /**
   * Applies overrides to the defaults.
   *
   * @param modelId the model, for messages
   * @param defaults every parameter with its default
   * @param overrides the user's values
   * @return the resolved parameters, every one of them finite
   * @throws InvalidModelException if a default breaks the parameter rule ({@link
   *     PluginRules#parameterProblem}: a malformed name, a value that is null or not finite), or an
   *     override names an unknown parameter or is not finite
   */
  public static Thresholds resolve(String modelId, Map<String, Double> defaults, Map<String, Double> overrides) {
    // a NaN default would pass every range check below, none of which it is below or above
    PluginRules.parametersProblem(defaults).ifPresent(problem -> {
      throw new InvalidModelException("model " + TextRules.excerpt(modelId) + ": its default " + problem);
    });
    return new Thresholds(modelId, ModelParameters.resolve(modelId, defaults, overrides));
  }

  /**
   * A count of events or items: a whole number, at least {@code min}.
   *
   * @param name the parameter
   * @param min the lowest allowed value
   * @return its value
   * @throws InvalidModelException if it is below {@code min} or not a whole number
   */
  public double count(String name, double min) {
    double v = parameters.atLeast(name, min);
    if (v != Math.rint(v)) {
      throw invalid(name, v, "not a whole number");
    }
    return v;
  }

  /**
   * A number of days, an amount or a rate: strictly positive.
   *
   * @param name the parameter
   * @return its value
   * @throws InvalidModelException if it is not positive
   */
  public double positive(String name) {
    double v = parameters.get(name);
    if (!(v > 0)) {
      throw invalid(name, v, "not positive");
    }
    return v;
  }

  /**
   * A share or a relative change: above 0 and at most 1.
   *
   * @param name the parameter
   * @return its value
   * @throws InvalidModelException if it is outside (0, 1]
   */
  public double fraction(String name) {
    double v = parameters.get(name);
    if (!(v > 0 && v <= 1)) {
      throw invalid(name, v, "outside (0, 1]");
    }
    return v;
  }

  /**
   * A value of at least {@code min}.
   *
   * @param name the parameter
   * @param min the lowest allowed value
   * @return its value
   * @throws InvalidModelException if it is below {@code min}
   */
  public double atLeast(String name, double min) {
    return parameters.atLeast(name, min);
  }

  /**
   * A value between {@code min} and {@code max}, both included.
   *
   * @param name the parameter
   * @param min the lowest allowed value
   * @param max the highest allowed value
   * @return its value
   * @throws InvalidModelException if it is out of range
   */
  public double between(String name, double min, double max) {
    double v = parameters.atLeast(name, min);
    if (v > max) {
      throw invalid(name, v, "more than " + max);
    }
    return v;
  }

  /**
   * Any finite value.
   *
   * @param name the parameter
   * @return its value
   * @throws InvalidModelException if there is no such parameter
   */
  public double value(String name) {
    return parameters.get(name);
  }

  /**
   * Checks that one parameter is strictly below another.
   *
   * @param lower the parameter that must be lower
   * @param upper the parameter that must be higher
   * @throws InvalidModelException if it is not
   */
  public void requireBelow(String lower, String upper) {
    double low = parameters.get(lower);
    double high = parameters.get(upper);
    if (!(low < high)) {
      throw new InvalidModelException(
          "model '"
              + modelId
              + "': parameter '"
              + lower
              + "' is "
              + low
              + ", not less than parameter '"
              + upper
              + "' "
              + high);
    }
  }

  private InvalidModelException invalid(String name, double value, String problem) {
    return new InvalidModelException(
        "model '" + modelId + "': parameter '" + name + "' is " + value + ", " + problem);
  }
}
