package io.clm.api.spi;

import io.clm.api.annotation.Experimental;
import java.util.Map;
import io.clm.api.TextRules;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for plugin ids and the one rule for plugin parameters. The plugin registry, the
 * lifecycle model builder, parameter resolution and the plugin test kit all ask this class, so
 * that they give the same answer.
 *
 * <ul>
 *   <li>An id (of a plugin or a lifecycle model) is dot-separated parts of lowercase letters,
 *       digits and hyphens, each part starting with a letter, at most {@value #MAX_LENGTH}
 *       characters: {@code banking-six-stage}, {@code acme.credit-bureau-band}.
 *   <li>A parameter name has the same form ({@code growth.min-transactions}); its value is a
 *       finite number.
 * </ul>
 *
 * <pre>{@code
 * PluginRules.idProblem("Acme_Bands")
 *     .ifPresent(problem -> { throw new IllegalArgumentException(problem); });
 * }</pre>
 */
@Experimental
public final class PluginRules {

  /** The longest id or parameter name, in characters. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  private static final String FORM =
      "must be dot-separated parts of lowercase letters, digits and hyphens, each starting with a letter, at most "
          + MAX_LENGTH
          + " characters";

  private PluginRules() {}

  /**
   * Checks a plugin id or a lifecycle model id.
   *
   * @param id the id, possibly null
   * @return empty if the id is well-formed, else what is wrong ({@code id 'Acme' must be ...})
   */
  public static Optional<String> idProblem(String id) {
    return wellFormed(id) ? Optional.empty() : Optional.of("id " + TextRules.excerpt(id) + " " + FORM);
  }

  /**
   * Checks one parameter of a plugin: its name and its value.
   *
   * @param name the parameter's name, possibly null
   * @param value its value, possibly null
   * @return empty if both are valid, else what is wrong ({@code parameter 'x' is not finite: NaN})
   */
  public static Optional<String> parameterProblem(String name, Double value) {
    if (!wellFormed(name)) {
      return Optional.of("parameter name " + TextRules.excerpt(name) + " " + FORM);
    }
    if (value == null || !Double.isFinite(value)) {
      return Optional.of("parameter " + TextRules.excerpt(name) + " is not finite: " + value);
    }
    return Optional.empty();
  }

  /**
   * Checks every parameter of a map, in the map's order.
   *
   * @param parameters the parameters, not null
   * @return empty if all are valid, else what is wrong with the first that is not
   * @throws NullPointerException if {@code parameters} is null
   */
  public static Optional<String> parametersProblem(Map<String, Double> parameters) {
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      Optional<String> problem = parameterProblem(e.getKey(), e.getValue());
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static boolean wellFormed(String name) {
    return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
  }
}
