package io.clm.api.event;

import io.clm.api.annotation.Stable;

/** Where an event happened. Digital channels cost the bank least to serve (seed 003). */
@Stable
public enum Channel {
  /** A branch counter or a relationship manager's office. */
  BRANCH,
  /** Automated teller machine. */
  ATM,
  /** Internet banking. */
  ONLINE,
  /** Mobile banking app. */
  MOBILE,
  /** Call centre or phone banking. */
  PHONE,
  /** Card payment at a point of sale. */
  POS,
  /** Anything else, including batch and back-office postings. */
  OTHER;

  /**
   * Whether the channel is self-service digital.
   *
   * @return true for {@link #ONLINE} and {@link #MOBILE}
   */
  public boolean isDigital() {
    return this == ONLINE || this == MOBILE;
  }
}
