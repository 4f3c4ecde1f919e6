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

class JourneySevenStageProviderTest {
  private final JourneySevenStageProvider provider = new JourneySevenStageProvider();
  private final LifecycleModel model = provider.create();

  @Test
  void stagesFamiliesAndPhasesFollowSeed001() {
    assertThat(model.id()).isEqualTo("journey-seven-stage");
    assertThat(provider.id()).isEqualTo("journey-seven-stage");
    assertThat(Facts.stages(model))
        .containsExactly(
            "awareness PROSPECT ESTABLISH",
            "interest PROSPECT ESTABLISH",
            "consideration PROSPECT ESTABLISH",
            "purchase ONBOARDING ESTABLISH",
            "usage GROWTH MAINTAIN",
            "loyalty MATURITY MAINTAIN",
            "departure EXIT RECOVER");
    assertThat(model.initialStage()).isEqualTo("awareness");
    assertThat(model.terminalStages()).isEqualTo(Set.of("departure"));
    assertThat(model.isForwardOnly()).isTrue();
    assertThat(model.allowsManualMoves()).isTrue();
    assertThat(Facts.table(model))
        .containsExactly(
            "awareness-purchase: awareness -> purchase @2",
            "interest: awareness -> interest @1",
            "interest-purchase: interest -> purchase @2",
            "consideration: interest -> consideration @1",
            "purchase: consideration -> purchase @1",
            "purchase-departure: purchase -> departure @2",
            "usage: purchase -> usage @1",
            "usage-departure: usage -> departure @2",
            "loyalty: usage -> loyalty @1",
            "loyalty-departure: loyalty -> departure @1");
  }

  @Test
  void defaultParameters() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("interest.min-interactions", 1.0);
    expected.put("consideration.min-interactions", 3.0);
    expected.put("purchase.min-products", 1.0);
    expected.put("purchase.min-transactions", 1.0);
    expected.put("usage.min-transactions", 1.0);
    expected.put("loyalty.min-transactions", 12.0);
    expected.put("loyalty.min-products", 2.0);
    expected.put("loyalty.min-satisfaction", 8.0);
    expected.put("departure.inactivity-days", 180.0);
    assertThat(provider.defaultParameters()).containsExactlyEntriesOf(expected);
  }

  @Test
  void overridesChangeThresholds() {
    LifecycleModel m = provider.create(Map.of("consideration.min-interactions", 5.0));
    assertThat(customer().interactions(4).fires(m, "consideration")).isFalse();
    assertThat(customer().interactions(5).fires(m, "consideration")).isTrue();
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> provider.create(Map.of("loyalty.min-score", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'journey-seven-stage' has no parameter 'loyalty.min-score'; parameters are"
                + " [consideration.min-interactions, departure.inactivity-days,"
                + " interest.min-interactions, loyalty.min-products, loyalty.min-satisfaction,"
                + " loyalty.min-transactions, purchase.min-products, purchase.min-transactions,"
                + " usage.min-transactions]");
    assertThatThrownBy(() -> provider.create(Map.of("consideration.min-interactions", 1.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'journey-seven-stage': parameter 'interest.min-interactions' is 1.0,"
                + " not less than parameter 'consideration.min-interactions' 1.0");
    assertThatThrownBy(() -> provider.create(Map.of("departure.inactivity-days", 0.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'journey-seven-stage': parameter 'departure.inactivity-days' is 0.0, not positive");
    assertThatThrownBy(() -> provider.create(Map.of("loyalty.min-products", 1.25)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'journey-seven-stage': parameter 'loyalty.min-products' is 1.25, not a whole number");
  }

  @Test
  void contactsMoveAProspectThroughTheFunnel() {
    assertThat(customer().fires(model, "interest")).isFalse();
    assertThat(customer().interactions(1).fires(model, "interest")).isTrue();
    assertThat(customer().interactions(2).fires(model, "consideration")).isFalse();
    assertThat(customer().interactions(3).fires(model, "consideration")).isTrue();
  }

  @Test
  void aProductOrATransactionIsAPurchaseFromAnyFunnelStage() {
    for (String rule : List.of("awareness-purchase", "interest-purchase", "purchase")) {
      assertThat(customer().interactions(5).fires(model, rule)).isFalse();
      assertThat(customer().products(1, 0).fires(model, rule)).isTrue();
      assertThat(customer().products(1, 1).fires(model, rule)).isFalse();
      assertThat(customer().transactions(1).inStage(1).fires(model, rule)).isTrue();
      // business before a manual move back into the funnel is not a new purchase
      assertThat(customer().transactions(1).inStage(0).fires(model, rule)).isFalse();
    }
  }

  @Test
  void usingTheProductMeansUsage() {
    assertThat(customer().products(1, 0).inStage(0).fires(model, "usage")).isFalse();
    assertThat(customer().transactions(1).inStage(1).fires(model, "usage")).isTrue();
  }

  @Test
  void satisfiedRepeatUseOrASecondProductMeansLoyalty() {
    assertThat(customer().transactions(12).inStage(12).fires(model, "loyalty")).isTrue();
    assertThat(customer().transactions(11).inStage(11).fires(model, "loyalty")).isFalse();
    assertThat(customer().transactions(2).inStage(1).products(2, 0).fires(model, "loyalty")).isTrue();
    assertThat(customer().transactions(2).inStage(1).products(2, 0).survey(8).fires(model, "loyalty"))
        .isTrue();
    assertThat(customer().transactions(2).inStage(1).products(2, 0).survey(7).fires(model, "loyalty"))
        .isFalse();
    assertThat(
            customer()
                .transactions(12)
                .inStage(12)
                .openComplaint(Severity.NORMAL)
                .fires(model, "loyalty"))
        .isFalse();
  }

  @Test
  void closureOrInactivityWithoutProductsMeansDeparture() {
    for (String rule : List.of("purchase-departure", "usage-departure", "loyalty-departure")) {
      assertThat(customer().transactions(3).closed(0, true).fires(model, rule)).isTrue();
      assertThat(customer().transactions(3).closed(0, true).products(1, 1).fires(model, rule))
          .isTrue();
      // a product opened after the closure: the customer is back
      assertThat(customer().transactions(3).closed(0, true).products(1, 0).fires(model, rule))
          .isFalse();
      assertThat(customer().transactions(3).closed(0, false).fires(model, rule)).isFalse();
      assertThat(customer().transactions(3).daysSinceLast(180).products(1, 1).fires(model, rule))
          .isTrue();
      assertThat(customer().transactions(3).daysSinceLast(179).products(1, 1).fires(model, rule))
          .isFalse();
      assertThat(customer().transactions(3).daysSinceLast(300).products(1, 0).fires(model, rule))
          .isFalse();
    }
  }
}
