package com.example.clm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.event.Purpose;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoyaltyPointsRetentionRulesTest {
  private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");
  private final LoyaltyPointsRetention strategy = new LoyaltyPointsRetention();

  private static RetentionContext context(StageFamily family, boolean consent, double risk) {
    return context(family, consent, risk, "EUR");
  }

  private static RetentionContext context(StageFamily family, boolean consent, double risk, String currency) {
    MetricsSnapshot m =
        MetricsSnapshot.builder(Currency.getInstance(currency), Instant.parse("2020-01-01T00:00:00Z"))
            .consent(Purpose.MARKETING, consent, Instant.parse("2021-01-01T00:00:00Z"))
            .build();
    Risk r = risk == 0 ? Risk.NONE : new Risk(risk, List.of(new Risk.Contribution("falling-volume", 1.0, risk, risk)));
    return new RetentionContext(new Customer(CustomerId.of("L-1"), "mature", 0, m, Map.of()), family, Set.of(), r, Money.of("900", currency), NOW);
  }

  private List<ActionType> types(RetentionContext c) {
    return strategy.propose(c).stream().map(RetentionAction::type).toList();
  }

  @Test
  void matureCustomersWithConsentGetDoublePoints() {
    assertThat(types(context(StageFamily.MATURITY, true, 0)))
        .containsExactly(
            new ActionType.Communication("points balance and expiry reminder"),
            new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC));
  }

  @Test
  void decliningCustomersAtRiskGetBonusPoints() {
    assertThat(types(context(StageFamily.DECLINE, true, 0.6))).contains(new ActionType.Offer(20));
    assertThat(types(context(StageFamily.DECLINE, true, 0.4))).doesNotContain(new ActionType.Offer(20));
  }

  @Test
  void withoutConsentOnlyTheServiceMessage() {
    assertThat(types(context(StageFamily.MATURITY, false, 0.9)))
        .containsExactly(new ActionType.Communication("points balance and expiry reminder"));
    assertThat(types(context(StageFamily.DECLINE, false, 0.9)))
        .containsExactly(new ActionType.Communication("points balance and expiry reminder"));
  }

  @Test
  void costsAreInTheCurrencyOfTheCustomersValueWhateverItsMinorUnits() {
    assertThat(strategy.propose(context(StageFamily.MATURITY, true, 0, "JPY")))
        .extracting(RetentionAction::expectedCost)
        .containsExactly(Money.of("0", "JPY"), Money.of("15", "JPY"));
    assertThat(strategy.propose(context(StageFamily.DECLINE, true, 0.6, "KWD")))
        .extracting(RetentionAction::expectedCost)
        .containsExactly(Money.of("0.100", "KWD"), Money.of("40.000", "KWD"));
    assertThat(strategy.propose(context(StageFamily.MATURITY, true, 0, "EUR")))
        .extracting(RetentionAction::expectedCost)
        .containsExactly(Money.of("0.10", "EUR"), Money.of("15.00", "EUR"));
  }

  @Test
  void aBankInYenSetsItsOwnCosts() {
    RetentionStrategy yen = new LoyaltyPointsRetention().configure(Map.of("reminder-cost", 15.0, "double-points-cost", 2_400.0));
    assertThat(yen.propose(context(StageFamily.MATURITY, true, 0, "JPY"))).extracting(RetentionAction::expectedCost)
        .containsExactly(Money.of("15", "JPY"), Money.of("2400", "JPY"));
    assertThat(yen.parameters()).containsEntry("bonus-points-cost", 40.0);
    assertThatThrownBy(() -> yen.configure(Map.of("reminder-costs", 1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'example.loyalty-points' has no parameter 'reminder-costs'; parameters are "
            + "[bonus-points-cost, double-points-cost, reminder-cost]");
  }

  @Test
  void aRiskOfExactlyOneHalfIsAtRiskAndAClosedRelationshipIsOfferedNothing() {
    assertThat(types(context(StageFamily.DECLINE, true, 0.5))).contains(new ActionType.Offer(20));
    MetricsSnapshot closed =
        MetricsSnapshot.builder(Currency.getInstance("EUR"), Instant.parse("2020-01-01T00:00:00Z"))
            .consent(Purpose.MARKETING, true, Instant.parse("2021-01-01T00:00:00Z"))
            .relationshipClosed(Instant.parse("2025-06-01T00:00:00Z"), true)
            .build();
    RetentionContext context = new RetentionContext(new Customer(CustomerId.of("L-2"), "leaving", 0, closed, Map.of()),
        StageFamily.DECLINE, Set.of(), new Risk(0.9, List.of(new Risk.Contribution("falling-volume", 1.0, 0.9, 0.9))),
        Money.of("900", "EUR"), NOW);
    assertThat(types(context)).containsExactly(new ActionType.Communication("points balance and expiry reminder"));
  }
}
