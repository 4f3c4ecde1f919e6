package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/** What an SLA deadline is for. */
@Experimental
public enum SlaTarget {
  /** The first response to the customer (an acknowledgement); met when the ticket is acknowledged. */
  FIRST_RESPONSE,
  /** A further response while the complaint is open; restarts with every response. */
  NEXT_RESPONSE,
  /** The final response (the resolution); met when the ticket is resolved. */
  RESOLUTION
}
