package io.clm.tck;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Map;
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
}
