package io.clm.api.spi;

import io.clm.api.TextRules;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.Intake;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for plugin ids, the one rule for plugin parameters and the one form of a complaint
 * category. The plugin registry, the lifecycle model builder, parameter resolution, the complaint
 * intake and routing rules, regulatory profiles and the plugin test kit all ask this class, so
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

  /**
   * Checks a complaint category, as an intake, a routing rule or a regulatory profile's policy
   * names it. Rules compare categories exactly, so a category written another way ({@code Fraud},
   * {@code "fees "}) is refused where it is given instead of silently matching no rule: it is not
   * blank, has at most {@link Intake#MAX_CATEGORY} characters, no control character or lone
   * surrogate, no space around it, and is lowercase.
   *
   * @param category the category
   * @return empty if the category is in that form, else what is wrong ({@code category 'Fraud' is
   *     not lowercase})
   * @throws NullPointerException if {@code category} is null
   */
  public static Optional<String> categoryProblem(String category) {
    Objects.requireNonNull(category, "category");
    if (category.isBlank()) {
      return Optional.of("category is blank");
    }
    String problem = TextRules.problem(category, Intake.MAX_CATEGORY);
    if (problem == null) {
      problem = !category.equals(category.strip()) ? "has space around it"
          : !category.equals(category.toLowerCase(Locale.ROOT)) ? "is not lowercase"
          : null;
    }
    return problem == null ? Optional.empty() : Optional.of("category " + TextRules.excerpt(category) + " " + problem);
  }

  private static boolean wellFormed(String name) {
    return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
  }
}
