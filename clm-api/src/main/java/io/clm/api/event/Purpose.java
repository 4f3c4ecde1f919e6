package io.clm.api.event;

/**
 * Purposes a customer can consent to. Without consent for {@link #MARKETING}, clm proposes no
 * marketing action for the customer; service-recovery actions are still proposed.
 */
public enum Purpose {
  /** Offers, campaigns, cross-selling and up-selling. */
  MARKETING,
  /** Building a profile for analytics beyond what the service needs. */
  PROFILING
}
