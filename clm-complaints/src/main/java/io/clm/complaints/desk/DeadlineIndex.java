package io.clm.complaints.desk;

import java.time.Instant;
import java.util.Arrays;

/**
 * A binary min-heap of tickets' next due alarms, ordered by (instant, ticket sequence). Keys live
 * in primitive arrays so that sifting through a heap of a million entries touches contiguous
 * memory instead of chasing a pointer per comparison. Entries are invalidated lazily: an entry
 * whose version differs from its ticket's is stale and skipped.
 */
final class DeadlineIndex {
  private long[] seconds = new long[1024];
  private int[] nanos = new int[1024];
  private long[] seqs = new long[1024];
  private int[] versions = new int[1024];
  private Ticket[] tickets = new Ticket[1024];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(Instant at, Ticket ticket, int version) {
    if (size == seconds.length) {
      int n = size * 2;
      seconds = Arrays.copyOf(seconds, n);
      nanos = Arrays.copyOf(nanos, n);
      seqs = Arrays.copyOf(seqs, n);
      versions = Arrays.copyOf(versions, n);
      tickets = Arrays.copyOf(tickets, n);
    }
    int i = size++;
    set(i, at.getEpochSecond(), at.getNano(), ticket.seq, version, ticket);
    siftUp(i);
  }

  /** Whether the earliest entry is due at or before {@code until}. */
  boolean headDueBy(Instant until) {
    long s = until.getEpochSecond();
    return seconds[0] < s || (seconds[0] == s && nanos[0] <= until.getNano());
  }

  Ticket headTicket() {
    return tickets[0];
  }

  int headVersion() {
    return versions[0];
  }

  void removeHead() {
    size--;
    if (size > 0) {
      move(size, 0);
      siftDown(0);
    }
    tickets[size] = null;
  }

  /** Drops stale entries and rebuilds the heap: O(n). */
  void compact() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (versions[i] == tickets[i].version) {
        move(i, kept++);
      }
    }
    Arrays.fill(tickets, kept, size, null);
    size = kept;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  private boolean less(int i, int j) {
    if (seconds[i] != seconds[j]) {
      return seconds[i] < seconds[j];
    }
    if (nanos[i] != nanos[j]) {
      return nanos[i] < nanos[j];
    }
    return seqs[i] < seqs[j];
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int smallest = left + 1 < size && less(left + 1, left) ? left + 1 : left;
      if (!less(smallest, i)) {
        return;
      }
      swap(i, smallest);
      i = smallest;
    }
  }

  private void set(int i, long s, int n, long seq, int version, Ticket t) {
    seconds[i] = s;
    nanos[i] = n;
    seqs[i] = seq;
    versions[i] = version;
    tickets[i] = t;
  }

  private void move(int from, int to) {
    set(to, seconds[from], nanos[from], seqs[from], versions[from], tickets[from]);
  }

  private void swap(int i, int j) {
    long s = seconds[i];
    int n = nanos[i];
    long q = seqs[i];
    int v = versions[i];
    Ticket t = tickets[i];
    move(j, i);
    set(j, s, n, q, v, t);
  }
}
