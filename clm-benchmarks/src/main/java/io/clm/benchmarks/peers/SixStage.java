package io.clm.benchmarks.peers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The stages of the six-stage banking lifecycle, as the comparison libraries keep them. */
public enum SixStage {
  /** Interested, contributes nothing yet. */
  POTENTIAL,
  /** First purchase made. */
  DEVELOPMENT,
  /** Frequent business, break-even passed. */
  GROWTH,
  /** Highest share of the customer's business. */
  MATURITY,
  /** Falling volume or inactivity. */
  DECLINE,
  /** No more business, debts settled. */
  TERMINATION;

  /**
   * The stage id clm uses for this stage.
   *
   * @return the lowercase id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The number of customers in each stage, by stage id in stage order, every stage present.
   *
   * @param stages each customer's stage
   * @return the counts, as {@link io.clm.benchmarks.lifecycle.LifecycleTracker#stageCounts} gives them
   */
  public static Map<String, Long> counts(Stream<SixStage> stages) {
    long[] counts = new long[values().length];
    stages.forEach(s -> counts[s.ordinal()]++);
    Map<String, Long> result = new LinkedHashMap<>();
    for (SixStage s : values()) {
      result.put(s.id(), counts[s.ordinal()]);
    }
    return result;
  }
}
