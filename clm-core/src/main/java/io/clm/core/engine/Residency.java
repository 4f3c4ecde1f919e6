package io.clm.core.engine;

import java.util.OptionalInt;

/**
 * Which customers are held in memory when the engine keeps only some of them ({@code
 * Clm.builder().customersInMemory(max)}): the others are in the store, counted per stripe and stage
 * in {@link Stripes.Stripe#storedOnly}, and read back when an operation needs them. After every
 * operation on a stripe the engine trims it back to its share of the bound, evicting customers
 * round the stripe's table. Every customer in memory equals its stored state (the engine writes
 * through before it returns, and rolls memory back when the store fails), so evicting one loses
 * nothing. Without a bound every method is a no-op.
 */
final class Residency {
  /** Customers held per stripe after an operation; -1 for all. */
  private final int perStripe;

  /**
   * @param customersInMemory the bound over all stripes, empty for none
   * @param stripes the stripes, given their stored-only counters when there is a bound
   * @param stages the number of stages
   */
  Residency(OptionalInt customersInMemory, Stripes stripes, int stages) {
    if (customersInMemory.isEmpty()) {
      perStripe = -1;
      return;
    }
    perStripe = (int) ((customersInMemory.getAsInt() + (long) Stripes.COUNT - 1) / Stripes.COUNT);
    for (int i = 0; i < Stripes.COUNT; i++) {
      stripes.get(i).storedOnly = new long[stages];
    }
  }

  /** Whether some customers may be in the store only. */
  boolean partial() {
    return perStripe >= 0;
  }

  /** Counts a customer of {@code stripe} that is in the store only, in stage {@code stage}. */
  static void stored(Stripes.Stripe stripe, int stage) {
    stripe.storedOnly[stage]++;
  }

  /** A customer of {@code stripe} in stage {@code stage} was read back into memory. */
  static void loaded(Stripes.Stripe stripe, int stage) {
    stripe.storedOnly[stage]--;
  }

  /** Evicts customers of {@code stripe} until it holds its share of the bound. Under its lock. */
  void trim(Stripes.Stripe stripe) {
    if (perStripe < 0) {
      return;
    }
    while (stripe.customers.size() > perStripe) {
      CustomerState s = stripe.customers.removeAny();
      stripe.due.remove(s);
      stored(stripe, s.stage);
    }
  }
}
