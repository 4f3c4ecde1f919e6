package io.clm.core.models;

import static io.clm.core.models.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.model.LifecycleModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelationshipStatusProviderTest {
  private final RelationshipStatusProvider provider = new RelationshipStatusProvider();
  private final LifecycleModel model = provider.create();

  @Test
  void stagesFamiliesAndPhasesFollowSeed004() {
    assertThat(model.id()).isEqualTo("relationship-status");
    assertThat(provider.id()).isEqualTo("relationship-status");
    assertThat(Facts.stages(model))
        .containsExactly("potential PROSPECT ESTABLISH", "active GROWTH MAINTAIN", "churned EXIT RECOVER");
    assertThat(model.initialStage()).isEqualTo("potential");
    assertThat(model.terminalStages()).isEqualTo(Set.of("churned"));
    assertThat(model.isForwardOnly()).isFalse();
    assertThat(model.allowsManualMoves()).isTrue();
    assertThat(Facts.table(model))
        .containsExactly(
            "activation: potential -> active @1",
            "closure: active -> churned @2",
            "inactivity: active -> churned @1",
            "reactivation: churned -> active @1");
  }

  @Test
  void defaultParameters() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("active.min-transactions", 1.0);
    expected.put("churn.inactivity-days", 180.0);
    expected.put("reactivation.min-transactions", 1.0);
    assertThat(provider.defaultParameters()).containsExactlyEntriesOf(expected);
  }

  @Test
  void overridesChangeThresholds() {
    LifecycleModel m = provider.create(Map.of("churn.inactivity-days", 365.0));
    assertThat(customer().transactions(1).daysSinceLast(364).fires(m, "inactivity")).isFalse();
    assertThat(customer().transactions(1).daysSinceLast(365).fires(m, "inactivity")).isTrue();
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> provider.create(Map.of("churn.days", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'relationship-status' has no parameter 'churn.days'; parameters are"
                + " [active.min-transactions, churn.inactivity-days, reactivation.min-transactions]");
    assertThatThrownBy(() -> provider.create(Map.of("churn.inactivity-days", -5.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'relationship-status': parameter 'churn.inactivity-days' is -5.0, not positive");
    assertThatThrownBy(() -> provider.create(Map.of("reactivation.min-transactions", 0.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'relationship-status': parameter 'reactivation.min-transactions' is 0.0,"
                + " less than 1.0");
  }

  @Test
  void rules() {
    assertThat(customer().fires(model, "activation")).isFalse();
    assertThat(customer().transactions(1).inStage(1).fires(model, "activation")).isTrue();
    // a transaction before a manual move back to this stage is not new business
    assertThat(customer().transactions(1).inStage(0).fires(model, "activation")).isFalse();
    assertThat(customer().transactions(1).daysSinceLast(180).fires(model, "inactivity")).isTrue();
    assertThat(customer().transactions(1).daysSinceLast(179.9).fires(model, "inactivity")).isFalse();
    assertThat(customer().transactions(1).closed(0, true).fires(model, "closure")).isTrue();
    assertThat(customer().transactions(1).closed(0, false).fires(model, "closure")).isFalse();
    assertThat(customer().transactions(2).inStage(0).fires(model, "reactivation")).isFalse();
    assertThat(customer().transactions(2).inStage(1).fires(model, "reactivation")).isTrue();
    assertThat(customer().transactions(2).inStage(1).daysSinceLast(180).fires(model, "reactivation"))
        .isFalse();
    assertThat(customer().transactions(2).inStage(1).closed(0, true).fires(model, "reactivation"))
        .isFalse();
  }
}
