package io.clm.core.engine;

import io.clm.api.Cause;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.StageChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's stage history, kept compactly in {@link CustomerState#history}: per change a header
 * word (stage left, stage entered, rule index, evidence count, 16 bits each), the epoch millis, and
 * the evidence as the raw bits of one {@code double} per metric of the rule, in the rule's order
 * ({@code NaN} for a value that was undefined). A change that does not fit (a manual move, or a
 * stored change whose rule or evidence differs from the model's) is kept as the {@link
 * StageChange} itself in {@link CustomerState#otherChanges}, its header marked {@link #OTHER} and
 * its index in place of the millis. {@link StageChange} objects are built only when asked for.
 */
final class History {
  /** The rule index of a change kept as an object. */
  private static final int OTHER = 0xffff;

  private History() {}

  /**
   * Appends the change rule {@code rule} of stage {@code from} makes at {@code at}, with its
   * evidence read from the customer now: call before the customer moves.
   */
  static void appendRule(CustomerState s, int from, int to, long at, int rule, Metric[] evidence) {
    int k = evidence.length;
    long[] h = grow(s, 2 + k);
    int p = h.length - 2 - k;
    h[p] = header(from, to, rule, k);
    h[p + 1] = at;
    for (int i = 0; i < k; i++) {
      h[p + 2 + i] = Double.doubleToRawLongBits(evidence[i].valueOf(s, at));
    }
  }

  /** Appends any change: compactly if it is a change of the model's rules, else as it is. */
  static void append(CustomerState s, StageChange change) {
    StageRules rules = s.shape.rules;
    int from = rules.stageIndex(change.from());
    int to = rules.stageIndex(change.to());
    long at = change.at().toEpochMilli();
    int rule = change.cause() instanceof Cause.Rule r && from >= 0 ? rules.ruleIndex(from, r.ruleId()) : -1;
    if (rule >= 0 && rules.target(from, rule) == to && change.at().getNano() % 1_000_000 == 0) {
      Metric[] metrics = rules.evidence(from, rule);
      long[] values = new long[metrics.length];
      int found = 0;
      for (int i = 0; i < metrics.length; i++) {
        Double v = change.evidence().get(metrics[i].name());
        values[i] = Double.doubleToRawLongBits(v == null ? Double.NaN : v);
        found += v == null || v.isNaN() ? 0 : 1;
      }
      if (found == change.evidence().size()) {
        long[] h = grow(s, 2 + metrics.length);
        int p = h.length - 2 - metrics.length;
        h[p] = header(from, to, rule, metrics.length);
        h[p + 1] = at;
        System.arraycopy(values, 0, h, p + 2, values.length);
        return;
      }
    }
    int index = s.otherChanges == null ? 0 : s.otherChanges.length;
    s.otherChanges =
        s.otherChanges == null ? new StageChange[1] : Arrays.copyOf(s.otherChanges, index + 1);
    s.otherChanges[index] = change;
    long[] h = grow(s, 2);
    h[h.length - 2] = header(Math.max(from, 0), Math.max(to, 0), OTHER, 0);
    h[h.length - 1] = index;
  }

  /**
   * The changes after the first {@code before}, built as objects for customer {@code id} (the
   * state's own, passed in so that the event path builds no id); null if there are none.
   */
  static List<StageChange> since(CustomerState s, int before, CustomerId id) {
    if (before >= s.historySize) {
      return null;
    }
    long[] h = s.history;
    StageChange[] out = new StageChange[s.historySize - before];
    int n = 0;
    for (int p = 0; p < h.length; p += 2 + count(h[p]), n++) {
      if (n >= before) {
        out[n - before] = change(s, h, p, id);
      }
    }
    return List.of(out);
  }

  private static StageChange change(CustomerState s, long[] h, int p, CustomerId id) {
    int rule = (int) (h[p] >>> 16) & 0xffff;
    if (rule == OTHER) {
      return s.otherChanges[(int) h[p + 1]];
    }
    StageRules rules = s.shape.rules;
    int from = (int) (h[p] >>> 48);
    int to = (int) (h[p] >>> 32) & 0xffff;
    Metric[] metrics = rules.evidence(from, rule);
    Map<String, Double> evidence = new TreeMap<>();
    for (int i = 0; i < metrics.length; i++) {
      double v = Double.longBitsToDouble(h[p + 2 + i]);
      if (!Double.isNaN(v)) {
        evidence.put(metrics[i].name(), v);
      }
    }
    return new StageChange(
        id, rules.stageId(from), rules.stageId(to), Instant.ofEpochMilli(h[p + 1]), rules.cause(from, rule), evidence);
  }

  private static long header(int from, int to, int rule, int count) {
    return ((long) from << 48) | ((long) to << 32) | ((long) rule << 16) | count;
  }

  private static int count(long header) {
    return (int) header & 0xffff;
  }

  /** The history grown by one change of {@code words} at its end, installed in the customer. */
  private static long[] grow(CustomerState s, int words) {
    long[] h = s.history == null ? new long[words] : Arrays.copyOf(s.history, s.history.length + words);
    s.history = h;
    s.historySize++;
    return h;
  }
}
