package io.clm.core.models;

import static io.clm.core.models.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.event.Severity;
import io.clm.api.model.LifecycleModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FourStageProviderTest {
  private final FourStageProvider provider = new FourStageProvider();
  private final LifecycleModel model = provider.create();

  @Test
  void stagesFamiliesAndPhasesFollowSeed003() {
    assertThat(model.id()).isEqualTo("four-stage");
    assertThat(provider.id()).isEqualTo("four-stage");
    assertThat(Facts.stages(model))
        .containsExactly(
            "exploration PROSPECT ESTABLISH",
            "formation ONBOARDING ESTABLISH",
            "stability MATURITY MAINTAIN",
            "decline DECLINE RECOVER");
    assertThat(model.initialStage()).isEqualTo("exploration");
    assertThat(model.terminalStages()).isEmpty();
    assertThat(model.isForwardOnly()).isFalse();
    assertThat(model.allowsManualMoves()).isTrue();
    assertThat(Facts.table(model))
        .containsExactly(
            "first-transaction: exploration -> formation @1",
            "satisfied-repeat-business: formation -> stability @1",
            "stability-complaints: stability -> decline @3",
            "stability-inactivity: stability -> decline @2",
            "stability-falling-volume: stability -> decline @1",
            "recovery: decline -> stability @2",
            "recovery-after-resolution: decline -> stability @1");
  }

  @Test
  void defaultParameters() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("formation.min-transactions", 1.0);
    expected.put("stability.min-transactions", 5.0);
    expected.put("stability.min-satisfaction", 7.0);
    expected.put("decline.volume-drop", 0.3);
    expected.put("decline.inactivity-days", 90.0);
    expected.put("decline.open-urgent-complaints", 1.0);
    expected.put("decline.open-complaints", 2.0);
    expected.put("recovery.min-trend", 0.1);
    expected.put("recovery.max-days-since-transaction", 30.0);
    expected.put("recovery.min-transactions", 1.0);
    assertThat(provider.defaultParameters()).containsExactlyEntriesOf(expected);
  }

  @Test
  void overridesChangeThresholds() {
    LifecycleModel m = provider.create(Map.of("decline.volume-drop", 0.5, "decline.inactivity-days", 60.0));
    assertThat(customer().transactions(2).windows(1000, 600).fires(m, "stability-falling-volume"))
        .isFalse();
    assertThat(customer().transactions(2).windows(1000, 500).fires(m, "stability-falling-volume"))
        .isTrue();
    assertThat(customer().transactions(2).daysSinceLast(60).fires(m, "stability-inactivity"))
        .isTrue();
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> provider.create(Map.of("stability.min-txn", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'four-stage' has no parameter 'stability.min-txn'; parameters are"
                + " [decline.inactivity-days, decline.open-complaints,"
                + " decline.open-urgent-complaints, decline.volume-drop,"
                + " formation.min-transactions, recovery.max-days-since-transaction,"
                + " recovery.min-transactions, recovery.min-trend, stability.min-satisfaction,"
                + " stability.min-transactions]");
    assertThatThrownBy(() -> provider.create(Map.of("stability.min-satisfaction", 10.5)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'four-stage': parameter 'stability.min-satisfaction' is 10.5, more than 10.0");
    assertThatThrownBy(() -> provider.create(Map.of("decline.open-urgent-complaints", 0.5)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'four-stage': parameter 'decline.open-urgent-complaints' is 0.5, less than 1.0");
    assertThatThrownBy(() -> provider.create(Map.of("recovery.max-days-since-transaction", 120.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'four-stage': parameter 'recovery.max-days-since-transaction' is 120.0,"
                + " not less than parameter 'decline.inactivity-days' 90.0");
  }

  @Test
  void firstTransactionStartsFormation() {
    assertThat(customer().fires(model, "first-transaction")).isFalse();
    assertThat(customer().transactions(1).inStage(1).fires(model, "first-transaction")).isTrue();
    // a transaction before a manual move back to this stage is not new business
    assertThat(customer().transactions(1).inStage(0).fires(model, "first-transaction")).isFalse();
  }

  @Test
  void satisfiedRepeatBusinessMeansStability() {
    String rule = "satisfied-repeat-business";
    assertThat(customer().transactions(6).inStage(5).fires(model, rule)).isTrue();
    assertThat(customer().transactions(6).inStage(4).fires(model, rule)).isFalse();
    assertThat(customer().transactions(6).inStage(5).survey(7).fires(model, rule)).isTrue();
    assertThat(customer().transactions(6).inStage(5).survey(6).fires(model, rule)).isFalse();
    assertThat(
            customer().transactions(6).inStage(5).openComplaint(Severity.NORMAL).fires(model, rule))
        .isFalse();
  }

  @Test
  void earlyWarningMeansDecline() {
    assertThat(customer().openComplaint(Severity.URGENT).fires(model, "stability-complaints"))
        .isTrue();
    assertThat(
            customer()
                .openComplaint(Severity.NORMAL)
                .openComplaint(Severity.NORMAL)
                .fires(model, "stability-complaints"))
        .isTrue();
    assertThat(customer().openComplaint(Severity.NORMAL).fires(model, "stability-complaints"))
        .isFalse();
    assertThat(customer().transactions(1).daysSinceLast(90).fires(model, "stability-inactivity"))
        .isTrue();
    assertThat(customer().transactions(1).daysSinceLast(89.5).fires(model, "stability-inactivity"))
        .isFalse();
    assertThat(customer().transactions(1).windows(1000, 700).fires(model, "stability-falling-volume"))
        .isTrue();
    assertThat(customer().transactions(1).windows(1000, 710).fires(model, "stability-falling-volume"))
        .isFalse();
  }

  @Test
  void correctedMistakesAndRecoveredBusinessMeanStabilityAgain() {
    assertThat(customer().transactions(3).windows(1000, 1100).fires(model, "recovery")).isTrue();
    assertThat(customer().transactions(3).windows(1000, 1050).fires(model, "recovery")).isFalse();
    assertThat(
            customer()
                .transactions(3)
                .inStage(1)
                .resolvedComplaint(true)
                .fires(model, "recovery-after-resolution"))
        .isTrue();
    assertThat(
            customer()
                .transactions(3)
                .inStage(1)
                .resolvedComplaint(false)
                .fires(model, "recovery-after-resolution"))
        .isFalse();
  }
}
