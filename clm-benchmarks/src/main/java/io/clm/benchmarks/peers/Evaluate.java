package io.clm.benchmarks.peers;

/**
 * The one trigger the comparison machines receive: "the customer's facts changed, re-evaluate the
 * rules". Guards decide the target, as the lifecycle model's rules do in clm.
 */
public enum Evaluate {
  /** Re-evaluate after an event. */
  FACTS_CHANGED
}
