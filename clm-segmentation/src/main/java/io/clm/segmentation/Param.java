package io.clm.segmentation;

import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One named numeric parameter of a scheme, with its default and its range; resolution and checks. */
record Param(String name, double defaultValue, double min, double max) {

  static Map<String, Double> resolve(String schemeId, List<Param> specs, Map<String, Double> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, Double> values = new TreeMap<>();
    for (Param p : specs) {
      values.put(p.name, p.defaultValue);
    }
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      Param p = find(specs, e.getKey());
      if (p == null) {
        throw new ValidationException(
            "scheme '" + schemeId + "' has no parameter '" + e.getKey() + "'; parameters are " + values.keySet());
      }
      Double v = Objects.requireNonNull(e.getValue(), e.getKey());
      p.check("scheme '" + schemeId + "'", v);
      values.put(p.name, v);
    }
    return values;
  }

  /** Reads this parameter from a fitted scheme and checks its range. */
  double read(FittedScheme fitted) {
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

  private static Param find(List<Param> specs, String name) {
    for (Param p : specs) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }
}
