package io.clm.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseModelProviderTest {

  /** A vendor's model on the base class: two checked parameters. */
  static final class PrepaidCard extends BaseModelProvider {
    PrepaidCard() {
      super("acme.prepaid-card", defaults());
    }

    private static Map<String, Double> defaults() {
      Map<String, Double> d = new LinkedHashMap<>();
      d.put("active.min-transactions", 1.0);
      d.put("dormant.days-inactive", 60.0);
      return d;
    }

    @Override
    protected LifecycleModel build(Thresholds t) {
      double transactions = t.count("active.min-transactions", 1);
      double days = t.positive("dormant.days-inactive");
      return LifecycleModel.builder(id())
          .stage("issued", StageFamily.PROSPECT)
          .stage("active", StageFamily.GROWTH)
          .stage("dormant", StageFamily.DECLINE)
          .initial("issued")
          .forwardOnly(false)
          .rule("first-use").from("issued").to("active").priority(1)
          .when(Metric.TRANSACTION_COUNT.atLeast(transactions))
          .rule("went-quiet").from("active").to("dormant").priority(1)
          .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(days))
          .build();
    }
  }

  @Test
  void theDefaultsAreDocumentedInOrderAndTheModelIsBuiltFromThem() {
    PrepaidCard provider = new PrepaidCard();
    assertThat(provider.defaultParameters().keySet()).containsExactly("active.min-transactions", "dormant.days-inactive");
    assertThat(provider.create(Map.of()).id()).isEqualTo("acme.prepaid-card");
    assertThat(provider.create(Map.of("dormant.days-inactive", 30.0)).rulesFrom("active")).hasSize(1);
  }

  @Test
  void overridesAreCheckedWithTheModelTheParameterAndTheValue() {
    PrepaidCard provider = new PrepaidCard();
    assertThatThrownBy(() -> provider.create(Map.of("active.min-transactions", 1.5)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'acme.prepaid-card': parameter 'active.min-transactions' is 1.5, not a whole number");
    assertThatThrownBy(() -> provider.create(Map.of("dormant.days-inactive", 0.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'acme.prepaid-card': parameter 'dormant.days-inactive' is 0.0, not positive");
    assertThatThrownBy(() -> provider.create(Map.of("dormant.days", 3.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'acme.prepaid-card' has no parameter 'dormant.days'; parameters are [active.min-transactions,"
                + " dormant.days-inactive]");
  }
}
