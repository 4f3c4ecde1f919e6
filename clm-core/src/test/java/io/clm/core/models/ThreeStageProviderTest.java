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

class ThreeStageProviderTest {
  private final ThreeStageProvider provider = new ThreeStageProvider();
  private final LifecycleModel model = provider.create();

  @Test
  void stagesFamiliesAndPhasesFollowSeeds000And003() {
    assertThat(model.id()).isEqualTo("three-stage");
    assertThat(provider.id()).isEqualTo("three-stage");
    assertThat(Facts.stages(model))
        .containsExactly(
            "prospect PROSPECT ESTABLISH", "new ONBOARDING ESTABLISH", "loyal MATURITY MAINTAIN");
    assertThat(model.initialStage()).isEqualTo("prospect");
    assertThat(model.terminalStages()).isEmpty();
    assertThat(model.isForwardOnly()).isTrue();
    assertThat(model.allowsManualMoves()).isTrue();
    assertThat(Facts.table(model))
        .containsExactly(
            "first-purchase: prospect -> new @1", "repeat-purchase: new -> loyal @1");
  }

  @Test
  void defaultParameters() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("new.min-transactions", 1.0);
    expected.put("loyal.min-repeat-transactions", 3.0);
    expected.put("loyal.min-satisfaction", 7.0);
    assertThat(provider.defaultParameters()).containsExactlyEntriesOf(expected);
  }

  @Test
  void overridesChangeThresholds() {
    LifecycleModel m = provider.create(Map.of("loyal.min-repeat-transactions", 1.0));
    assertThat(customer().transactions(2).inStage(1).fires(m, "repeat-purchase")).isTrue();
    assertThat(customer().transactions(2).inStage(0).fires(m, "repeat-purchase")).isFalse();
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> provider.create(Map.of("loyal.min-score", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'three-stage' has no parameter 'loyal.min-score'; parameters are"
                + " [loyal.min-repeat-transactions, loyal.min-satisfaction, new.min-transactions]");
    assertThatThrownBy(() -> provider.create(Map.of("loyal.min-satisfaction", 11.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'three-stage': parameter 'loyal.min-satisfaction' is 11.0, more than 10.0");
    assertThatThrownBy(() -> provider.create(Map.of("loyal.min-satisfaction", -1.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'three-stage': parameter 'loyal.min-satisfaction' is -1.0, less than 0.0");
    assertThatThrownBy(() -> provider.create(Map.of("new.min-transactions", 0.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'three-stage': parameter 'new.min-transactions' is 0.0, less than 1.0");
  }

  @Test
  void firstPurchaseMakesANewCustomer() {
    assertThat(customer().fires(model, "first-purchase")).isFalse();
    assertThat(customer().transactions(1).inStage(1).fires(model, "first-purchase")).isTrue();
    // a transaction before a manual move back to this stage is not new business
    assertThat(customer().transactions(1).inStage(0).fires(model, "first-purchase")).isFalse();
  }

  @Test
  void repeatedPurchasesWithAGoodExperienceMakeALoyalCustomer() {
    assertThat(customer().transactions(4).inStage(3).fires(model, "repeat-purchase")).isTrue();
    assertThat(customer().transactions(3).inStage(2).fires(model, "repeat-purchase")).isFalse();
    assertThat(customer().transactions(4).inStage(3).survey(7).fires(model, "repeat-purchase"))
        .isTrue();
    assertThat(
            customer().transactions(4).inStage(3).survey(9).survey(4).fires(model, "repeat-purchase"))
        .isFalse();
    assertThat(
            customer()
                .transactions(4)
                .inStage(3)
                .openComplaint(Severity.NORMAL)
                .fires(model, "repeat-purchase"))
        .isFalse();
  }
}
