package io.clm.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.IllegalTransitionException;
import io.clm.api.InvalidModelException;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import org.junit.jupiter.api.Test;

/** The checks of the model builder that name an undeclared stage, and the settings a model keeps. */
class ModelBuilderChecksTest {

  private static LifecycleModel.Builder twoStages() {
    return LifecycleModel.builder("test")
        .stage("prospect", StageFamily.PROSPECT)
        .stage("active", StageFamily.GROWTH);
  }

  private static LifecycleModel.Builder purchase(LifecycleModel.Builder b) {
    return b.rule("purchase").from("prospect").to("active").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1));
  }

  @Test
  void anUndeclaredInitialStageIsNamedAsSuch() {
    assertThatThrownBy(() -> LifecycleModel.builder("test").stage("a", StageFamily.PROSPECT).initial("ghost").build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': initial stage 'ghost' is not a declared stage; stages are [a]");
  }

  @Test
  void anUndeclaredTerminalStageIsRefused() {
    assertThatThrownBy(() -> purchase(twoStages().initial("prospect").terminal("active", "closed")).build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': terminal stage 'closed' is not a declared stage; stages are [prospect, active]");
  }

  @Test
  void aRuleFromAnUndeclaredStageIsRefused() {
    assertThatThrownBy(
            () ->
                purchase(twoStages().initial("prospect"))
                    .rule("revived").from("dormant").to("active").priority(2)
                    .when(Metric.TRANSACTION_COUNT.atLeast(1))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'test': rule 'revived' from stage 'dormant' is not a declared stage; stages are [prospect, active]");
  }

  @Test
  void aModelKeepsItsSettingsWhenTheyAreOff() {
    LifecycleModel model = purchase(twoStages().initial("prospect").forwardOnly(false).manualMoves(false)).build();

    assertThat(model.isForwardOnly()).isFalse();
    assertThat(model.allowsManualMoves()).isFalse();
    assertThat(model.isTerminal("active")).isFalse();
    assertThat(model.isTerminal("prospect")).isFalse();
    assertThat(model.terminalStages()).isEmpty();
    assertThat(model.toString()).isEqualTo("LifecycleModel[test, stages=[prospect, active]]");
    assertThatThrownBy(() -> model.checkManualMove("active", "prospect"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("model 'test' does not allow manual moves");
  }

  @Test
  void terminalStagesAreListed() {
    LifecycleModel model = purchase(twoStages().initial("prospect").terminal("active")).build();

    assertThat(model.terminalStages()).containsExactly("active");
    assertThat(model.isTerminal("active")).isTrue();
    assertThat(model.isTerminal("prospect")).isFalse();
  }

  @Test
  void manualMovesMayBeSetOnce() {
    assertThatThrownBy(() -> twoStages().manualMoves(false).manualMoves(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("manualMoves was already set");
  }

  @Test
  void aRuleTakesItsSourceOnce() {
    assertThatThrownBy(() -> twoStages().rule("x").from("prospect").from("active"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("rule 'x' already has its from stages");
    assertThatThrownBy(() -> twoStages().rule("x").fromFamilies(StageFamily.PROSPECT).fromAny("prospect"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("rule 'x' already has its from stages");
    assertThatThrownBy(() -> twoStages().rule("x").fromAny("prospect").from("prospect"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("rule 'x' already has its from stages");
  }
}
