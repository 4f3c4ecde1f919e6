package io.clm.benchmarks.peers;

import io.clm.api.event.Event;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ChoiceTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Spring Statemachine as its reference documentation describes for many entities ("Persisting a
 * State Machine"): machines are heavy, so one machine serves every customer, restored from the
 * customer's record before the event with a {@link StateMachinePersister} and persisted back
 * after it. The customer's facts travel in a message header.
 *
 * <p>Spring Statemachine does not order guarded transitions that leave one state on one event;
 * the documented construct for prioritised guards is a choice pseudo state ("if / else if /
 * else"). So each stage moves on the event to its choice point, whose branches are the stage's
 * rules, highest priority first, and whose last branch returns to the stage.
 */
public final class SpringStatemachineTracker extends PeerCustomers {

  private static final String CUSTOMER = "customer";

  /** The machine's states: the six stages and one choice point per stage. */
  enum Node {
    POTENTIAL, DEVELOPMENT, GROWTH, MATURITY, DECLINE, TERMINATION,
    POTENTIAL_RULES, DEVELOPMENT_RULES, GROWTH_RULES, MATURITY_RULES, DECLINE_RULES, TERMINATION_RULES;

    static Node of(SixStage stage) {
      return values()[stage.ordinal()];
    }

    static Node rulesOf(SixStage stage) {
      return values()[SixStage.values().length + stage.ordinal()];
    }

    SixStage stage() {
      return SixStage.values()[ordinal()];
    }
  }

  private final StateMachine<Node, Evaluate> machine = machine();
  private final StateMachinePersister<Node, Evaluate, PeerCustomer> persister =
      new DefaultStateMachinePersister<>(new CustomerRecordPersist());

  /** Reads and writes the machine context from and to the customer's record. */
  private static final class CustomerRecordPersist
      implements StateMachinePersist<Node, Evaluate, PeerCustomer> {
    @Override
    public void write(StateMachineContext<Node, Evaluate> context, PeerCustomer customer) {
      customer.enter(context.getState().stage());
    }

    @Override
    public StateMachineContext<Node, Evaluate> read(PeerCustomer customer) {
      return new DefaultStateMachineContext<>(Node.of(customer.stage()), null, null, null);
    }
  }

  private static StateMachine<Node, Evaluate> machine() {
    try {
      StateMachineBuilder.Builder<Node, Evaluate> builder = StateMachineBuilder.builder();
      builder.configureConfiguration().withConfiguration().autoStartup(false);
      StateConfigurer<Node, Evaluate> states =
          builder.configureStates().withStates().initial(Node.POTENTIAL)
              .states(EnumSet.range(Node.POTENTIAL, Node.TERMINATION));
      for (SixStage stage : SixStage.values()) {
        states.choice(Node.rulesOf(stage));
      }
      StateMachineTransitionConfigurer<Node, Evaluate> transitions = builder.configureTransitions();
      Map<SixStage, List<SixStageRules.Rule>> bySource =
          SixStageRules.all().stream()
              .collect(Collectors.groupingBy(SixStageRules.Rule::from, LinkedHashMap::new, Collectors.toList()));
      for (SixStage stage : SixStage.values()) {
        transitions.withExternal().source(Node.of(stage)).target(Node.rulesOf(stage)).event(Evaluate.FACTS_CHANGED);
        ChoiceTransitionConfigurer<Node, Evaluate> choice = transitions.withChoice().source(Node.rulesOf(stage));
        boolean first = true;
        for (SixStageRules.Rule rule : bySource.getOrDefault(stage, List.of())) {
          Guard<Node, Evaluate> guard =
              context -> rule.guard().test((PeerCustomer) context.getMessageHeader(CUSTOMER));
          choice = first ? choice.first(Node.of(rule.to()), guard) : choice.then(Node.of(rule.to()), guard);
          first = false;
        }
        choice.last(Node.of(stage));
      }
      return builder.build();
    } catch (Exception e) {
      throw new IllegalStateException("spring statemachine configuration failed", e);
    }
  }

  @Override
  public int accept(Event event) {
    PeerCustomer customer = customer(event.customer());
    customer.apply(event);
    int changes = 0;
    try {
      persister.restore(machine, customer);
      Message<Evaluate> message =
          MessageBuilder.withPayload(Evaluate.FACTS_CHANGED).setHeader(CUSTOMER, customer).build();
      for (int step = 0; step < SixStageRules.MAX_STEPS; step++) {
        Node before = machine.getState().getId();
        machine.sendEvent(Mono.just(message)).blockLast();
        Node after = machine.getState().getId();
        if (after == before) {
          break;
        }
        // Entering a stage resets the facts the next rules read (time and transactions in stage).
        customer.enter(after.stage());
        changes++;
      }
      persister.persist(machine, customer);
    } catch (Exception e) {
      throw new IllegalStateException("spring statemachine failed on an event", e);
    }
    return changes;
  }
}
