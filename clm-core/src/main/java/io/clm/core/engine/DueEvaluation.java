package io.clm.core.engine;

import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import io.clm.api.spi.StoreBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One {@code advanceTo(t)}: stripe by stripe, under the stripe's lock, re-evaluates the customers
 * due at or before {@code t} (after reading back, in one call, those the store lists as due when
 * the engine keeps only some customers in memory) and writes every customer evaluated in one store
 * write per stripe: the moved ones with their changes, the others for their new due instant, so
 * that a store stops listing a customer whose due instant passed without a move. If a stripe's
 * write fails, its customers are rolled back and stay due; the other stripes go on.
 */
final class DueEvaluation {
  /** A customer evaluated, with what to roll back to, its changes (maybe none) and when. */
  private record Evaluated(CustomerState state, CustomerState backup, List<StageChange> changes, long at) {}

  private final CoreLifecycleEngine engine;
  private final long t;
  private final List<StageChange> changes = new ArrayList<>();
  private RuntimeException failure;

  DueEvaluation(CoreLifecycleEngine engine, long t) {
    this.engine = engine;
    this.t = t;
  }

  /** Evaluates every stripe; then {@link #changes} and {@link #failure} tell the outcome. */
  void run() {
    List<List<CustomerId>> stored = engine.residency.partial() ? engine.store.dueByStripe(t) : null;
    for (int i = 0; i < Stripes.COUNT; i++) {
      Stripes.Stripe stripe = engine.customers.get(i);
      stripe.lock();
      try {
        if (stored != null) {
          try {
            engine.residency.holdAll(stored.get(i));
          } catch (RuntimeException e) {
            fail(e);
          }
        }
        evaluate(stripe);
      } finally {
        engine.residency.trim(stripe);
        stripe.unlock();
      }
    }
    changes.sort(Comparator.comparing(StageChange::at).thenComparing(StageChange::customer));
  }

  /** The stage changes stored, ordered by time, then customer. */
  List<StageChange> changes() {
    return changes;
  }

  /** The first failure, or null. */
  RuntimeException failure() {
    return failure;
  }

  private void fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
  }

  private void evaluate(Stripes.Stripe stripe) {
    List<Evaluated> evaluated = new ArrayList<>();
    for (DueIndex.Entry entry : stripe.due.pollUpTo(t)) {
      CustomerState s = entry.state;
      s.queued = Long.MAX_VALUE;
      if (s.due > t) {
        if (s.due != Long.MAX_VALUE) {
          stripe.due.add(s.due, s);
        }
        continue;
      }
      engine.timeEvaluations.increment();
      long at = Math.max(t, Math.max(s.time, s.stageEnteredAt));
      CustomerState backup = engine.store.backup(s);
      int before = s.historySize();
      engine.rules.evaluate(s, at);
      List<StageChange> moved = s.historySize() == before ? List.of() : s.historySince(before, s.id());
      evaluated.add(new Evaluated(s, backup, moved, at));
    }
    try {
      if (engine.store.enabled() && !evaluated.isEmpty()) {
        List<StoreBatch.Write> writes = new ArrayList<>(evaluated.size());
        for (Evaluated e : evaluated) {
          writes.add(engine.store.write(e.state, e.at, List.of(), e.changes));
        }
        engine.store.saveAll(writes, evaluated.get(0).state.id());
      }
      evaluated.forEach(e -> changes.addAll(e.changes));
    } catch (RuntimeException e) {
      evaluated.forEach(ev -> ev.state.copyFrom(ev.backup));
      fail(e);
    }
    evaluated.forEach(e -> engine.schedule(stripe, e.state, e.at));
  }
}
