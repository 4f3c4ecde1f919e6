package io.clm.benchmarks.peers;

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
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
