package io.clm.cli;

/**
 * The kinds of customer in the synthetic portfolio, each following a lifecycle seen in retail
 * banking, with its share of the portfolio.
 */
enum Archetype {
  /** Asks, visits, answers a campaign, and never opens a product: stays a prospect. */
  PROSPECT(0.15),
  /** Joins during the period and grows: more products, more business, income passes cost. */
  NEW_GROWER(0.22),
  /** An established customer with most of their business at the bank. */
  MATURE(0.33),
  /** Established at first, then business falls, complaints rise; many close the relationship. */
  DECLINER(0.18),
  /** Leaves (closes everything, debts settled), stays away for months, then comes back. */
  WON_BACK(0.12);

  private final double share;

  Archetype(double share) {
    this.share = share;
  }

  double share() {
    return share;
  }

  /** The archetype for a uniform draw in [0, 1). */
  static Archetype pick(double u) {
    double cumulative = 0;
    for (Archetype a : values()) {
      cumulative += a.share;
      if (u < cumulative) {
        return a;
      }
    }
    return WON_BACK;
  }
}
