package io.clm.core.engine;

import java.util.OptionalInt;

/**
 * Which customers are held in memory when the engine keeps only some of them ({@code
 * Clm.builder().customersInMemory(max)}): the others are in the store and are read back when an
 * operation needs them. After every operation on a stripe the engine trims it back to its share of
 * the bound, evicting customers round the stripe's table. Every customer in memory equals its
 * stored state (the engine writes through before it returns, and rolls memory back when the store
 * fails), so evicting one loses nothing.
 *
 * <p>The customers in the store only are counted per stripe and stage in {@link
 * Stripes.Stripe#storedOnly}, so that counts stay exact without holding them. Those counters are
 * set on first use, by one scan of the store's records under every stripe's lock ({@link
 * #counted}), not when the engine is built: a restart reads no customer. From then on a customer
 * read back moves from the counters to memory and an evicted one back. Without a bound every
 * method is a no-op.
 */
final class Residency {
  /** Customers held per stripe after an operation; -1 for all. */
  private final int perStripe;
  /** Whether the stripes' counters of customers in the store only are set; under every stripe's lock to set. */
  private volatile boolean counted;

  /** @param customersInMemory the bound over all stripes, empty for none */
  Residency(OptionalInt customersInMemory) {
    perStripe = customersInMemory.isEmpty()
        ? -1
        : (int) ((customersInMemory.getAsInt() + (long) Stripes.COUNT - 1) / Stripes.COUNT);
  }

  /** Whether some customers may be in the store only. */
  boolean partial() {
    return perStripe >= 0;
  }

  /** Whether the counts of customers in the store only are set (always, without a bound). */
  boolean counted() {
    return perStripe < 0 || counted;
  }

  /**
   * Sets the counters of customers in the store only, {@code storedOnly[stripe][stage]}. Call with
   * every stripe locked.
   */
  void count(Stripes stripes, long[][] storedOnly) {
    for (int i = 0; i < Stripes.COUNT; i++) {
      stripes.get(i).storedOnly = storedOnly[i];
    }
    counted = true;
  }

  /** Forgets the counters (the store's contents were replaced). Call with every stripe locked. */
  void uncount(Stripes stripes) {
    for (int i = 0; i < Stripes.COUNT; i++) {
      stripes.get(i).storedOnly = null;
    }
    counted = false;
  }

  /** A customer of {@code stripe} in stage {@code stage} was read back into memory. */
  static void loaded(Stripes.Stripe stripe, int stage) {
    if (stripe.storedOnly != null) {
      stripe.storedOnly[stage]--;
    }
  }

  /** Evicts customers of {@code stripe} until it holds its share of the bound. Under its lock. */
  void trim(Stripes.Stripe stripe) {
    if (perStripe < 0) {
      return;
    }
    while (stripe.customers.size() > perStripe) {
      CustomerState s = stripe.customers.removeAny();
      stripe.due.remove(s);
      if (stripe.storedOnly != null) {
        stripe.storedOnly[s.stage]++;
      }
    }
  }
}
