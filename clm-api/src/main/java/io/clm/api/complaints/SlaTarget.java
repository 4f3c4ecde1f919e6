package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/** What an SLA deadline is for. */
@Experimental
public enum SlaTarget {
  /** The first response to the customer (an acknowledgement); met when the ticket is acknowledged. */
  FIRST_RESPONSE,
  /** A further response while the complaint is open; restarts with every response. */
  NEXT_RESPONSE,
  /**
   * A summary resolution (FCA DISP 1.5.1R): a complaint resolved by this deadline may be handled
   * under the lighter summary procedure. It is a window, not a duty: when it passes unresolved the
   * clock lapses ({@link SlaEvent.Kind#LAPSED}) and the full resolution limit applies; nothing is
   * breached.
   */
  SUMMARY_RESOLUTION,
  /** The final response (the resolution); met when the ticket is resolved. */
  RESOLUTION,
  /**
   * The decision on the customer's request for a review of a resolution by a higher level (the
   * Chinese 2020 rules: 核查, {@link SlaPolicy.Review}); met when the ticket is resolved again.
   */
  REVIEW
}
