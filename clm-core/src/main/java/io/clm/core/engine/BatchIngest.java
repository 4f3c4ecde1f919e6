package io.clm.core.engine;

import io.clm.api.BatchResult;
import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One all-or-nothing batch: the stripes of every customer in it are locked (in ascending order),
 * the events are applied in order to copies of the customers' states, the copies are saved to the
 * store in one atomic write, and only then replace the states held. A refused event or a failing
 * store leaves every customer as it was.
 */
final class BatchIngest {
  /** A customer of the batch: the state held (null for a new customer) and its working copy. */
  private static final class Working {
    final CustomerState held;
    final CustomerState copy;
    final int historyBefore;
    final List<SeenEvent> seen = new ArrayList<>();

    Working(CustomerState held, CustomerState copy) {
      this.held = held;
      this.copy = copy;
      this.historyBefore = copy.historySize();
    }
  }

  private final CoreLifecycleEngine engine;
  private final List<? extends Event> events;
  private final long[] ats;
  private final long[] fps;
  private final long[] contents;

  /**
   * @param ats the events' checked timestamps
   * @param fps the events' id fingerprints
   * @param contents the events' content fingerprints
   */
  BatchIngest(
      CoreLifecycleEngine engine, List<? extends Event> events, long[] ats, long[] fps, long[] contents) {
    this.engine = engine;
    this.events = events;
    this.ats = ats;
    this.fps = fps;
    this.contents = contents;
  }

  BatchResult run() {
    List<CustomerId> ids = new ArrayList<>(events.size());
    events.forEach(e -> ids.add(e.customer()));
    int[] locked = engine.customers.lock(ids);
    try {
      engine.residency.holdAll(ids);
      for (CustomerId id : ids) {
        if (engine.customers.get(id) == null) {
          engine.admit(id, false);
        }
      }
      Map<CustomerId, Working> working = new LinkedHashMap<>();
      int accepted = 0;
      int duplicates = 0;
      List<StageChange> all = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        Working w = working.get(e.customer());
        if (w == null) {
          w = start(e.customer(), ats[i]);
          working.put(e.customer(), w);
        }
        CustomerState c = w.copy;
        int before = c.historySize();
        if (engine.apply(c, e, ats[i], fps[i], contents[i])) {
          w.seen.add(new SeenEvent(fps[i], contents[i], ats[i]));
          accepted++;
          List<StageChange> changes = c.historySince(before, e.customer());
          if (changes != null) {
            all.addAll(changes);
          }
        } else {
          duplicates++;
        }
      }
      save(working);
      for (Map.Entry<CustomerId, Working> entry : working.entrySet()) {
        Working w = entry.getValue();
        CustomerState target = w.held;
        Stripes.Stripe stripe = engine.customers.of(entry.getKey());
        if (target == null) {
          target = w.copy;
          stripe.customers.putIfAbsent(target);
        } else {
          target.copyFrom(w.copy);
        }
        engine.schedule(stripe, target, Math.max(target.time, target.stageEnteredAt));
      }
      return new BatchResult(accepted, duplicates, all);
    } finally {
      for (int i : locked) {
        engine.residency.trim(engine.customers.get(i));
      }
      engine.customers.unlock(locked);
    }
  }

  /** The working copy of a customer at its first event in the batch. */
  private Working start(CustomerId id, long at) {
    CustomerState held = engine.customers.get(id);
    if (held != null) {
      return new Working(held, held.copy());
    }
    return new Working(null, engine.fresh(id, at, false));
  }

  private void save(Map<CustomerId, Working> working) {
    if (!engine.store.enabled()) {
      return;
    }
    List<StoreBatch.Write> writes = new ArrayList<>();
    CustomerId first = null;
    for (Map.Entry<CustomerId, Working> entry : working.entrySet()) {
      Working w = entry.getValue();
      if (!w.seen.isEmpty()) {
        List<StageChange> changes = w.copy.historySince(w.historyBefore, entry.getKey());
        writes.add(engine.store.write(w.copy, w.seen, changes == null ? List.of() : changes));
        first = first == null ? entry.getKey() : first;
      }
    }
    engine.store.saveAll(writes, first);
  }
}
