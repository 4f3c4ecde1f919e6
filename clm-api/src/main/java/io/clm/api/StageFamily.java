package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * What kind of stage a stage is, whatever the model calls it. Each built-in model's stages map to
 * one family (banking six-stage "development" and seven-period "socialization" are both {@link
 * #ONBOARDING}), so that segmentation, retention strategies and reports work across models.
 */
@Stable
public enum StageFamily {
  /** Interested, has not bought yet: potential, exploration, prospect, awareness/interest/consideration. */
  PROSPECT(Phase.ESTABLISH),
  /** First purchase, building confidence: development, socialization, new, formation, purchase. */
  ONBOARDING(Phase.ESTABLISH),
  /** Repeat business, widening use: growth, usage, active. */
  GROWTH(Phase.MAINTAIN),
  /** The plateau to be stretched: maturity, stability, loyal. */
  MATURITY(Phase.MAINTAIN),
  /** Falling business, needs unmet: decline, danger. */
  DECLINE(Phase.RECOVER),
  /** The relationship has ended: termination, dissolution, departure, churned. */
  EXIT(Phase.RECOVER),
  /** One line of business ended while another may start: interruption. */
  INTERRUPTION(Phase.RECOVER);

  private final Phase phase;

  StageFamily(Phase phase) {
    this.phase = phase;
  }

  /**
   * The phase this family belongs to.
   *
   * @return the phase
   */
  public Phase phase() {
    return phase;
  }
}
