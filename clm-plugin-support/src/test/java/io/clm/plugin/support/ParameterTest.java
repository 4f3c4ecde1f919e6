package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import io.clm.api.segmentation.FittedScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTest {
  private static final List<Parameter> SPECS =
      List.of(new Parameter("gold.min-score", 750, 0, 1000), new Parameter("silver.min-score", 600, 0, 1000));

  @Test
  void defaultsAndOverridesResolveByName() {
    assertThat(Parameter.resolve("acme.bands", SPECS, Map.of()))
        .containsExactly(Map.entry("gold.min-score", 750.0), Map.entry("silver.min-score", 600.0));
    assertThat(Parameter.resolve("acme.bands", SPECS, Map.of("gold.min-score", 800.0)))
        .containsEntry("gold.min-score", 800.0)
        .containsEntry("silver.min-score", 600.0);
  }

  @Test
  void badOverridesAreRefusedNamingSchemeParameterAndValue() {
    assertThatThrownBy(() -> Parameter.resolve("acme.bands", SPECS, Map.of("bronze.min-score", 1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.bands' has no parameter 'bronze.min-score'; parameters are [gold.min-score, silver.min-score]");
    assertThatThrownBy(() -> Parameter.resolve("acme.bands", SPECS, Map.of("gold.min-score", Double.NaN)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.bands': parameter 'gold.min-score' is not finite: NaN");
    assertThatThrownBy(() -> Parameter.resolve("acme.bands", SPECS, Map.of("gold.min-score", 1001.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.bands': parameter 'gold.min-score' is 1001.0, out of range 0..1000");
  }

  @Test
  void anUnknownNameIsQuotedEscapedAndCutAsTheApiQuotesIt() {
    // the name comes from configuration: a line break in it must not start a new line of the log,
    // nor a name of a thousand characters fill it
    assertThatThrownBy(() -> Parameter.resolve("acme.bands", SPECS, Map.of("gold\nmin-score", 1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.bands' has no parameter 'gold\\u000amin-score'; parameters are [gold.min-score, silver.min-score]");
    String long1000 = "g".repeat(1000);
    assertThatThrownBy(() -> Parameter.resolve("strategy", "acme.points", SPECS, Map.of(long1000, 1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'acme.points' has no parameter '" + "g".repeat(32) + "'... (1000 characters); parameters are"
            + " [gold.min-score, silver.min-score]");
  }

  @Test
  void aSchemeThatDeclaresAParameterTwiceIsRefused() {
    // with the name twice, which range and default would hold is a guess: the first spec's range
    // checked an override while the last spec's default was used
    List<Parameter> twice = List.of(new Parameter("gold.min-score", 750, 0, 1000), new Parameter("gold.min-score", 20, 0, 100));
    assertThatThrownBy(() -> Parameter.resolve("acme.bands", twice, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.bands' declares parameter 'gold.min-score' twice");
  }

  @Test
  void aParameterFollowsTheParameterRuleAndHasItsDefaultInRange() {
    assertThatThrownBy(() -> new Parameter("Gold", 1, 0, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("parameter name 'Gold' must be dot-separated parts");
    assertThatThrownBy(() -> new Parameter("gold", 3, 0, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("parameter 'gold' has default 3.0 out of its range");
    assertThatThrownBy(() -> new Parameter("gold", 1, 2, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("parameter 'gold' has an empty or infinite range 2.0..0.0");
  }

  @Test
  void aFittedValueIsReadWithTheSameRangeCheck() {
    Parameter gold = SPECS.get(0);
    assertThat(gold.read(new FittedScheme("acme.bands", 1, Map.of("gold.min-score", 700.0)))).isEqualTo(700.0);
    assertThatThrownBy(() -> gold.read(new FittedScheme("acme.bands", 1, Map.of("gold.min-score", -1.0))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'acme.bands': parameter 'gold.min-score' is -1.0, out of range 0..1000");
  }

  @Test
  void aRangeIncludesItsBounds() {
    Parameter only = new Parameter("fixed.value", 5, 5, 5);
    assertThat(Parameter.resolve("acme.fixed", List.of(only), Map.of("fixed.value", 5.0))).containsExactly(Map.entry("fixed.value", 5.0));
    assertThat(new Parameter("low.default", 0, 0, 10).defaultValue()).isZero();
    assertThat(new Parameter("high.default", 10, 0, 10).defaultValue()).isEqualTo(10.0);
    assertThat(Parameter.resolve("acme.bands", SPECS, Map.of("gold.min-score", 0.0, "silver.min-score", 1000.0)))
        .containsExactly(Map.entry("gold.min-score", 0.0), Map.entry("silver.min-score", 1000.0));
    assertThatThrownBy(() -> Parameter.resolve("acme.bands", SPECS, Map.of("gold.min-score", -0.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'acme.bands': parameter 'gold.min-score' is -0.5, out of range 0..1000");
  }
}
