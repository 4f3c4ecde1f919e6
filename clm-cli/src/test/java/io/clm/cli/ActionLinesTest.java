package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Money;
import io.clm.api.PluginFailureException;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The at-risk list's action lines: what was proposed, and what was left out and why; never empty. */
class ActionLinesTest {

  private static RetentionAction action(ActionType type, int priority) {
    return new RetentionAction(type, "because", Money.of("5.00", "EUR"), priority, "decline-recovery");
  }

  @Test
  void theFirstThreeActionsAreListedWithPriorityAndStrategy() {
    RetentionPlan plan = new RetentionPlan(List.of(
        action(new ActionType.Offer(10), 90),
        action(new ActionType.Communication("study the rival"), 85),
        action(new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC), 80),
        action(new ActionType.Communication("later"), 10)), 0, List.of());
    assertThat(Sections.actionLines(plan, true)).containsExactly(
        "offer with 10% discount (priority 90, decline-recovery)",
        "contact: study the rival (priority 85, decline-recovery)",
        "economic exit barrier (priority 80, decline-recovery)");
  }

  @Test
  void aCustomerWithoutMarketingConsentIsSaidToHaveNone() {
    RetentionPlan plan = new RetentionPlan(List.of(action(new ActionType.Communication("study the rival"), 65)), 0, List.of());
    assertThat(Sections.actionLines(plan, false)).containsExactly(
        "contact: study the rival (priority 65, decline-recovery)",
        "no marketing consent: no offer, sale or sold exit barrier is proposed");
    assertThat(Sections.actionLines(new RetentionPlan(List.of(), 0, List.of()), false))
        .containsExactly("no marketing consent: no offer, sale or sold exit barrier is proposed");
  }

  @Test
  void marketingThePlanWithheldIsCounted() {
    assertThat(Sections.actionLines(new RetentionPlan(List.of(), 2, List.of()), false))
        .containsExactly("2 marketing action(s) withheld: no marketing consent");
  }

  @Test
  void anEmptyPlanSaysSoAndFailedStrategiesAreNamed() {
    assertThat(Sections.actionLines(new RetentionPlan(List.of(), 0, List.of()), true)).containsExactly("none proposed");
    RetentionPlan failed = new RetentionPlan(List.of(), 0, List.of(new PluginFailureException("strategy 'x' threw")));
    assertThat(Sections.actionLines(failed, true))
        .containsExactly("strategy failed, its actions are left out: strategy 'x' threw");
  }
}
