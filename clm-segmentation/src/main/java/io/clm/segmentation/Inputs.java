package io.clm.segmentation;

import java.util.Map;

/** Writes assignment inputs; an undefined (NaN) input is left out rather than written as NaN. */
final class Inputs {
  private Inputs() {}

  static void put(Map<String, Double> into, String name, double value) {
    if (!Double.isNaN(value)) {
      into.put(name, value);
    }
  }
}
