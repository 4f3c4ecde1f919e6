package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  @Test
  void everyCheckTakesItsBoundsAsDocumented() {
    Thresholds t = Thresholds.resolve("acme.model", Map.of("a.share", 1.0, "a.days", 0.5, "a.count", 3.0), Map.of());
    assertThat(t.fraction("a.share")).isEqualTo(1.0);
    assertThat(t.positive("a.days")).isEqualTo(0.5);
    assertThat(t.count("a.count", 3)).isEqualTo(3.0);
    assertThat(t.between("a.count", 3, 3)).isEqualTo(3.0);
    assertThatThrownBy(() -> t.between("a.count", 0, 2.5))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'acme.model': parameter 'a.count' is 3.0, more than 2.5");
  }

  @Test
  void aDefaultThatIsNotFiniteIsRefusedRatherThanPassingTheRangeChecks() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      Map<String, Double> defaults = new LinkedHashMap<>();
      defaults.put("a.limit", 5.0);
      defaults.put("b.limit", bad);
      // NaN is neither below a minimum nor above a maximum: between(0, 10) and atLeast(0) gave it back
      assertThatThrownBy(() -> Thresholds.resolve("acme.model", defaults, Map.of()).between("b.limit", 0, 10))
          .as("%s", bad)
          .isInstanceOf(InvalidModelException.class)
          .hasMessage("model 'acme.model': its default parameter 'b.limit' is not finite: " + bad);
      assertThatThrownBy(() -> Thresholds.resolve("acme.model", defaults, Map.of()).atLeast("b.limit", 0))
          .as("%s", bad)
          .isInstanceOf(InvalidModelException.class);
      // an override of the parameter does not make the provider's defaults valid
      assertThatThrownBy(() -> Thresholds.resolve("acme.model", defaults, Map.of("b.limit", 1.0)))
          .as("%s", bad)
          .isInstanceOf(InvalidModelException.class);
    }
  }

  @Test
  void aFractionAboveZeroAndTheOtherChecksRefuseNamingTheParameterAndTheValue() {
    Thresholds t = Thresholds.resolve("acme.model", Map.of("a.share", 0.0, "a.low", 3.0, "a.high", 3.0, "a.any", -2.5), Map.of());
    assertThatThrownBy(() -> t.fraction("a.share"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'acme.model': parameter 'a.share' is 0.0, outside (0, 1]");
    assertThat(t.value("a.any")).isEqualTo(-2.5);
    assertThat(t.atLeast("a.low", 3)).isEqualTo(3.0);
    assertThatThrownBy(() -> t.atLeast("a.low", 3.5))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("'a.low'")
        .hasMessageContaining("3.0");
    assertThatThrownBy(() -> t.requireBelow("a.low", "a.high"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'acme.model': parameter 'a.low' is 3.0, not less than parameter 'a.high' 3.0");
    t.requireBelow("a.any", "a.low");
  }
}
