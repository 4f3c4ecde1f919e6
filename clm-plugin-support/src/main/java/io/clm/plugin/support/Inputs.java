package io.clm.plugin.support;

import io.clm.api.annotation.Experimental;
import java.util.Map;

/**
 * Writes the inputs that explain an assignment ({@link io.clm.api.segmentation.Assignment#inputs()}):
 * an undefined (NaN) input is left out rather than written as NaN, which an assignment refuses.
 */
@Experimental
public final class Inputs {
  private Inputs() {}

  /**
   * Puts one input, unless it is undefined.
   *
   * @param into the inputs being collected
   * @param name the input's name, such as {@code profit}
   * @param value its value; NaN is left out
   */
  public static void put(Map<String, Double> into, String name, double value) {
    if (!Double.isNaN(value)) {
      into.put(name, value);
    }
  }
}
