package io.clm.core.engine;

import io.clm.api.Condition;
import io.clm.api.CustomerMetrics;
import java.util.List;

/**
 * A rule's {@link Condition} with its {@code all}/{@code any} nodes flattened into arrays, so that
 * evaluating it per event allocates nothing (the API's records iterate their lists). Thresholds are
 * evaluated by {@link Condition.Threshold} itself, so the answers are the condition's own.
 */
final class CompiledCondition {
  private static final byte THRESHOLD = 0;
  private static final byte ALL = 1;
  private static final byte ANY = 2;

  private final byte kind;
  private final Condition.Threshold threshold;
  private final CompiledCondition[] children;

  private CompiledCondition(byte kind, Condition.Threshold threshold, CompiledCondition[] children) {
    this.kind = kind;
    this.threshold = threshold;
    this.children = children;
  }

  static CompiledCondition of(Condition condition) {
    if (condition instanceof Condition.Threshold) {
      return new CompiledCondition(THRESHOLD, (Condition.Threshold) condition, null);
    }
    if (condition instanceof Condition.All) {
      return new CompiledCondition(ALL, null, compile(((Condition.All) condition).conditions()));
    }
    return new CompiledCondition(ANY, null, compile(((Condition.Any) condition).conditions()));
  }

  private static CompiledCondition[] compile(List<Condition> conditions) {
    CompiledCondition[] compiled = new CompiledCondition[conditions.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = of(conditions.get(i));
    }
    return compiled;
  }

  /** As {@link Condition#test}. */
  boolean test(CustomerMetrics m, long now) {
    if (kind == THRESHOLD) {
      return threshold.test(m, now);
    }
    boolean all = kind == ALL;
    for (CompiledCondition c : children) {
      if (c.test(m, now) != all) {
        return !all;
      }
    }
    return all;
  }

  /** As {@link Condition#nextChange}. */
  long nextChange(CustomerMetrics m, long now) {
    if (kind == THRESHOLD) {
      return threshold.nextChange(m, now);
    }
    long earliest = Long.MAX_VALUE;
    for (CompiledCondition c : children) {
      earliest = Math.min(earliest, c.nextChange(m, now));
    }
    return earliest;
  }
}
