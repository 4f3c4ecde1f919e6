package io.clm.core.engine;

import io.clm.api.CustomerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's customers in lock stripes: each stripe is a lock, the customers whose id hashes to
 * it and their due index. An operation on one customer takes only that customer's stripe, so
 * threads working on different customers share no lock, no counter and no cache line written per
 * event. Operations on several customers take their stripes in ascending stripe order (so they
 * never deadlock); whole-engine operations (snapshots) take every stripe.
 *
 * <p>Only live customers are held: a customer is inserted once its first event or registration is
 * accepted (and stored), and removed when erased.
 */
final class Stripes {
  /** Number of stripes: a power of two, many more than cores, few enough to lock all at once. */
  static final int COUNT = 64;
  private static final int SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(COUNT);

  /** One stripe: its lock, its customers and when they are due. */
  static final class Stripe {
    private final ReentrantLock lock = new ReentrantLock();
    /** This stripe's place in {@link Stripes}. */
    final int index;
    /** The customers of this stripe; written under the stripe's lock, readable without it. */
    final CustomerTable customers = new CustomerTable();
    /** When this stripe's customers' time-driven rules can next fire; under the stripe's lock. */
    final DueIndex due = new DueIndex();
    /**
     * The customers of this stripe that are in the store but not in memory, per stage index; null
     * while every customer is held in memory or while they are not counted yet (see {@link
     * Residency}). Under the stripe's lock.
     */
    long[] storedOnly;

    Stripe(int index) {
      this.index = index;
    }

    void lock() {
      lock.lock();
    }

    void unlock() {
      lock.unlock();
    }
  }

  private final Stripe[] stripes = new Stripe[COUNT];

  Stripes() {
    for (int i = 0; i < COUNT; i++) {
      stripes[i] = new Stripe(i);
    }
  }

  /**
   * The stripe index of an id: the high bits of a multiplicative hash, independent of the low bits
   * the customer table probes with.
   */
  static int index(CustomerId id) {
    return index(CustomerTable.hash(id));
  }

  private static int index(int tableHash) {
    return mixed(tableHash) >>> SHIFT;
  }

  /** A multiplicative hash of the table's hash of an id: its high bits pick the stripe. */
  private static int mixed(int tableHash) {
    return tableHash * 0x9e3779b9;
  }

  /**
   * The lane of an id among {@code lanes} (at least 1): with at most {@link #COUNT} lanes, each
   * lane is a contiguous range of stripes, so that threads feeding different lanes share no
   * stripe; with more lanes, the id's hash spread over them (lanes then share stripes).
   */
  static int lane(CustomerId id, int lanes) {
    if (lanes <= COUNT) {
      return index(id) * lanes / COUNT;
    }
    return (int) ((mixed(CustomerTable.hash(id)) & 0xffff_ffffL) * lanes >>> 32);
  }

  Stripe of(CustomerId id) {
    return stripes[index(id)];
  }

  /** The stripe of a customer's state, building no id. */
  Stripe of(CustomerState state) {
    return stripes[index(CustomerTable.hash(state))];
  }

  Stripe get(int index) {
    return stripes[index];
  }

  /** A customer's state, or null; without a lock (for reads that check under the lock after). */
  CustomerState get(CustomerId id) {
    return of(id).customers.get(id);
  }

  /** Locks the stripes of {@code ids}, in ascending order; returns their indexes for {@link #unlock}. */
  int[] lock(List<CustomerId> ids) {
    int[] indexes = ids.stream().mapToInt(Stripes::index).distinct().sorted().toArray();
    int locked = 0;
    try {
      for (int i : indexes) {
        stripes[i].lock();
        locked++;
      }
    } catch (RuntimeException | Error e) {
      unlock(Arrays.copyOf(indexes, locked));
      throw e;
    }
    return indexes;
  }

  void unlock(int[] indexes) {
    for (int i = indexes.length - 1; i >= 0; i--) {
      stripes[indexes[i]].unlock();
    }
  }

  /** Locks every stripe, in ascending order. */
  void lockAll() {
    for (Stripe s : stripes) {
      s.lock();
    }
  }

  void unlockAll() {
    for (int i = COUNT - 1; i >= 0; i--) {
      stripes[i].unlock();
    }
  }

  /**
   * The number of customers per stage index, held in memory or only in the store, each stripe
   * counted under its lock.
   */
  long[] stageCounts(int stages) {
    long[] counts = new long[stages];
    for (Stripe s : stripes) {
      s.lock();
      try {
        for (CustomerState c : s.customers.values()) {
          counts[c.stage]++;
        }
        if (s.storedOnly != null) {
          for (int i = 0; i < stages; i++) {
            counts[i] += s.storedOnly[i];
          }
        }
      } finally {
        s.unlock();
      }
    }
    return counts;
  }

  /** The number of customers, held in memory or only in the store, each stripe counted under its lock. */
  long count() {
    long n = 0;
    for (Stripe s : stripes) {
      s.lock();
      try {
        n += s.customers.size();
        if (s.storedOnly != null) {
          for (long k : s.storedOnly) {
            n += k;
          }
        }
      } finally {
        s.unlock();
      }
    }
    return n;
  }

  /**
   * Hands a view of every customer to {@code action}, stripe by stripe: a stripe's views are made
   * under its lock and handed on after the lock is released, so the action may call the engine.
   */
  <T> void forEachView(Function<CustomerState, T> view, Consumer<? super T> action) {
    for (Stripe s : stripes) {
      List<T> views = new ArrayList<>();
      s.lock();
      try {
        for (CustomerState c : s.customers.values()) {
          views.add(view.apply(c));
        }
      } finally {
        s.unlock();
      }
      views.forEach(action);
    }
  }

  /** Every customer, in no order. Call with every stripe locked. */
  List<CustomerState> all() {
    List<CustomerState> all = new ArrayList<>();
    for (Stripe s : stripes) {
      s.customers.values().forEach(all::add);
    }
    return all;
  }

  /** Forgets every customer. Call with every stripe locked. */
  void clear() {
    for (Stripe s : stripes) {
      s.customers.clear();
      s.due.clear();
    }
  }
}
