package io.clm.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import org.junit.jupiter.api.Test;

class RuleFromSeveralStagesTest {

  /** Five stages: one prospect, three active ones (two growth, one maturity), dormant. */
  private static LifecycleModel.Builder fiveStages() {
    return LifecycleModel.builder("test")
        .stage("prospect", StageFamily.PROSPECT)
        .stage("new", StageFamily.GROWTH)
        .stage("growing", StageFamily.GROWTH)
        .stage("mature", StageFamily.MATURITY)
        .stage("dormant", StageFamily.DECLINE)
        .initial("prospect")
        .forwardOnly(false)
        .rule("opened").from("prospect").to("new").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(1))
        .rule("growing").from("new").to("growing").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(5))
        .rule("matured").from("growing").to("mature").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(20));
  }

  @Test
  void oneRuleLeavesFromEveryNamedStage() {
    LifecycleModel model =
        fiveStages()
            .rule("went-quiet").fromAny("new", "growing", "mature").to("dormant").priority(9)
            .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(90))
            .build();

    for (String stage : new String[] {"new", "growing", "mature"}) {
      assertThat(model.rulesFrom(stage))
          .as(stage)
          .anySatisfy(
              rule -> {
                assertThat(rule.id()).isEqualTo("went-quiet");
                assertThat(rule.to()).isEqualTo("dormant");
                assertThat(rule.priority()).isEqualTo(9);
              });
    }
    assertThat(model.rulesFrom("prospect")).extracting(TransitionRule::id).containsExactly("opened");
    assertThat(model.rules()).filteredOn(r -> r.id().equals("went-quiet")).extracting(TransitionRule::from)
        .containsExactly("new", "growing", "mature");
  }

  @Test
  void aRuleFromStageFamiliesLeavesFromEachStageOfThemInModelOrderButNotFromItsTarget() {
    LifecycleModel model =
        fiveStages()
            .rule("went-quiet").fromFamilies(StageFamily.GROWTH, StageFamily.MATURITY, StageFamily.DECLINE)
            .to("dormant").priority(9)
            .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(90))
            .build();

    assertThat(model.rules()).filteredOn(r -> r.id().equals("went-quiet")).extracting(TransitionRule::from)
        .containsExactly("new", "growing", "mature");
  }

  @Test
  void theExpandedRulesAreCheckedLikeOthers() {
    assertThatThrownBy(
            () ->
                fiveStages()
                    .rule("went-quiet").fromAny("new", "sleeping").to("dormant").priority(9)
                    .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(90))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'test': rule 'went-quiet' from stage 'sleeping' is not a declared stage; stages are"
                + " [prospect, new, growing, mature, dormant]");
    assertThatThrownBy(
            () ->
                fiveStages()
                    .rule("went-quiet").fromAny("new", "growing").to("dormant").priority(1)
                    .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(90))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': rules 'growing' and 'went-quiet' out of stage 'new' tie at priority 1");
    assertThatThrownBy(
            () ->
                fiveStages()
                    .rule("matured").fromAny("new").to("dormant").priority(5)
                    .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(90))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': rule id 'matured' is used twice");
    assertThatThrownBy(
            () ->
                fiveStages()
                    .rule("nothing").fromFamilies(StageFamily.EXIT).to("dormant").priority(5)
                    .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(90))
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'test': rule 'nothing' leaves from families [EXIT], which have no stage to leave");
  }

  @Test
  void theSourcesAreGivenOnceAndNotEmpty() {
    assertThatThrownBy(() -> fiveStages().rule("x").fromAny())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("rule 'x' needs at least one stage in fromAny()");
    assertThatThrownBy(() -> fiveStages().rule("x").fromAny("new", "new"))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("rule 'x' names stage 'new' twice in fromAny()");
    assertThatThrownBy(() -> fiveStages().rule("x").from("new").fromFamilies(StageFamily.GROWTH))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("rule 'x' already has its from stages");
  }
}
