package io.clm.core.models;

import static io.clm.core.models.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.event.Severity;
import io.clm.api.model.LifecycleModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelationshipSevenPeriodProviderTest {
  private final RelationshipSevenPeriodProvider provider = new RelationshipSevenPeriodProvider();
  private final LifecycleModel model = provider.create();

  @Test
  void stagesFamiliesAndPhasesFollowSeed002() {
    assertThat(model.id()).isEqualTo("relationship-seven-period");
    assertThat(provider.id()).isEqualTo("relationship-seven-period");
    assertThat(Facts.stages(model))
        .containsExactly(
            "exploration PROSPECT ESTABLISH",
            "socialization ONBOARDING ESTABLISH",
            "growth GROWTH MAINTAIN",
            "maturity MATURITY MAINTAIN",
            "danger DECLINE RECOVER",
            "dissolution EXIT RECOVER",
            "interruption INTERRUPTION RECOVER");
    assertThat(model.initialStage()).isEqualTo("exploration");
    assertThat(model.terminalStages()).isEqualTo(Set.of("dissolution", "interruption"));
    assertThat(model.isForwardOnly()).isFalse();
    assertThat(model.allowsManualMoves()).isTrue();
  }

  @Test
  void rulesAndPriorities() {
    assertThat(Facts.table(model))
        .containsExactly(
            "first-transaction: exploration -> socialization @1",
            "socialization-closed: socialization -> dissolution @2",
            "repurchase: socialization -> growth @1",
            "growth-closed: growth -> dissolution @5",
            "growth-complaints: growth -> danger @4",
            "growth-inactivity: growth -> danger @3",
            "growth-falling-volume: growth -> danger @2",
            "plateau: growth -> maturity @1",
            "maturity-closed: maturity -> dissolution @4",
            "maturity-complaints: maturity -> danger @3",
            "maturity-inactivity: maturity -> danger @2",
            "maturity-falling-volume: maturity -> danger @1",
            "danger-closed: danger -> dissolution @5",
            "recovery: danger -> growth @4",
            "recovery-after-resolution: danger -> growth @3",
            "dissolution-dormant: danger -> dissolution @2",
            "line-ended: danger -> interruption @1",
            "interruption-closed: interruption -> dissolution @2",
            "new-cycle: interruption -> socialization @1",
            "win-back: dissolution -> socialization @1");
  }

  @Test
  void defaultParameters() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("socialization.min-transactions", 1.0);
    expected.put("growth.min-repeat-transactions", 2.0);
    expected.put("maturity.min-transactions", 6.0);
    expected.put("maturity.plateau-band", 0.1);
    expected.put("danger.volume-drop", 0.3);
    expected.put("danger.inactivity-days", 90.0);
    expected.put("danger.open-urgent-complaints", 1.0);
    expected.put("danger.open-complaints", 2.0);
    expected.put("recovery.min-trend", 0.1);
    expected.put("recovery.max-days-since-transaction", 30.0);
    expected.put("recovery.min-transactions", 1.0);
    expected.put("interruption.inactivity-days", 180.0);
    expected.put("dissolution.inactivity-days", 365.0);
    expected.put("new-cycle.min-transactions", 1.0);
    assertThat(provider.defaultParameters()).containsExactlyEntriesOf(expected);
  }

  @Test
  void overridesChangeThresholds() {
    LifecycleModel m =
        provider.create(Map.of("danger.open-urgent-complaints", 2.0, "maturity.plateau-band", 0.2));
    assertThat(customer().openComplaint(Severity.URGENT).fires(m, "growth-complaints")).isFalse();
    assertThat(
            customer()
                .openComplaint(Severity.URGENT)
                .openComplaint(Severity.URGENT)
                .fires(m, "growth-complaints"))
        .isTrue();
    assertThat(customer().transactions(6).inStage(6).windows(1000, 1200).fires(m, "plateau"))
        .isTrue();
    assertThat(customer().transactions(6).inStage(6).windows(1000, 1201).fires(m, "plateau"))
        .isFalse();
  }

  @Test
  void unknownParameterIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> provider.create(Map.of("danger.days", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'relationship-seven-period' has no parameter 'danger.days'; parameters are"
                + " [danger.inactivity-days, danger.open-complaints,"
                + " danger.open-urgent-complaints, danger.volume-drop,"
                + " dissolution.inactivity-days, growth.min-repeat-transactions,"
                + " interruption.inactivity-days, maturity.min-transactions,"
                + " maturity.plateau-band, new-cycle.min-transactions,"
                + " recovery.max-days-since-transaction, recovery.min-transactions,"
                + " recovery.min-trend, socialization.min-transactions]");
  }

  @Test
  void outOfRangeValuesAreRejectedNamingParameterAndValue() {
    assertRejected(
        "maturity.plateau-band",
        0.0,
        "model 'relationship-seven-period': parameter 'maturity.plateau-band' is 0.0, outside (0, 1]");
    assertRejected(
        "danger.open-complaints",
        0.0,
        "model 'relationship-seven-period': parameter 'danger.open-complaints' is 0.0, less than 1.0");
    assertRejected(
        "new-cycle.min-transactions",
        1.5,
        "model 'relationship-seven-period': parameter 'new-cycle.min-transactions' is 1.5,"
            + " not a whole number");
    assertRejected(
        "dissolution.inactivity-days",
        -30.0,
        "model 'relationship-seven-period': parameter 'dissolution.inactivity-days' is -30.0,"
            + " not positive");
    assertRejected(
        "interruption.inactivity-days",
        60.0,
        "model 'relationship-seven-period': parameter 'danger.inactivity-days' is 90.0,"
            + " not less than parameter 'interruption.inactivity-days' 60.0");
  }

  private void assertRejected(String name, double value, String message) {
    assertThatThrownBy(() -> provider.create(Map.of(name, value)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(message);
  }

  @Test
  void firstTransactionStartsSocialization() {
    assertThat(customer().fires(model, "first-transaction")).isFalse();
    assertThat(customer().transactions(1).inStage(1).fires(model, "first-transaction")).isTrue();
    // a transaction before a manual move back to this stage is not new business
    assertThat(customer().transactions(1).inStage(0).fires(model, "first-transaction")).isFalse();
  }

  @Test
  void repurchaseWithoutOpenComplaintMeansGrowth() {
    assertThat(customer().transactions(2).inStage(1).fires(model, "repurchase")).isFalse();
    assertThat(customer().transactions(3).inStage(2).fires(model, "repurchase")).isTrue();
    assertThat(
            customer()
                .transactions(3)
                .inStage(2)
                .openComplaint(Severity.NORMAL)
                .fires(model, "repurchase"))
        .isFalse();
  }

  @Test
  void levelVolumeAfterRepeatBusinessMeansMaturity() {
    assertThat(customer().transactions(9).inStage(6).windows(1000, 1100).fires(model, "plateau"))
        .isTrue();
    assertThat(customer().transactions(9).inStage(6).windows(1000, 900).fires(model, "plateau"))
        .isTrue();
    assertThat(customer().transactions(9).inStage(6).windows(1000, 1101).fires(model, "plateau"))
        .isFalse();
    assertThat(customer().transactions(9).inStage(6).windows(1000, 899).fires(model, "plateau"))
        .isFalse();
    assertThat(customer().transactions(9).inStage(5).windows(1000, 1000).fires(model, "plateau"))
        .isFalse();
    // no trend yet: the plateau cannot be seen
    assertThat(customer().transactions(9).inStage(6).fires(model, "plateau")).isFalse();
  }

  @Test
  void warningSignalsMeanDanger() {
    for (String from : List.of("growth", "maturity")) {
      assertThat(customer().openComplaint(Severity.URGENT).fires(model, from + "-complaints"))
          .isTrue();
      assertThat(customer().openComplaint(Severity.NORMAL).fires(model, from + "-complaints"))
          .isFalse();
      assertThat(customer().transactions(2).daysSinceLast(90).fires(model, from + "-inactivity"))
          .isTrue();
      assertThat(customer().transactions(2).daysSinceLast(89).fires(model, from + "-inactivity"))
          .isFalse();
      assertThat(customer().transactions(2).windows(1000, 700).fires(model, from + "-falling-volume"))
          .isTrue();
      assertThat(customer().transactions(2).windows(1000, 701).fires(model, from + "-falling-volume"))
          .isFalse();
      assertThat(customer().transactions(2).closed(0, true).fires(model, from + "-closed")).isTrue();
      assertThat(customer().transactions(2).closed(0, false).fires(model, from + "-closed"))
          .isFalse();
    }
  }

  @Test
  void remedyInDangerMeansRecovery() {
    assertThat(customer().transactions(3).windows(1000, 1100).fires(model, "recovery")).isTrue();
    assertThat(customer().transactions(3).windows(1000, 1099).fires(model, "recovery")).isFalse();
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
                .resolvedComplaint(true)
                .openComplaint(Severity.URGENT)
                .fires(model, "recovery-after-resolution"))
        .isFalse();
  }

  @Test
  void businessStoppedWithProductsStillHeldIsAnInterruption() {
    assertThat(
            customer().transactions(3).daysSinceLast(180).products(2, 1).fires(model, "line-ended"))
        .isTrue();
    assertThat(
            customer().transactions(3).daysSinceLast(179).products(2, 1).fires(model, "line-ended"))
        .isFalse();
    assertThat(
            customer().transactions(3).daysSinceLast(200).products(1, 1).fires(model, "line-ended"))
        .isFalse();
  }

  @Test
  void closureOrDormancyWithoutProductsIsADissolution() {
    assertThat(customer().transactions(3).closed(0, true).fires(model, "danger-closed")).isTrue();
    assertThat(customer().transactions(3).closed(0, true).fires(model, "interruption-closed"))
        .isTrue();
    assertThat(customer().transactions(3).closed(0, true).fires(model, "socialization-closed"))
        .isTrue();
    assertThat(
            customer()
                .transactions(3)
                .daysSinceLast(365)
                .products(1, 1)
                .fires(model, "dissolution-dormant"))
        .isTrue();
    assertThat(
            customer()
                .transactions(3)
                .daysSinceLast(364)
                .products(1, 1)
                .fires(model, "dissolution-dormant"))
        .isFalse();
    assertThat(
            customer()
                .transactions(3)
                .daysSinceLast(400)
                .products(1, 0)
                .fires(model, "dissolution-dormant"))
        .isFalse();
  }

  @Test
  void businessAgainStartsANewCycle() {
    for (String rule : List.of("new-cycle", "win-back")) {
      assertThat(customer().transactions(3).inStage(0).fires(model, rule)).isFalse();
      assertThat(customer().transactions(4).inStage(1).fires(model, rule)).isTrue();
      assertThat(customer().transactions(4).inStage(1).closed(0, true).fires(model, rule)).isFalse();
    }
  }
}
