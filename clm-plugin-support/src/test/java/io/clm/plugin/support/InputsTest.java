package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputsTest {

  @Test
  void anUndefinedInputIsLeftOutAndEveryOtherIsPut() {
    Map<String, Double> into = new HashMap<>();
    Inputs.put(into, "profit", Double.NaN);
    Inputs.put(into, "credit-score", 0.0);
    Inputs.put(into, "volume", -12.5);
    assertThat(into).containsOnly(Map.entry("credit-score", 0.0), Map.entry("volume", -12.5));
  }
}
