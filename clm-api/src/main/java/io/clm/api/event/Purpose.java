package io.clm.api.event;

import io.clm.api.annotation.Stable;

/**
 * Purposes a customer can consent to. Without consent for {@link #MARKETING}, clm proposes no
 * marketing action for the customer; service-recovery actions are still proposed.
 */
@Stable
public enum Purpose {
  /** Offers, campaigns, cross-selling and up-selling. */
  MARKETING,
  /**
   * Building a profile for analytics beyond what the service needs. Recorded and read with {@link
   * io.clm.api.CustomerMetrics#consents}; no built-in segmentation scheme, risk score, value model
   * or retention strategy reads it, so an application that must not profile a customer who
   * objected keeps that customer out of them itself.
   */
  PROFILING
}
