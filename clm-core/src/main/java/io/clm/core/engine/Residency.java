package io.clm.core.engine;

import io.clm.api.CustomerId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;

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
 * set on first use, by one scan of the store's records under every stripe's lock ({@link #count}),
 * not when the engine is built: a restart reads no customer. From then on a customer read back
 * moves from the counters to memory and an evicted one back. Without a bound, customers are only
 * ever found in memory and every other method is a no-op.
 */
final class Residency {
  /** Customers held per stripe after an operation; -1 for all. */
  private final int perStripe;
  private final Stripes stripes;
  private final WriteThrough store;
  private final int stages;
  /** Schedules a customer read back in its stripe's due index. */
  private final BiConsumer<Stripes.Stripe, CustomerState> schedule;
  /** Whether the stripes' counters of customers in the store only are set; set under every stripe's lock. */
  private volatile boolean counted;

  /**
   * @param customersInMemory the bound over all stripes, empty for none
   * @param schedule queues a customer read back in its stripe's due index
   */
  Residency(OptionalInt customersInMemory, Stripes stripes, WriteThrough store, int stages,
      BiConsumer<Stripes.Stripe, CustomerState> schedule) {
    this.perStripe = customersInMemory.isEmpty()
        ? -1
        : (int) ((customersInMemory.getAsInt() + (long) Stripes.COUNT - 1) / Stripes.COUNT);
    this.stripes = stripes;
    this.store = store;
    this.stages = stages;
    this.schedule = schedule;
  }

  /** Whether some customers may be in the store only. */
  boolean partial() {
    return perStripe >= 0;
  }

  /**
   * The customer's state in memory, read back from the store first when it is there only; null
   * for a customer neither holds. Call under the stripe's lock, and {@link #trim} the stripe before
   * releasing it.
   */
  CustomerState held(Stripes.Stripe stripe, CustomerId id) {
    CustomerState s = stripe.customers.get(id);
    if (s != null || !partial()) {
      return s;
    }
    for (CustomerState loaded : store.loadAll(List.of(id))) {
      takeBack(stripe, loaded);
      s = loaded;
    }
    return s;
  }

  /**
   * Reads back from the store, in one call, those of {@code ids} that are not in memory. Call under
   * the locks of their stripes, and trim those stripes before releasing them.
   */
  void holdAll(Collection<CustomerId> ids) {
    if (!partial()) {
      return;
    }
    Set<CustomerId> missing = new LinkedHashSet<>();
    for (CustomerId id : ids) {
      if (stripes.get(id) == null) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    for (CustomerState s : store.loadAll(List.copyOf(missing))) {
      takeBack(stripes.of(s), s);
    }
  }

  private void takeBack(Stripes.Stripe stripe, CustomerState s) {
    if (stripe.storedOnly != null) {
      stripe.storedOnly[s.stage]--;
    }
    stripe.customers.putIfAbsent(s);
    schedule.accept(stripe, s);
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

  /**
   * Sets the counters of the customers in the store only if they are not set: one scan of the
   * store's records under every stripe's lock. Call holding no stripe's lock.
   */
  void count() {
    if (!partial() || counted) {
      return;
    }
    stripes.lockAll();
    try {
      if (counted) {
        return;
      }
      long[][] storedOnly = new long[Stripes.COUNT][stages];
      store.scan(false, s -> {
        Stripes.Stripe stripe = stripes.of(s);
        if (stripe.customers.get(s.id()) == null) {
          storedOnly[stripe.index][s.stage]++;
        }
      });
      for (int i = 0; i < Stripes.COUNT; i++) {
        stripes.get(i).storedOnly = storedOnly[i];
      }
      counted = true;
    } finally {
      stripes.unlockAll();
    }
  }

  /** Forgets the counters (the store's contents were replaced). Call with every stripe locked. */
  void uncount() {
    for (int i = 0; i < Stripes.COUNT; i++) {
      stripes.get(i).storedOnly = null;
    }
    counted = false;
  }
}
