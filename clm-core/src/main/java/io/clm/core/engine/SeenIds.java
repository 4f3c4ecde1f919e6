package io.clm.core.engine;

import static io.clm.api.CustomerMetrics.NONE;

import io.clm.api.CorruptRecordException;
import io.clm.api.spi.SeenEvent;
import java.util.Arrays;

/**
 * A customer's seen event ids: an open-addressing table in {@link CustomerState#seen}, interleaved
 * so that a probe reads one cache line: per slot the id fingerprint (0 = empty slot), the content
 * fingerprint and, only with a deduplication window, the event's timestamp.
 *
 * <p>The number of slots grows 4, 6, 8, 12, ..., 48, 64 and then doubles (128, 256, ...), and a
 * fingerprint's home slot is its mixed hash scaled to that number (a multiply and a shift, no
 * division). The small steps are where most customers stay: one with ten remembered events keeps
 * twelve slots instead of sixteen. Doubling beyond keeps the garbage of a busy customer's growing
 * table at what it is with powers of two.
 */
final class SeenIds {
  /** Slots by size class: 4, 6, 8, 12, 16, 24, 32, 48, 64, then doubling up to 2^29. */
  private static final int[] SLOTS = new int[32];

  static {
    SLOTS[0] = 4;
    for (int i = 1; i < SLOTS.length; i++) {
      int c = SLOTS[i - 1];
      SLOTS[i] = c >= 64 ? c * 2 : Integer.bitCount(c) == 1 ? c + c / 2 : c / 3 * 4;
    }
  }

  private SeenIds() {}

  private static int stride(CustomerState s) {
    return s.shape.dedupWindowMillis >= 0 ? 3 : 2;
  }

  /**
   * Remembers a seen event read from a store or a snapshot, once the customer's record is read.
   * An engine without a deduplication window keeps no timestamps and writes 0 for them. With a
   * window, such an entry is taken as seen at the customer's latest event: the event itself was at
   * most that late, and once the window has passed that instant every event no later than it is
   * refused as too old, so it is remembered exactly as long as needed, never dropped too early.
   *
   * @throws CorruptRecordException for a timestamp outside the range of event timestamps, naming
   *     the customer's masked id
   */
  static void restore(CustomerState s, SeenEvent e) {
    long at = e.at();
    if (at < CoreLifecycleEngine.MIN_MILLIS || at > CoreLifecycleEngine.MAX_MILLIS) {
      throw new CorruptRecordException("customer " + s.id().masked() + " has a seen event at " + at + ", outside "
          + CoreLifecycleEngine.MIN_MILLIS + ".." + CoreLifecycleEngine.MAX_MILLIS);
    }
    if (at == 0 && s.shape.dedupWindowMillis >= 0) {
      at = Math.max(at, s.time);
    }
    add(s, e.id(), e.content(), at, NONE);
  }

  /** The index in {@link CustomerState#seen} of the slot holding id fingerprint {@code fp}, or -1. */
  static int find(CustomerState s, long fp) {
    long[] t = s.seen;
    if (t == null) {
      return -1;
    }
    int stride = stride(s);
    int capacity = slots(s);
    int i = home(fp, capacity);
    while (true) {
      long k = t[i * stride];
      if (k == 0) {
        return -1;
      }
      if (k == fp) {
        return i * stride;
      }
      i = next(i, capacity);
    }
  }

  /**
   * Remembers a seen event read back or restored, making room first.
   *
   * @throws CorruptRecordException when the customer remembers more ids than the largest table holds
   */
  static void add(CustomerState s, long fp, long content, long at, long cutoff) {
    if (!makeRoom(s, cutoff)) {
      throw new CorruptRecordException(
          "customer " + s.id().masked() + " remembers more event ids than one table holds (" + s.seenCount + ")");
    }
    insert(s, fp, content, at);
  }

  /**
   * Makes room for one more fingerprint, before the event that brings it changes anything else.
   * With a deduplication window, entries older than {@code cutoff} are dropped whenever the table
   * is full, and the table grows only if that leaves it {@linkplain #crowded crowded}.
   *
   * @return false, with nothing changed but expired entries dropped, when the table would have to
   *     grow past its largest size
   */
  static boolean makeRoom(CustomerState s, long cutoff) {
    return makeRoom(s, cutoff, SLOTS.length - 1);
  }

  /** {@link #makeRoom(CustomerState, long)} with the largest size class as a parameter. */
  static boolean makeRoom(CustomerState s, long cutoff, int largest) {
    int stride = stride(s);
    if (s.seen == null) {
      s.seen = new long[SLOTS[0] * stride];
      s.seenSize = 0;
    } else if (full(s.seenCount + 1, slots(s))) {
      if (stride == 3) {
        purge(s, cutoff);
        if (crowded(s.seenCount + 1, slots(s))) {
          return rebuild(s, cutoff, largest);
        }
      } else {
        return rebuild(s, NONE, largest);
      }
    }
    return true;
  }

