package io.clm.segmentation;

import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.SegmentationScheme;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Customers and schemes for the tests. */
final class Fixtures {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant FIRST_SEEN = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}

  static SegmentationScheme scheme(String id) {
    return Clm.plugins().get(SegmentationScheme.class, id);
  }

  static Customer customer(String id, UnaryOperator<MetricsSnapshot.Builder> facts) {
    return customer(id, "growth", facts);
  }

  static Customer customer(String id, String stage, UnaryOperator<MetricsSnapshot.Builder> facts) {
    MetricsSnapshot metrics = facts.apply(MetricsSnapshot.builder(EUR, FIRST_SEEN)).build();
    return new Customer(CustomerId.of(id), stage, 0, metrics, Map.of());
  }

  /** A prospect: seen, never transacted, no attributes. */
  static Customer prospect(String id) {
    return customer(id, "potential", b -> b);
  }

  /** Transactions: {@code count} current-account debits worth {@code euros} in all, the last {@code daysAgo} before AS_OF. */
  static MetricsSnapshot.Builder transacted(MetricsSnapshot.Builder b, long count, long euros, double daysAgo) {
    Instant last = AS_OF.minus(Duration.ofMillis((long) (daysAgo * 86_400_000L)));
    return b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, count, euros * 100)
        .transactedBetween(FIRST_SEEN, last);
  }

  static MetricsSnapshot.Builder attribute(MetricsSnapshot.Builder b, Attribute a, double value) {
    return b.attribute(a, BigDecimal.valueOf(value), FIRST_SEEN);
  }

  /** Loyalty indicators: products held and closed, then the four supplied attributes. */
  static MetricsSnapshot.Builder loyalty(
      MetricsSnapshot.Builder b, int held, int closed, double competitor, double price, double decisionDays, double tolerance) {
    b.products(ProductType.DEPOSIT, held + closed, closed);
    attribute(b, Attribute.COMPETITOR_ATTENTION, competitor);
    attribute(b, Attribute.PRICE_SENSITIVITY, price);
    attribute(b, Attribute.DECISION_TIME_DAYS, decisionDays);
    return attribute(b, Attribute.INCIDENT_TOLERANCE, tolerance);
  }

  /** Score 0.71 with the default weights: repeat 0.75, 0.8, 0.6, 0.5, 0.9. */
  static MetricsSnapshot.Builder loyal(MetricsSnapshot.Builder b) {
    return loyalty(b, 3, 1, 0.2, 0.4, 7, 0.9);
  }

  /** Score 0.11 with the default weights: repeat 0, 0.1, 0.1, 0.25, 0.1. */
  static MetricsSnapshot.Builder disloyal(MetricsSnapshot.Builder b) {
    return loyalty(b, 1, 0, 0.9, 0.9, 21, 0.1);
  }
}
