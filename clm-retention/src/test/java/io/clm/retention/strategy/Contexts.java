package io.clm.retention.strategy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.Risk;
import io.clm.api.retention.RetentionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds retention contexts and customers' facts for tests. */
public final class Contexts {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private Contexts() {}

  static RetentionContext context(
      StageFamily family, boolean consent, String value, double risk, UnaryOperator<MetricsSnapshot.Builder> facts) {
    MetricsSnapshot.Builder b = MetricsSnapshot.builder(Money.currency("EUR"), START);
    b.consent(Purpose.MARKETING, consent, START);
    MetricsSnapshot metrics = facts.apply(b).build();
    Customer customer = new Customer(CustomerId.of("c-1"), "stage", 0, metrics, Map.of());
    Risk r = risk == 0 ? Risk.NONE : new Risk(risk, java.util.List.of(new Risk.Contribution("inactivity", 1, risk, risk)));
    return new RetentionContext(customer, family, Set.of(), r, Money.of(value, "EUR"), NOW);
  }

  /** The types of the actions, in their order. */
  static List<ActionType> types(List<RetentionAction> actions) {
    return actions.stream().map(RetentionAction::type).toList();
  }

  /** The priorities of the actions, in their order. */
  static List<Integer> priorities(List<RetentionAction> actions) {
    return actions.stream().map(RetentionAction::priority).toList();
  }

  /** The expected costs of the actions, in their order. */
  static List<Money> costs(List<RetentionAction> actions) {
    return actions.stream().map(RetentionAction::expectedCost).toList();
  }

  /** An amount in euros. */
  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  static RetentionContext context(StageFamily family, boolean consent) {
    return context(family, consent, "500.00", 0, b -> b);
  }

  /**
   * Facts that score exactly 0.5 on paper with the default weights, as of {@code now}: inactivity
   * 78 days → 48 / 150 = 0.32, × 0.25 = 0.08; 2 of 4 complaints open → 1, × 0.15 = 0.15; 4
   * complaints → 1, × 0.10 = 0.10; 1 of 2 products closed → 0.5, × 0.10 = 0.05; satisfaction down 4
   * points → 0.8, × 0.15 = 0.12; no volume trend → 0.
   */
  public static MetricsSnapshot halfRisk(Instant now) {
    return MetricsSnapshot.builder(Money.currency("EUR"), START)
        .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 4, 12_500)
        .transactedBetween(START, now.minus(Duration.ofDays(78)))
        .complaint("a", Severity.NORMAL, null)
        .complaint("b", Severity.NORMAL, null)
        .complaint("c", Severity.NORMAL, true)
        .complaint("d", Severity.NORMAL, false)
        .products(ProductType.CARD, 2, 1)
        .survey(START, 9)
        .survey(START, 5)
        .build();
  }
}