  /** Inserts a fingerprint into a table with room for it (see {@link #makeRoom}). */
  static void insert(CustomerState s, long fp, long content, long at) {
    int stride = stride(s);
    int capacity = slots(s);
    int i = home(fp, capacity);
    while (s.seen[i * stride] != 0) {
      if (s.seen[i * stride] == fp) {
        return;
      }
      i = next(i, capacity);
    }
    s.seen[i * stride] = fp;
    s.seen[i * stride + 1] = content;
    if (stride == 3) {
      s.seen[i * stride + 2] = at;
    }
    s.seenCount++;
  }

  /**
   * Drops the entries older than {@code cutoff} in place (deduplication window only), so that a
   * customer whose ids expire as fast as new ones arrive never reallocates its table. Each removal
   * shifts the rest of its probe run back (linear probing's deletion), and the scan starts after an
   * empty slot, so no run is cut.
   */
  private static void purge(CustomerState s, long cutoff) {
    long[] t = s.seen;
    int capacity = slots(s);
    int start = 0;
    while (t[start * 3] != 0) {
      start++;
    }
    int i = next(start, capacity);
    for (int visited = 1; visited < capacity; ) {
      if (t[i * 3] != 0 && t[i * 3 + 2] < cutoff) {
        remove(t, i, capacity);
        s.seenCount--;
      } else {
        i = next(i, capacity);
        visited++;
      }
    }
  }

  /** Removes slot {@code i} of a table with three longs per slot, keeping every probe run whole. */
  private static void remove(long[] t, int i, int capacity) {
    int hole = i;
    int j = i;
    while (true) {
      j = next(j, capacity);
      if (t[j * 3] == 0) {
        break;
      }
      int home = home(t[j * 3], capacity);
      boolean reachable = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!reachable) {
        System.arraycopy(t, j * 3, t, hole * 3, 3);
        hole = j;
      }
    }
    t[hole * 3] = 0;
    t[hole * 3 + 1] = 0;
    t[hole * 3 + 2] = 0;
  }

  private static boolean rebuild(CustomerState s, long cutoff, int largest) {
    int stride = stride(s);
    long[] old = s.seen;
    int live = 0;
    for (int i = 0; i < old.length; i += stride) {
      if (old[i] != 0 && (stride == 2 || old[i + 2] >= cutoff)) {
        live++;
      }
    }
    int size = 0;
    while (stride == 3 ? crowded(live + 1, SLOTS[size]) : full(live + 1, SLOTS[size])) {
      if (++size > largest) {
        return false;
      }
    }
    s.seen = new long[SLOTS[size] * stride];
    s.seenSize = (byte) size;
    s.seenCount = 0;
    for (int i = 0; i < old.length; i += stride) {
      if (old[i] != 0 && (stride == 2 || old[i + 2] >= cutoff)) {
        insert(s, old[i], old[i + 1], stride == 3 ? old[i + 2] : 0);
      }
    }
    return true;
  }

  /**
   * Whether {@code count} fingerprints overfill a table of {@code capacity} slots: at most seven
   * eighths full (linear probing stays short at that load in tables this small, and most customers
   * keep tens of ids, not thousands).
   */
  private static boolean full(int count, int capacity) {
    return count * 8L > capacity * 7L;
  }

  /**
   * Whether {@code count} fingerprints crowd a table of {@code capacity} slots with a deduplication
   * window: more than three quarters full. A purge that leaves the table crowded freed less than an
   * eighth of it, so the table grows instead of being scanned again a few events later: a purge
   * then always makes room for at least an eighth of the table, and its cost per event stays
   * bounded (without this, a customer whose live ids nearly fill the table scans all of it on
   * every event).
   */
  private static boolean crowded(int count, int capacity) {
    return count * 4L > capacity * 3L;
  }

  /** The number of slots of a customer's table. */
  static int slots(CustomerState s) {
    return SLOTS[s.seenSize];
  }

  /** The home slot of {@code fp} in a table of {@code capacity} slots. */
  private static int home(long fp, int capacity) {
    long h = fp * 0x9e3779b97f4a7c15L;
    return (int) (((h ^ (h >>> 32)) & 0xffff_ffffL) * capacity >>> 32);
  }

  private static int next(int i, int capacity) {
    return i + 1 == capacity ? 0 : i + 1;
  }

  /** The seen events as {id, content, at (0 without a window)}, sorted by id fingerprint. */
  static long[][] sorted(CustomerState s) {
    long[][] rows = new long[s.seenCount][];
    int n = 0;
    if (s.seen != null) {
      int stride = stride(s);
      for (int i = 0; i < s.seen.length; i += stride) {
        if (s.seen[i] != 0) {
          rows[n++] = new long[] {s.seen[i], s.seen[i + 1], stride == 3 ? s.seen[i + 2] : 0};
        }
      }
    }
    Arrays.sort(rows, (a, b) -> Long.compare(a[0], b[0]));
    return rows;
  }
}
