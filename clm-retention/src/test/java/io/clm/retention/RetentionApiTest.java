package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value types of io.clm.api.retention refuse invalid values with messages naming them. */
class RetentionApiTest {

  private static final Money ONE = Money.of("1.00", "EUR");

  @Test
  void actionsValidateTheirComponents() {
    assertThatThrownBy(() -> new RetentionAction(new ActionType.WinBack(), "why", ONE, 101, "s"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("priority 101 is outside 0..100");
    assertThatThrownBy(() -> new RetentionAction(new ActionType.WinBack(), " ", ONE, 1, "s"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("rationale is blank");
    assertThatThrownBy(() -> new RetentionAction(new ActionType.WinBack(), "why", Money.of("-1.00", "EUR"), 1, "s"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("expectedCost -1.00 EUR is negative");
    assertThatThrownBy(() -> new ActionType.Offer(120))
        .isInstanceOf(ValidationException.class)
        .hasMessage("discountPercent 120 is outside 0..100");
    assertThatThrownBy(() -> new ActionType.ServiceRecovery(Money.of("-5.00", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("compensation -5.00 EUR is negative");
  }

  @Test
  void everyActionTypeKnowsWhetherItIsMarketing() {
    assertThat(new ActionType.Communication("call").isMarketing()).isFalse();
    assertThat(new ActionType.ServiceRecovery(ONE).isMarketing()).isFalse();
    assertThat(new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL).isMarketing()).isFalse();
    assertThat(new ActionType.Abandon().isMarketing()).isFalse();
    assertThat(new ActionType.Offer(0).isMarketing()).isTrue();
    assertThat(new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC).isMarketing()).isTrue();
    assertThat(new ActionType.ExitBarrier(ActionType.BarrierKind.CONTRACTUAL).isMarketing()).isTrue();
    assertThat(new ActionType.CrossSell(io.clm.api.event.ProductType.CARD).isMarketing()).isTrue();
    assertThat(new ActionType.UpSell(io.clm.api.event.ProductType.CARD).isMarketing()).isTrue();
    assertThat(new ActionType.WinBack().isMarketing()).isTrue();
  }

  @Test
  void riskIsTheSumOfItsContributions() {
    assertThatThrownBy(() -> new Risk(0.5, List.of(new Risk.Contribution("inactivity", 0.25, 1, 0.25))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("score 0.5 is not the sum of the contributions 0.25");
    assertThatThrownBy(() -> new Risk.Contribution("inactivity", 0.25, 1, 0.2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("contribution 0.2 is not weight x signal for inactivity");
    assertThatThrownBy(() -> new Risk(1.5, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("score 1.5 is outside 0..1");
    assertThat(new Risk(0.25, List.of(new Risk.Contribution("inactivity", 0.25, 1, 0.25))).contributionOf("inactivity")).isEqualTo(0.25);
  }
}
