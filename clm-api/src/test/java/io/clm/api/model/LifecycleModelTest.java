package io.clm.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.IllegalTransitionException;
import io.clm.api.InvalidModelException;
import io.clm.api.Metric;
import io.clm.api.Phase;
import io.clm.api.StageFamily;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleModelTest {

  private static LifecycleModel.Builder threeStages() {
    return LifecycleModel.builder("test")
        .stage("prospect", StageFamily.PROSPECT)
        .stage("active", StageFamily.GROWTH)
        .stage("lapsed", StageFamily.EXIT)
        .initial("prospect")
        .terminal("lapsed");
  }

  @Test
  void buildsAConsistentModel() {
    LifecycleModel model =
        threeStages()
            .rule("first-purchase").from("prospect").to("active").priority(1)
            .when(Metric.TRANSACTION_COUNT.atLeast(1))
            .rule("inactive").from("active").to("lapsed").priority(1)
            .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(180))
            .build();

    assertThat(model.id()).isEqualTo("test");
    assertThat(model.stages()).extracting(s -> s.id()).containsExactly("prospect", "active", "lapsed");
    assertThat(model.stage("active").orElseThrow().phase()).isEqualTo(Phase.MAINTAIN);
    assertThat(model.initialStage()).isEqualTo("prospect");
    assertThat(model.isTerminal("lapsed")).isTrue();
    assertThat(model.isForwardOnly()).isTrue();
    assertThat(model.allowsManualMoves()).isTrue();
    assertThat(model.indexOf("lapsed")).isEqualTo(2);
    assertThat(model.rulesFrom("active")).extracting(TransitionRule::id).containsExactly("inactive");
  }

  @Test
  void rulesOutOfAStageAreOrderedByPriorityHighestFirst() {
    LifecycleModel model =
        threeStages()
            .rule("purchase").from("prospect").to("active").priority(1)
            .when(Metric.TRANSACTION_COUNT.atLeast(1))
            .rule("straight-out").from("prospect").to("lapsed").priority(5)
            .when(Metric.RELATIONSHIP_CLOSED.atLeast(1))
            .build();

    assertThat(model.rulesFrom("prospect"))
        .extracting(TransitionRule::id)
        .containsExactly("straight-out", "purchase");
  }

  @Test
  void rejectsAnUnreachableStage() {
    assertThatThrownBy(
            () ->
                threeStages()
                    .rule("first-purchase").from("prospect").to("active").priority(1)
                    .when(Metric.TRANSACTION_COUNT.atLeast(1))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': stage 'lapsed' is unreachable from initial stage 'prospect'");
  }

  @Test
  void rejectsATransitionToAnUnknownStage() {
    assertThatThrownBy(
            () ->
                threeStages()
                    .rule("first-purchase").from("prospect").to("loyal").priority(1)
                    .when(Metric.TRANSACTION_COUNT.atLeast(1))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'test': rule 'first-purchase' to stage 'loyal' is not a declared stage;"
                + " stages are [prospect, active, lapsed]");
  }

  @Test
  void rejectsTwoRulesThatTie() {
    assertThatThrownBy(
            () ->
                threeStages()
                    .rule("purchase").from("prospect").to("active").priority(1)
                    .when(Metric.TRANSACTION_COUNT.atLeast(1))
                    .rule("closed").from("prospect").to("lapsed").priority(1)
                    .when(Metric.RELATIONSHIP_CLOSED.atLeast(1))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': rules 'purchase' and 'closed' out of stage 'prospect' tie at priority 1");
  }

  @Test
  void rejectsABackwardRuleInAForwardOnlyModel() {
    assertThatThrownBy(
            () ->
                threeStages()
                    .rule("purchase").from("prospect").to("active").priority(1)
                    .when(Metric.TRANSACTION_COUNT.atLeast(1))
                    .rule("inactive").from("active").to("lapsed").priority(1)
                    .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(180))
                    .rule("win-back").from("lapsed").to("active").priority(1)
                    .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(1))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': rule 'win-back' moves backward from 'lapsed' to 'active' in a forward-only model");
  }

  @Test
  void allowsBackwardRulesWhenNotForwardOnly() {
    LifecycleModel model =
        threeStages()
            .forwardOnly(false)
            .rule("purchase").from("prospect").to("active").priority(1)
            .when(Metric.TRANSACTION_COUNT.atLeast(1))
            .rule("inactive").from("active").to("lapsed").priority(1)
            .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(180))
            .rule("win-back").from("lapsed").to("active").priority(1)
            .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(1))
            .build();
    assertThat(model.rulesFrom("lapsed")).extracting(TransitionRule::id).containsExactly("win-back");
  }

  @Test
  void rejectsDuplicateStagesRuleIdsAndAMissingInitialStage() {
    assertThatThrownBy(() -> threeStages().stage("active", StageFamily.MATURITY))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': stage 'active' is declared twice");
    assertThatThrownBy(
            () ->
                threeStages()
                    .rule("move").from("prospect").to("active").priority(1)
                    .when(Metric.TRANSACTION_COUNT.atLeast(1))
                    .rule("move").from("active").to("lapsed").priority(1)
                    .when(Metric.TRANSACTION_COUNT.atLeast(9))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': rule id 'move' is used twice");
    assertThatThrownBy(() -> LifecycleModel.builder("test").stage("a", StageFamily.PROSPECT).build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': initial stage is not set");
    assertThatThrownBy(() -> LifecycleModel.builder("test").build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': has no stages");
    assertThatThrownBy(() -> LifecycleModel.builder("Test Model"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model id 'Test Model' must be dot-separated parts of lowercase letters, digits and hyphens, each"
                + " starting with a letter, at most 64 characters");
  }

  @Test
  void settersMayBeCalledOnce() {
    assertThatThrownBy(() -> threeStages().initial("active"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("initial stage was already set to 'prospect'");
    assertThatThrownBy(() -> threeStages().forwardOnly(false).forwardOnly(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("forwardOnly was already set");
  }

  @Test
  void manualMovesAreCheckedAgainstTheModel() {
    LifecycleModel model =
        threeStages()
            .rule("purchase").from("prospect").to("active").priority(1)
            .when(Metric.TRANSACTION_COUNT.atLeast(1))
            .rule("inactive").from("active").to("lapsed").priority(1)
            .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(180))
            .build();
    model.checkManualMove("lapsed", "prospect");
    assertThatThrownBy(() -> model.checkManualMove("active", "active"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("manual move to 'active', the current stage");
    assertThatThrownBy(() -> model.checkManualMove("active", "loyal"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("stage 'loyal' is not in model 'test'; stages are [prospect, active, lapsed]");
  }

  @Test
  void parametersRejectUnknownNamesAndNonFiniteValues() {
    Map<String, Double> defaults = Map.of("growth.min-transactions", 5.0);
    assertThat(ModelParameters.resolve("m", defaults, Map.of("growth.min-transactions", 7.0)).get("growth.min-transactions"))
        .isEqualTo(7.0);
    assertThatThrownBy(() -> ModelParameters.resolve("m", defaults, Map.of("growth.min", 7.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'm' has no parameter 'growth.min'; parameters are [growth.min-transactions]");
    assertThatThrownBy(() -> ModelParameters.resolve("m", defaults, Map.of("growth.min-transactions", Double.NaN)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'm': parameter 'growth.min-transactions' is not finite: NaN");
    assertThat(ModelParameters.resolve("m", defaults, Map.of()).atLeast("growth.min-transactions", 5)).isEqualTo(5.0);
    assertThatThrownBy(() -> ModelParameters.resolve("m", defaults, Map.of()).atLeast("growth.min-transactions", 6))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'm': parameter 'growth.min-transactions' is 5.0, less than 6.0");
  }
}
