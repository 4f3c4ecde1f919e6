package io.clm.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * When customers' time-driven rules can next fire: a priority queue of (due instant, customer)
 * with lazy invalidation. A customer is queued again only when its due instant moves earlier than
 * its queued entry ({@link CustomerState#queued}); a later due instant is picked up when the queued
 * entry pops. Thread-safe; always taken after, never before, a customer's lock.
 */
final class DueIndex {

  static final class Entry {
    final long at;
    final CustomerState state;

    Entry(long at, CustomerState state) {
      this.at = at;
      this.state = state;
    }
  }

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));

  synchronized void add(long at, CustomerState state) {
    queue.add(new Entry(at, state));
  }

  /** Removes and returns every entry due at or before {@code t}, earliest first. */
  synchronized List<Entry> pollUpTo(long t) {
    List<Entry> due = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().at <= t) {
      due.add(queue.poll());
    }
    return due;
  }

  synchronized void clear() {
    queue.clear();
  }

  synchronized int size() {
    return queue.size();
  }
}
