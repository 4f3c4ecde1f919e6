package io.clm.core.models;

import io.clm.api.Condition;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.TransitionRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A customer's facts for rule tests, built on {@link MetricsSnapshot#builder}: first seen at {@link
 * #T0}, evaluated at {@link #NOW}, every transaction 100.00 EUR.
 */
final class Facts {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final long DAY = Metric.DAY_MILLIS;
  static final long WINDOW = 90 * DAY;
  static final Instant NOW = T0.plusMillis(1000 * DAY);

  private final MetricsSnapshot.Builder b = MetricsSnapshot.builder(EUR, T0);
  private long transactions;
  private double daysSinceLast = 1;
  private int complaints;

  static Facts customer() {
    return new Facts();
  }

  /** Adds transactions of 100.00 EUR each; the latest is {@link #daysSinceLast} days before NOW. */
  Facts transactions(long count) {
    b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, count, count * 10_000);
    transactions += count;
    return this;
  }

  Facts daysSinceLast(double days) {
    this.daysSinceLast = days;
    return this;
  }

  Facts inStage(long count) {
    b.stage(T0, count);
    return this;
  }

  /** Volume of the window before the last and of the last complete window, in EUR. */
  Facts windows(long previousEur, long recentEur) {
    long current = Math.floorDiv(NOW.toEpochMilli(), WINDOW);
    if (previousEur > 0) {
      b.windowVolume(current - 2, previousEur * 100);
    }
    if (recentEur > 0) {
      b.windowVolume(current - 1, recentEur * 100);
    }
    return this;
  }

  Facts openComplaint(Severity severity) {
    b.complaint("c" + (++complaints), severity, null);
    return this;
  }

  Facts resolvedComplaint(boolean accepted) {
    b.complaint("c" + (++complaints), Severity.NORMAL, accepted);
    return this;
  }

  Facts products(int opened, int closed) {
    b.products(ProductType.DEPOSIT, opened, closed);
    return this;
  }

  /** The relationship was closed {@code daysAgo} days before NOW. */
  Facts closed(double daysAgo, boolean debtsSettled) {
    b.relationshipClosed(NOW.minusMillis(Math.round(daysAgo * DAY)), debtsSettled);
    return this;
  }

  Facts attribute(Attribute attribute, String value) {
    b.attribute(attribute, new BigDecimal(value), T0);
    return this;
  }

  Facts interactions(long count) {
    b.interactions(count, T0);
    return this;
  }

  Facts survey(int score) {
    b.survey(T0, score);
    return this;
  }

  MetricsSnapshot build() {
    if (transactions > 0) {
      b.transactedBetween(T0, NOW.minusMillis(Math.round(daysSinceLast * DAY)));
    }
    return b.build();
  }

  /** Whether the model's rule holds for these facts at NOW. */
  boolean fires(LifecycleModel model, String ruleId) {
    return rule(model, ruleId).condition().test(build(), NOW.toEpochMilli());
  }

  static TransitionRule rule(LifecycleModel model, String ruleId) {
    return model.rules().stream()
        .filter(r -> r.id().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule " + ruleId + " in " + model.id()));
  }

  static Condition condition(LifecycleModel model, String ruleId) {
    return rule(model, ruleId).condition();
  }

  /** The model's rules as "id: from -> to @priority", in declaration order. */
  static java.util.List<String> table(LifecycleModel model) {
    return model.rules().stream()
        .map(r -> r.id() + ": " + r.from() + " -> " + r.to() + " @" + r.priority())
        .toList();
  }

  /** The model's stages as "id FAMILY PHASE". */
  static java.util.List<String> stages(LifecycleModel model) {
    return model.stages().stream()
        .map(s -> s.id() + " " + s.family() + " " + s.phase())
        .toList();
  }
}
