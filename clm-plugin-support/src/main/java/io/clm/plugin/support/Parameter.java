package io.clm.plugin.support;

import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.spi.PluginRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One named numeric parameter of a plugin, with its default and its range. The name and the
 * values follow clm's one parameter rule ({@link PluginRules#parameterProblem}).
 *
 * <pre>{@code
 * new Parameter("gold.min-score", 700, 300, 850)
 * }</pre>
 *
 * @param name the name, such as {@code gold.min-score}
 * @param defaultValue the default, within the range
 * @param min the lowest allowed value
 * @param max the highest allowed value ({@link Double#MAX_VALUE} for no upper bound)
 */
@Experimental
public record Parameter(String name, double defaultValue, double min, double max) {

  /**
   * Checks the parameter.
   *
   * @param name the name, such as {@code gold.min-score}
   * @param defaultValue the default, within the range
   * @param min the lowest allowed value
   * @param max the highest allowed value ({@link Double#MAX_VALUE} for no upper bound)
   * @throws ValidationException if the name breaks the parameter rule, a value is not finite, or
   *     the default is out of range
   */
  public Parameter {
    java.util.Optional<String> problem = PluginRules.parameterProblem(name, defaultValue);
    if (problem.isEmpty() && (!Double.isFinite(min) || !Double.isFinite(max) || min > max)) {
      problem = java.util.Optional.of("parameter '" + name + "' has an empty or infinite range " + min + ".." + max);
    }
    if (problem.isEmpty() && (defaultValue < min || defaultValue > max)) {
      problem = java.util.Optional.of("parameter '" + name + "' has default " + defaultValue + " out of its range");
    }
    if (problem.isPresent()) {
      throw new ValidationException(problem.get());
    }
  }

  /**
   * Applies overrides to the defaults of a segmentation scheme's parameters.
   *
   * @param schemeId the scheme's id, for messages
   * @param specs the parameters
   * @param overrides the user's values
   * @return every parameter's value, by name
   * @throws ValidationException if the parameters name one twice, or an override names an unknown
   *     parameter (the message lists the known ones), is not finite or is out of range
   */
  public static Map<String, Double> resolve(String schemeId, List<Parameter> specs, Map<String, Double> overrides) {
    return resolve("scheme", schemeId, specs, overrides);
  }

  /**
   * Applies overrides to the defaults of a plugin's parameters.
   *
   * @param kind the kind of plugin, for messages: {@code scheme}, {@code strategy}
   * @param pluginId the plugin's id, for messages
   * @param specs the parameters
   * @param overrides the user's values
   * @return every parameter's value, by name
   * @throws ValidationException if the parameters name one twice, or an override names an unknown
   *     parameter (the message quotes it as {@link TextRules#excerpt} does and lists the known ones),
   *     is not finite or is out of range
   */
  public static Map<String, Double> resolve(
      String kind, String pluginId, List<Parameter> specs, Map<String, Double> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    String owner = kind + " " + TextRules.excerpt(pluginId);
    Map<String, Double> values = new TreeMap<>();
    for (Parameter p : specs) {
      if (values.put(p.name, p.defaultValue) != null) {
        throw new ValidationException(owner + " declares parameter '" + p.name + "' twice");
      }
    }
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      Parameter p = find(specs, e.getKey());
      if (p == null) {
        throw new ValidationException(
            owner + " has no parameter " + TextRules.excerpt(e.getKey()) + "; parameters are " + values.keySet());
      }
      java.util.Optional<String> problem = PluginRules.parameterProblem(e.getKey(), e.getValue());
      if (problem.isPresent()) {
        throw new ValidationException(owner + ": " + problem.get());
      }
      double v = e.getValue();
      p.check(owner, v);
      values.put(p.name, v);
    }
    return values;
  }

  /**
   * Reads this parameter from a fitted scheme and checks its range.
   *
   * @param fitted the fitted scheme
   * @return the value
   * @throws ValidationException if it is missing, not finite or out of range
   */
  public double read(FittedScheme fitted) {
    double v = fitted.parameter(name);
    check("fitted scheme '" + fitted.schemeId() + "'", v);
    return v;
  }

  private void check(String owner, double v) {
    if (!Double.isFinite(v)) {
      throw new ValidationException(owner + ": parameter '" + name + "' is not finite: " + v);
    }
    if (v < min || v > max) {
      throw new ValidationException(
          owner + ": parameter '" + name + "' is " + v + ", out of range " + range());
    }
  }

  private String range() {
    return max == Double.MAX_VALUE ? "(at least " + fmt(min) + ")" : fmt(min) + ".." + fmt(max);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static Parameter find(List<Parameter> specs, String name) {
    for (Parameter p : specs) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }
}
