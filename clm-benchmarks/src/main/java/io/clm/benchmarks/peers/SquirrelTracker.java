package io.clm.benchmarks.peers;

import io.clm.api.CustomerId;
import io.clm.api.event.Event;
import io.clm.benchmarks.lifecycle.LifecycleTracker;
import java.util.HashMap;
import java.util.Map;
import org.squirrelframework.foundation.fsm.Condition;
import org.squirrelframework.foundation.fsm.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

/**
 * squirrel-foundation as its user guide describes: one {@link StateMachineBuilder}, reused for
 * every customer (the machines share its definition), and one machine per customer created with
 * {@code newStateMachine}. Each six-stage rule is an external transition with a condition over
 * the customer's facts (the context) and the rule's priority.
 */
public final class SquirrelTracker implements LifecycleTracker {

  /** The machine type; squirrel instantiates it reflectively. */
  public static final class StageMachine
      extends AbstractStateMachine<StageMachine, SixStage, Evaluate, PeerCustomer> {
    /** Called by squirrel. */
    public StageMachine() {}
  }

  private static final StateMachineBuilder<StageMachine, SixStage, Evaluate, PeerCustomer> BUILDER =
      builder();

  private static StateMachineBuilder<StageMachine, SixStage, Evaluate, PeerCustomer> builder() {
    StateMachineBuilder<StageMachine, SixStage, Evaluate, PeerCustomer> builder =
        StateMachineBuilderFactory.create(
            StageMachine.class, SixStage.class, Evaluate.class, PeerCustomer.class);
    int index = 0;
    for (SixStageRules.Rule rule : SixStageRules.all()) {
      String name = "rule-" + index++;
      builder
          .externalTransition(rule.priority())
          .from(rule.from())
          .to(rule.to())
          .on(Evaluate.FACTS_CHANGED)
          .when(
              new Condition<PeerCustomer>() {
                @Override
                public boolean isSatisfied(PeerCustomer context) {
                  return rule.guard().test(context);
                }

                @Override
                public String name() {
                  return name;
                }
              });
    }
    return builder;
  }

  /** A customer's facts together with its machine. */
  static final class Customer {
    final PeerCustomer facts = new PeerCustomer();
    final StageMachine machine = BUILDER.newStateMachine(SixStage.POTENTIAL);
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
      customer.machine.fire(Evaluate.FACTS_CHANGED, facts);
      SixStage after = customer.machine.getCurrentState();
      if (after == before) {
        break;
      }
      facts.enter(after);
      changes++;
    }
    return changes;
  }

  @Override
  public Map<String, Long> stageCounts() {
    return SixStage.counts(customers.values().stream().map(c -> c.machine.getCurrentState()));
  }

  @Override
  public Object stateRoot() {
    return customers;
  }
}
