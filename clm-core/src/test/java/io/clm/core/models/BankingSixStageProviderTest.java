package io.clm.core.models;

import static io.clm.core.models.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.event.Attribute;
import io.clm.api.event.Severity;
import io.clm.api.model.LifecycleModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BankingSixStageProviderTest {
  private final BankingSixStageProvider provider = new BankingSixStageProvider();
  private final LifecycleModel model = provider.create();

  @Test
  void stagesFamiliesAndPhasesFollowSeed000() {
    assertThat(model.id()).isEqualTo("banking-six-stage");
    assertThat(provider.id()).isEqualTo("banking-six-stage");
    assertThat(Facts.stages(model))
        .containsExactly(
            "potential PROSPECT ESTABLISH",
            "development ONBOARDING ESTABLISH",
            "growth GROWTH MAINTAIN",
            "maturity MATURITY MAINTAIN",
            "decline DECLINE RECOVER",
            "termination EXIT RECOVER");
    assertThat(model.initialStage()).isEqualTo("potential");
    assertThat(model.terminalStages()).isEqualTo(Set.of("termination"));
    assertThat(model.isForwardOnly()).isFalse();
    assertThat(model.allowsManualMoves()).isTrue();
  }

  @Test
  void rulesAndPriorities() {
    assertThat(Facts.table(model))
        .containsExactly(
            "first-transaction: potential -> development @1",
            "development-closed: development -> termination @3",
            "development-dormant: development -> termination @2",
            "repeat-business: development -> growth @1",
            "growth-closed: growth -> termination @5",
            "growth-complaints: growth -> decline @4",
            "growth-inactivity: growth -> decline @3",
            "growth-falling-volume: growth -> decline @2",
            "share-of-wallet: growth -> maturity @1",
            "maturity-closed: maturity -> termination @4",
            "maturity-complaints: maturity -> decline @3",
            "maturity-inactivity: maturity -> decline @2",
            "maturity-falling-volume: maturity -> decline @1",
            "decline-closed: decline -> termination @4",
            "recovery: decline -> growth @3",
            "recovery-after-resolution: decline -> growth @2",
            "dormancy: decline -> termination @1",
            "win-back: termination -> development @1");
  }

  @Test
  void defaultParameters() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("development.min-transactions", 1.0);
    expected.put("growth.min-transactions", 5.0);
    expected.put("growth.min-profit", 0.0);
    expected.put("maturity.min-share-of-wallet", 0.5);
    expected.put("decline.volume-drop", 0.3);
    expected.put("decline.inactivity-days", 90.0);
    expected.put("decline.open-urgent-complaints", 1.0);
    expected.put("decline.open-complaints", 2.0);
    expected.put("recovery.min-trend", 0.1);
    expected.put("recovery.max-days-since-transaction", 30.0);
    expected.put("recovery.min-transactions", 1.0);
    expected.put("termination.inactivity-days", 365.0);
    expected.put("win-back.min-transactions", 1.0);
    assertThat(provider.defaultParameters()).containsExactlyEntriesOf(expected);
    assertThat(Facts.condition(model, "repeat-business"))
        .hasToString("(TRANSACTIONS_IN_STAGE >= 5.0 and PROFIT > 0.0 or missing)");
  }

  @Test
  void overridesChangeThresholds() {
    LifecycleModel strict =
        provider.create(
            Map.of("growth.min-transactions", 10.0, "maturity.min-share-of-wallet", 0.8));
    assertThat(customer().transactions(10).inStage(9).fires(strict, "repeat-business")).isFalse();
    assertThat(customer().transactions(10).inStage(10).fires(strict, "repeat-business")).isTrue();
    // 10 transactions of 100.00 against a total business of 1250.00: share 0.8
    assertThat(
            customer()
                .transactions(10)
                .attribute(Attribute.TOTAL_BUSINESS, "1250")
                .fires(strict, "share-of-wallet"))
        .isTrue();
    assertThat(
            customer()
                .transactions(10)
                .attribute(Attribute.TOTAL_BUSINESS, "1251")
                .fires(strict, "share-of-wallet"))
        .isFalse();
  }

  @Test
  void unknownParameterIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> provider.create(Map.of("growth.min-txn", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'banking-six-stage' has no parameter 'growth.min-txn'; parameters are"
                + " [decline.inactivity-days, decline.open-complaints,"
                + " decline.open-urgent-complaints, decline.volume-drop,"
                + " development.min-transactions, growth.min-profit, growth.min-transactions,"
                + " maturity.min-share-of-wallet, recovery.max-days-since-transaction,"
                + " recovery.min-transactions, recovery.min-trend, termination.inactivity-days,"
                + " win-back.min-transactions]");
  }

  @Test
  void outOfRangeValuesAreRejectedNamingParameterAndValue() {
    assertRejected(
        "maturity.min-share-of-wallet",
        1.5,
        "model 'banking-six-stage': parameter 'maturity.min-share-of-wallet' is 1.5, outside (0, 1]");
    assertRejected(
        "maturity.min-share-of-wallet",
        0.0,
        "model 'banking-six-stage': parameter 'maturity.min-share-of-wallet' is 0.0, outside (0, 1]");
    assertRejected(
        "growth.min-transactions",
        0.0,
        "model 'banking-six-stage': parameter 'growth.min-transactions' is 0.0, less than 1.0");
    assertRejected(
        "growth.min-transactions",
        2.5,
        "model 'banking-six-stage': parameter 'growth.min-transactions' is 2.5, not a whole number");
    assertRejected(
        "decline.inactivity-days",
        -1.0,
        "model 'banking-six-stage': parameter 'decline.inactivity-days' is -1.0, not positive");
    assertRejected(
        "decline.volume-drop",
        1.2,
        "model 'banking-six-stage': parameter 'decline.volume-drop' is 1.2, outside (0, 1]");
    assertRejected(
        "recovery.min-trend",
        -0.1,
        "model 'banking-six-stage': parameter 'recovery.min-trend' is -0.1, less than 0.0");
    assertRejected(
        "termination.inactivity-days",
        0.0,
        "model 'banking-six-stage': parameter 'termination.inactivity-days' is 0.0, not positive");
    assertRejected(
        "growth.min-profit",
        Double.NaN,
        "model 'banking-six-stage': parameter 'growth.min-profit' is not finite: NaN");
  }

  @Test
  void recoveryWindowMustEndBeforeInactivityDecline() {
    assertRejected(
        "recovery.max-days-since-transaction",
        90.0,
        "model 'banking-six-stage': parameter 'recovery.max-days-since-transaction' is 90.0,"
            + " not less than parameter 'decline.inactivity-days' 90.0");
    assertThat(provider.create(Map.of("recovery.max-days-since-transaction", 89.0))).isNotNull();
  }

  private void assertRejected(String name, double value, String message) {
    assertThatThrownBy(() -> provider.create(Map.of(name, value)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(message);
  }

  @Test
  void firstTransactionStartsDevelopment() {
    assertThat(customer().fires(model, "first-transaction")).isFalse();
    assertThat(customer().transactions(1).inStage(1).fires(model, "first-transaction")).isTrue();
    // a transaction before a manual move back to this stage is not new business
    assertThat(customer().transactions(1).inStage(0).fires(model, "first-transaction")).isFalse();
  }

  @Test
  void repeatBusinessWithIncomeOverCostMeansGrowth() {
    assertThat(customer().transactions(5).inStage(4).fires(model, "repeat-business")).isFalse();
    // no revenue or cost data: break-even is not checked
    assertThat(customer().transactions(6).inStage(5).fires(model, "repeat-business")).isTrue();
    assertThat(
            customer()
                .transactions(6)
                .inStage(5)
                .attribute(Attribute.REVENUE, "100.00")
                .attribute(Attribute.COST_TO_SERVE, "100.00")
                .fires(model, "repeat-business"))
        .isFalse();
    assertThat(
            customer()
                .transactions(6)
                .inStage(5)
                .attribute(Attribute.REVENUE, "100.01")
                .attribute(Attribute.COST_TO_SERVE, "100.00")
                .fires(model, "repeat-business"))
        .isTrue();
  }

  @Test
  void shareOfWalletMarksMaturity() {
    // 10 transactions of 100.00 = 1000.00 of business with the bank
    assertThat(
            customer()
                .transactions(10)
                .attribute(Attribute.TOTAL_BUSINESS, "2000")
                .fires(model, "share-of-wallet"))
        .isTrue();
    assertThat(
            customer()
                .transactions(10)
                .attribute(Attribute.TOTAL_BUSINESS, "2000.01")
                .fires(model, "share-of-wallet"))
        .isFalse();
    assertThat(customer().transactions(10).fires(model, "share-of-wallet")).isFalse();
  }

  @Test
  void openUrgentOrRepeatedComplaintsMeanDecline() {
    for (String rule : List.of("growth-complaints", "maturity-complaints")) {
      assertThat(customer().transactions(3).fires(model, rule)).isFalse();
      assertThat(customer().openComplaint(Severity.URGENT).fires(model, rule)).isTrue();
      assertThat(customer().openComplaint(Severity.NORMAL).fires(model, rule)).isFalse();
      assertThat(
              customer()
                  .openComplaint(Severity.NORMAL)
                  .openComplaint(Severity.NORMAL)
                  .fires(model, rule))
          .isTrue();
      assertThat(
              customer()
                  .openComplaint(Severity.NORMAL)
                  .resolvedComplaint(false)
                  .resolvedComplaint(true)
                  .fires(model, rule))
          .isFalse();
    }
  }

  @Test
  void longInactivityMeansDecline() {
    for (String rule : List.of("growth-inactivity", "maturity-inactivity")) {
      assertThat(customer().transactions(3).daysSinceLast(89.99).fires(model, rule)).isFalse();
      assertThat(customer().transactions(3).daysSinceLast(90).fires(model, rule)).isTrue();
      assertThat(customer().fires(model, rule)).isFalse();
    }
  }

  @Test
  void fallingVolumeMeansDecline() {
    for (String rule : List.of("growth-falling-volume", "maturity-falling-volume")) {
      assertThat(customer().transactions(3).windows(1000, 700).fires(model, rule)).isTrue();
      assertThat(customer().transactions(3).windows(1000, 701).fires(model, rule)).isFalse();
      assertThat(customer().transactions(3).windows(1000, 0).fires(model, rule)).isTrue();
      assertThat(customer().transactions(3).windows(0, 500).fires(model, rule)).isFalse();
    }
  }

  @Test
  void closureWithDebtsSettledMeansTermination() {
    for (String rule :
        List.of("development-closed", "growth-closed", "maturity-closed", "decline-closed")) {
      assertThat(customer().transactions(3).closed(0, true).fires(model, rule)).isTrue();
      assertThat(customer().transactions(3).closed(0, false).fires(model, rule)).isFalse();
      // business after the closure reopens the relationship
      assertThat(
              customer().transactions(3).daysSinceLast(1).closed(2, true).fires(model, rule))
          .isFalse();
      assertThat(customer().transactions(3).fires(model, rule)).isFalse();
    }
  }

  @Test
  void dormancyWithoutProductsMeansTermination() {
    for (String rule : List.of("development-dormant", "dormancy")) {
      assertThat(customer().transactions(3).daysSinceLast(365).products(1, 1).fires(model, rule))
          .isTrue();
      assertThat(customer().transactions(3).daysSinceLast(365).fires(model, rule)).isTrue();
      assertThat(customer().transactions(3).daysSinceLast(364.9).fires(model, rule)).isFalse();
      assertThat(customer().transactions(3).daysSinceLast(400).products(2, 1).fires(model, rule))
          .isFalse();
    }
  }

  @Test
  void risingVolumeRecentActivityAndNoOpenComplaintMeanRecovery() {
    assertThat(customer().transactions(3).windows(1000, 1100).fires(model, "recovery")).isTrue();
    assertThat(customer().transactions(3).windows(1000, 1099).fires(model, "recovery")).isFalse();
    assertThat(customer().transactions(3).windows(0, 1100).fires(model, "recovery")).isFalse();
    assertThat(
            customer().transactions(3).windows(1000, 1100).daysSinceLast(30).fires(model, "recovery"))
        .isTrue();
    assertThat(
            customer()
                .transactions(3)
                .windows(1000, 1100)
                .daysSinceLast(30.01)
                .fires(model, "recovery"))
        .isFalse();
    assertThat(
            customer()
                .transactions(3)
                .windows(1000, 1100)
                .openComplaint(Severity.NORMAL)
                .fires(model, "recovery"))
        .isFalse();
  }

  @Test
  void acceptedResolutionThenBusinessAgainMeansRecovery() {
    String rule = "recovery-after-resolution";
    assertThat(customer().transactions(3).inStage(1).resolvedComplaint(true).fires(model, rule))
        .isTrue();
    assertThat(customer().transactions(3).inStage(0).resolvedComplaint(true).fires(model, rule))
        .isFalse();
    assertThat(customer().transactions(3).inStage(1).resolvedComplaint(false).fires(model, rule))
        .isFalse();
    assertThat(
            customer()
                .transactions(3)
                .inStage(1)
                .resolvedComplaint(true)
                .openComplaint(Severity.NORMAL)
                .fires(model, rule))
        .isFalse();
    assertThat(
            customer()
                .transactions(3)
                .inStage(1)
                .resolvedComplaint(true)
                .daysSinceLast(31)
                .fires(model, rule))
        .isFalse();
    assertThat(
            customer()
                .transactions(3)
                .inStage(1)
                .resolvedComplaint(true)
                .windows(1000, 700)
                .fires(model, rule))
        .isFalse();
    assertThat(
            customer()
                .transactions(3)
                .inStage(1)
                .resolvedComplaint(true)
                .windows(1000, 710)
                .fires(model, rule))
        .isTrue();
  }

  @Test
  void businessAfterTerminationIsAWinBack() {
    assertThat(customer().transactions(3).inStage(0).fires(model, "win-back")).isFalse();
    assertThat(customer().transactions(3).inStage(1).fires(model, "win-back")).isTrue();
    // never straight back into termination: the new business is recent and reopens the relationship
    assertThat(customer().transactions(3).inStage(1).daysSinceLast(364.9).fires(model, "win-back"))
        .isTrue();
    assertThat(customer().transactions(3).inStage(1).daysSinceLast(365).fires(model, "win-back"))
        .isFalse();
    assertThat(customer().transactions(3).inStage(1).closed(0, true).fires(model, "win-back"))
        .isFalse();
  }
}
