package io.clm.benchmarks.peers;

import io.clm.api.event.Event;

/**
 * The six-stage rules ({@link SixStageRules}) over one object per customer ({@link PeerCustomer})
 * in a hash map, no library: what {@link Stateless4jTracker} does without the state machine, and
 * what {@link ColumnarTracker} does with the facts of a customer in one object instead of one slot
 * in each of many arrays. Like both, it has none of clm's idempotency, history, full metric set, validation or
 * persistence. Set beside the columnar baseline, it shows what the layout of the state costs on
 * this workload.
 */
public final class ObjectsTracker extends PeerCustomers {

  /** Creates an empty tracker. */
  public ObjectsTracker() {}

  @Override
  public int accept(Event event) {
    PeerCustomer customer = customer(event.customer());
    customer.apply(event);
    int changes = 0;
    for (int step = 0; step < SixStageRules.MAX_STEPS; step++) {
      SixStage to = SixStageRules.next(customer.stage(), customer);
      if (to == customer.stage()) {
        break;
      }
      customer.enter(to);
      changes++;
    }
    return changes;
  }
}
