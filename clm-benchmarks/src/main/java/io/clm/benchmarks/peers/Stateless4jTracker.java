package io.clm.benchmarks.peers;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.triggers.TriggerWithParameters1;
import io.clm.api.CustomerId;
import io.clm.api.event.Event;
import io.clm.benchmarks.lifecycle.LifecycleTracker;
import java.util.HashMap;
import java.util.Map;

/**
 * stateless4j as its documentation describes for many objects: one {@link StateMachineConfig}
 * shared by all, one {@link StateMachine} per customer whose state lives in the customer's record
 * (the state accessor and mutator constructor). stateless4j guards take no arguments, so the
 * customer's facts travel as the parameter of the trigger and a dynamic transition picks the
 * target with the six-stage guards.
 */
public final class Stateless4jTracker implements LifecycleTracker {

  private static final StateMachineConfig<SixStage, Evaluate> CONFIG = new StateMachineConfig<>();
  private static final TriggerWithParameters1<PeerCustomer, Evaluate> FACTS_CHANGED;

  static {
    FACTS_CHANGED = CONFIG.setTriggerParameters(Evaluate.FACTS_CHANGED, PeerCustomer.class);
    for (SixStage stage : SixStage.values()) {
      CONFIG.configure(stage).permitDynamic(FACTS_CHANGED, c -> SixStageRules.next(stage, c));
    }
  }

  /** A customer's facts together with its machine. */
  static final class Customer {
    final PeerCustomer facts = new PeerCustomer();
    final StateMachine<SixStage, Evaluate> machine =
        new StateMachine<>(SixStage.POTENTIAL, facts::stage, facts::enter, CONFIG);
  }

  private final Map<CustomerId, Customer> customers = new HashMap<>();

  @Override
  public int accept(Event event) {
    Customer customer = customers.computeIfAbsent(event.customer(), id -> new Customer());
    PeerCustomer facts = customer.facts;
    facts.apply(event);
    int changes = 0;
    for (int step = 0; step < SixStageRules.MAX_STEPS; step++) {
      SixStage before = facts.stage();
      customer.machine.fire(FACTS_CHANGED, facts);
      if (facts.stage() == before) {
        break;
      }
      changes++;
    }
    return changes;
  }

  @Override
  public Map<String, Long> stageCounts() {
    return SixStage.counts(customers.values().stream().map(c -> c.facts.stage()));
  }

  @Override
  public Object stateRoot() {
    return customers;
  }
}
