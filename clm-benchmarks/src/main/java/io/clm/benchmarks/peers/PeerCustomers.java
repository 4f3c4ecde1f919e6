package io.clm.benchmarks.peers;

import io.clm.api.CustomerId;
import io.clm.benchmarks.lifecycle.LifecycleTracker;
import java.util.HashMap;
import java.util.Map;

/** A tracker that keeps each customer's facts as a {@link PeerCustomer} in a map by customer id. */
abstract class PeerCustomers implements LifecycleTracker {
  private final Map<CustomerId, PeerCustomer> customers = new HashMap<>();

  /** The facts of a customer, new ones for a customer not seen before. */
  final PeerCustomer customer(CustomerId id) {
    return customers.computeIfAbsent(id, k -> new PeerCustomer());
  }

  @Override
  public final Map<String, Long> stageCounts() {
    return SixStage.counts(customers.values().stream().map(PeerCustomer::stage));
  }

  @Override
  public final Object stateRoot() {
    return customers;
  }
}
