package io.clm.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When customers' time-driven rules can next fire: a binary min-heap of customers keyed by {@link
 * CustomerState#queued}, each customer at most once ({@link CustomerState#heapIndex} is its slot, -1
 * when absent). The key is lazy: a customer's entry is moved earlier when its due instant moves
 * earlier than the queued one; a later due instant is picked up when the entry pops. So the index
 * costs one reference and one int per queued customer, and most events (which only push the due
 * instant later) never touch it. Thread-safe; the engine keeps one per lock stripe ({@link
 * Stripes}) and uses it under the stripe's lock. {@code queued} and {@code heapIndex} are written
 * only under this index's lock.
 */
final class DueIndex {

  /** A customer taken off the index with the instant it was queued for. */
  static final class Entry {
    final long at;
    final CustomerState state;

    Entry(long at, CustomerState state) {
      this.at = at;
      this.state = state;
    }
  }

  private CustomerState[] heap = new CustomerState[16];
  private int size;

  /**
   * Queues the customer for {@code at}, or moves its entry to {@code at} if it is queued already.
   * The caller holds the customer's stripe lock and has checked that {@code at} is earlier than its
   * queued instant.
   */
  synchronized void add(long at, CustomerState state) {
    state.queued = at;
    int i = state.heapIndex;
    if (i < 0) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size + (size >> 1));
      }
      i = size++;
      heap[i] = state;
      state.heapIndex = i;
    }
    siftUp(i);
  }

  /** Takes a customer out of the index, if it is queued (erasure). */
  synchronized void remove(CustomerState state) {
    int i = state.heapIndex;
    state.queued = Long.MAX_VALUE;
    if (i < 0) {
      return;
    }
    state.heapIndex = -1;
    CustomerState last = heap[--size];
    heap[size] = null;
    if (i < size) {
      heap[i] = last;
      last.heapIndex = i;
      siftDown(i);
      siftUp(last.heapIndex);
    }
  }

  /** Removes and returns every entry due at or before {@code t}, earliest first. */
  synchronized List<Entry> pollUpTo(long t) {
    List<Entry> due = new ArrayList<>();
    while (size > 0 && heap[0].queued <= t) {
      CustomerState s = heap[0];
      due.add(new Entry(s.queued, s));
      removeTop();
    }
    return due;
  }

  private void removeTop() {
    CustomerState top = heap[0];
    top.heapIndex = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      heap[0].heapIndex = 0;
      heap[size] = null;
      siftDown(0);
    } else {
      heap[0] = null;
    }
    if (heap.length > 64 && size < heap.length / 4) {
      heap = Arrays.copyOf(heap, heap.length / 2);
    }
  }

  private void siftUp(int i) {
    CustomerState s = heap[i];
    long key = s.queued;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      CustomerState p = heap[parent];
      if (p.queued <= key) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = s;
    s.heapIndex = i;
  }

  private void siftDown(int i) {
    CustomerState s = heap[i];
    long key = s.queued;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      CustomerState c = heap[child];
      int right = child + 1;
      if (right < size && heap[right].queued < c.queued) {
        child = right;
        c = heap[child];
      }
      if (key <= c.queued) {
        break;
      }
      heap[i] = c;
      c.heapIndex = i;
      i = child;
    }
    heap[i] = s;
    s.heapIndex = i;
  }

  synchronized void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].heapIndex = -1;
      heap[i] = null;
    }
    size = 0;
    heap = new CustomerState[16];
  }

  synchronized int size() {
    return size;
  }
}
