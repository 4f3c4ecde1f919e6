package io.clm.api.spi;

import io.clm.api.annotation.Experimental;

/**
 * An event the engine has applied to a customer, remembered for idempotency: a replay of the same
 * event is a duplicate, the same id with other content a conflict.
 *
 * @param id the 64-bit fingerprint of the event's id; never 0
 * @param content the 64-bit fingerprint of the event's content (kind, customer, time and every
 *     field)
 * @param at the event's timestamp, epoch milliseconds
 */
@Experimental
public record SeenEvent(long id, long content, long at) {

  /**
   * Checks the id fingerprint.
   *
   * @throws IllegalArgumentException if {@code id} is 0, which no fingerprint takes
   * @param id the 64-bit fingerprint of the event's id; never 0
   * @param content the 64-bit fingerprint of the event's content (kind, customer, time and every field)
   * @param at the event's timestamp, epoch milliseconds
   */
  public SeenEvent {
    if (id == 0) {
      throw new IllegalArgumentException("seen event id fingerprint 0 is reserved");
    }
  }
}
