package io.clm.retention.strategy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.event.Purpose;
import io.clm.api.retention.Risk;
import io.clm.api.retention.RetentionContext;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds retention contexts for tests. */
final class Contexts {
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

  static RetentionContext context(StageFamily family, boolean consent) {
    return context(family, consent, "500.00", 0, b -> b);
  }
}
