package io.clm.core.engine;

import io.clm.api.CustomerId;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The engine's customers by id: an open-addressing table (linear probing) of the states
 * themselves, so a customer costs one array slot instead of a map node. The id is the state's own
 * {@link CustomerState#id}; a parallel array holds the ids' hashes, so probing touches no state
 * but the one found.
 *
 * <p>The engine keeps one table per lock stripe ({@link Stripes}) and uses it under the stripe's
 * lock. Reads take no lock of the table's own: a state found is always the one for its id (a
 * state's id never changes), and a miss is confirmed under the table's lock, so a concurrent insert, removal or
 * resize can never hide a customer. Writes take the table's lock. Removed slots become tombstones
 * (never shifted), so that iteration over a table sees every customer present throughout it, and
 * the table is rebuilt when live entries and tombstones together fill three quarters of it.
 */
final class CustomerTable {
  private static final int MIN_CAPACITY = 64;
  /** Marks a removed slot; never returned. */
  private static final CustomerState TOMBSTONE = new CustomerState(CustomerId.of("-"), null);

  /** The slots: states and, in a parallel array, their hashes, so probing reads no state. */
  private static final class Slots {
    final CustomerState[] states;
    final int[] hashes;

    Slots(int capacity) {
      states = new CustomerState[capacity];
      hashes = new int[capacity];
    }
  }

  private volatile Slots table = new Slots(MIN_CAPACITY);
  /** Live entries; under the lock. */
  private int size;
  /** Live entries plus tombstones; under the lock. */
  private int used;
  /** Where {@link #removeAny} looks first; under the lock. */
  private int hand;

  /** The table's hash of an id: its text's {@link String#hashCode()}, spread. */
  static int hash(CustomerId id) {
    return spread(id.value().hashCode());
  }

  static int hash(CustomerState state) {
    return spread(state.idHash());
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The state for an id, or null. */
  CustomerState get(CustomerId id) {
    int h = hash(id);
    CustomerState s = find(table, id, h);
    if (s != null) {
      return s;
    }
    synchronized (this) {
      return find(table, id, h);
    }
  }

  boolean containsKey(CustomerId id) {
    return get(id) != null;
  }

  private static CustomerState find(Slots slots, CustomerId id, int h) {
    CustomerState[] t = slots.states;
    int[] hashes = slots.hashes;
    int mask = t.length - 1;
    int i = h & mask;
    while (true) {
      CustomerState s = t[i];
      if (s == null) {
        return null;
      }
      if (hashes[i] == h && s != TOMBSTONE && s.hasId(id)) {
        return s;
      }
      i = (i + 1) & mask;
    }
  }

  /** The state held with the id of {@code like} (table hash {@code h}), or null; under the lock. */
  private CustomerState findLike(CustomerState like, int h) {
    CustomerState[] t = table.states;
    int[] hashes = table.hashes;
    int mask = t.length - 1;
    int i = h & mask;
    while (t[i] != null) {
      if (hashes[i] == h && t[i] != TOMBSTONE && t[i].sameId(like)) {
        return t[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Adds the state unless its id is present; returns the state present before, or null. */
  synchronized CustomerState putIfAbsent(CustomerState fresh) {
    int h = hash(fresh);
    CustomerState present = findLike(fresh, h);
    if (present != null) {
      return present;
    }
    insert(fresh, h);
    return null;
  }

  /** Adds or replaces the state for its id. */
  synchronized void put(CustomerState state) {
    int h = hash(state);
    remove(findLike(state, h));
    insert(state, h);
  }

  /** Inserts a state whose id is not held and whose table hash is {@code h}. */
  private void insert(CustomerState fresh, int h) {
    if ((used + 1) * 4L > table.states.length * 3L) {
      rebuild(size + 1);
    }
    Slots slots = table;
    CustomerState[] t = slots.states;
    int mask = t.length - 1;
    int i = h & mask;
    while (t[i] != null && t[i] != TOMBSTONE) {
      i = (i + 1) & mask;
    }
    if (t[i] == null) {
      used++;
    }
    slots.hashes[i] = h;
    t[i] = fresh;
    size++;
  }

  /** Removes the state if it is the one held for its id. */
  synchronized void remove(CustomerState state) {
    if (state == null) {
      return;
    }
    CustomerState[] t = table.states;
    int mask = t.length - 1;
    int i = hash(state) & mask;
    while (t[i] != null) {
      if (t[i] == state) {
        t[i] = TOMBSTONE;
        size--;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Removes and returns some state held, or null when none is: the next one from a hand that
   * moves round the table, so that successive calls take different customers.
   */
  synchronized CustomerState removeAny() {
    if (size == 0) {
      return null;
    }
    CustomerState[] t = table.states;
    int mask = t.length - 1;
    for (int n = 0; n < t.length; n++) {
      int i = (hand + n) & mask;
      CustomerState s = t[i];
      if (s != null && s != TOMBSTONE) {
        t[i] = TOMBSTONE;
        size--;
        hand = i + 1;
        return s;
      }
    }
    throw new IllegalStateException("customer table counts " + size + " states but holds none");
  }

  /** Rebuilds without tombstones, at most half full with {@code live} entries. */
  private void rebuild(int live) {
    int capacity = MIN_CAPACITY;
    while (capacity < live * 2L) {
      capacity <<= 1;
    }
    Slots old = table;
    Slots fresh = new Slots(capacity);
    CustomerState[] t = fresh.states;
    int mask = capacity - 1;
    for (int j = 0; j < old.states.length; j++) {
      CustomerState s = old.states[j];
      if (s != null && s != TOMBSTONE) {
        int h = old.hashes[j];
        int i = h & mask;
        while (t[i] != null) {
          i = (i + 1) & mask;
        }
        fresh.hashes[i] = h;
        t[i] = s;
      }
    }
    used = size;
    table = fresh;
  }

  synchronized void clear() {
    table = new Slots(MIN_CAPACITY);
    size = 0;
    used = 0;
  }

  synchronized int size() {
    return size;
  }

  /**
   * The states held, weakly consistent: every state present throughout the iteration is seen once;
   * states added or removed meanwhile may or may not be.
   */
  Iterable<CustomerState> values() {
    CustomerState[] t = table.states;
    return () ->
        new Iterator<CustomerState>() {
          private int index = -1;
          private CustomerState upcoming = advance();

          private CustomerState advance() {
            while (++index < t.length) {
              CustomerState s = t[index];
              if (s != null && s != TOMBSTONE) {
                return s;
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return upcoming != null;
          }

          @Override
          public CustomerState next() {
            CustomerState s = upcoming;
            if (s == null) {
              throw new NoSuchElementException();
            }
            upcoming = advance();
            return s;
          }
        };
  }
}
