package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clm.api.ClmException;
import io.clm.api.spi.Plugin;
import io.clm.api.spi.PluginRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Overrides of a plugin's numeric parameters: plausible, extreme and non-finite values. */
final class Overrides {
  private Overrides() {}

  static Gen<Map<String, Double>> of(Map<String, Double> defaults) {
    Set<String> names = new TreeSet<>(defaults.keySet());
    Gen<Double> factor = Generate.pick(List.of(0.0, 0.1, 0.5, 0.9, 1.0, 1.1, 2.0, 10.0, -1.0, 1e9));
    Gen<Double> odd =
        Generate.pick(
            List.of(0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-12));
    return in -> {
      Map<String, Double> m = new TreeMap<>();
      for (String name : names) {
        int choice = integers().between(0, 5).generate(in);
        if (choice == 0 || choice == 1) {
          m.put(name, defaults.get(name) * factor.generate(in));
        } else if (choice == 2) {
          m.put(name, odd.generate(in));
        }
      }
      return m;
    };
  }

  /**
   * Checks a plugin's configuration: its parameters are well formed; configuring it with them gives
   * the same parameters and id; an unknown name is refused with a {@link ClmException} naming it;
   * configuring is total (a result or a typed refusal) and changes neither the overrides nor the
   * plugin it is called on.
   *
   * @param kind the kind of plugin, for messages: {@code scheme}, {@code strategy}
   * @param plugin the plugin
   * @param parameters reads a plugin's parameters
   * @param configure configures a plugin
   */
  static <P extends Plugin> void checkConfiguration(
      String kind, P plugin, Function<P, Map<String, Double>> parameters, BiFunction<P, Map<String, Double>, P> configure) {
    // a copy: compared with a map the plugin changed, its own map would be equal to itself
    Map<String, Double> own = new HashMap<>(parameters.apply(plugin));
    assertThat(PluginRules.parametersProblem(own)).as("parameters() of %s '%s'", kind, plugin.id()).isEmpty();
    P same = configure.apply(plugin, new HashMap<>(own));
    assertThat(same.id()).isEqualTo(plugin.id());
    assertThat(parameters.apply(same)).isEqualTo(own);
    Throwable thrown = catchThrowable(() -> configure.apply(plugin, Map.of("tck.no-such-parameter", 1.0)));
    assertThat(thrown)
        .as(
            "configure(Map.of(\"tck.no-such-parameter\", 1.0)) of %s '%s' must throw a ClmException naming the"
                + " parameter, but it threw %s",
            kind,
            plugin.id(),
            thrown)
        .isInstanceOf(ClmException.class)
        .hasMessageContaining("tck.no-such-parameter");
    qt().withExamples(100)
        .forAll(of(own))
        .checkAssert(
            overrides -> {
              Map<String, Double> argument = new HashMap<>(overrides);
              try {
                P configured = configure.apply(plugin, argument);
                assertThat(configured).as("configure(%s)", overrides).isNotNull();
                assertThat(configured.id()).isEqualTo(plugin.id());
              } catch (ClmException refused) {
                // a typed refusal
              } catch (RuntimeException e) {
                throw new AssertionError(PluginContract.describe(plugin) + ".configure(" + overrides + ") threw " + e, e);
              }
              assertThat(argument).as("overrides after configure()").isEqualTo(overrides);
              assertThat(parameters.apply(plugin)).as("the %s's own parameters after configure()", kind).isEqualTo(own);
            });
  }
}
