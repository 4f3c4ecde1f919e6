package io.clm.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRulesTest {

  @Test
  void wellFormedIdsPass() {
    for (String id : new String[] {"banking-six-stage", "acme.credit-bureau-band", "a", "x1.y2-z", "a".repeat(64)}) {
      assertThat(PluginRules.idProblem(id)).as(id).isEmpty();
    }
  }

  @Test
  void malformedIdsAreRefusedWithTheRule() {
    String rule = " must be dot-separated parts of lowercase letters, digits and hyphens, each starting"
        + " with a letter, at most 64 characters";
    for (String id : new String[] {"", "Acme", "1abc", "acme..bands", "acme.", ".acme", "acme.1x", "acme_bands", "a b"}) {
      assertThat(PluginRules.idProblem(id)).as(id).contains("id '" + id + "'" + rule);
    }
    // A long id is quoted as a short excerpt with its length.
    assertThat(PluginRules.idProblem("a".repeat(65)))
        .contains("id 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'... (65 characters)" + rule);
    assertThat(PluginRules.idProblem("acme\nforged")).contains("id 'acme\\u000aforged'" + rule);
    assertThat(PluginRules.idProblem(null)).get().asString().startsWith("id null must be");
  }

  @Test
  void parametersNeedAWellFormedNameAndAFiniteValue() {
    assertThat(PluginRules.parameterProblem("growth.min-transactions", 3.0)).isEmpty();
    assertThat(PluginRules.parameterProblem("Growth", 3.0)).get().asString().startsWith("parameter name 'Growth' must be");
    assertThat(PluginRules.parameterProblem("growth", Double.NaN)).contains("parameter 'growth' is not finite: NaN");
    assertThat(PluginRules.parameterProblem("growth", null)).contains("parameter 'growth' is not finite: null");
    assertThat(PluginRules.parameterProblem("growth", Double.NEGATIVE_INFINITY))
        .contains("parameter 'growth' is not finite: -Infinity");
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put("a", 1.0);
    parameters.put("b", Double.POSITIVE_INFINITY);
    parameters.put("C", 1.0);
    assertThat(PluginRules.parametersProblem(parameters)).contains("parameter 'b' is not finite: Infinity");
    assertThat(PluginRules.parametersProblem(Map.of("a", 1.0))).isEmpty();
  }
}
