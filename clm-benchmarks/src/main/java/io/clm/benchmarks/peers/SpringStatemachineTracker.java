package io.clm.benchmarks.peers;

import io.clm.api.CustomerId;
import io.clm.api.event.Event;
import io.clm.benchmarks.lifecycle.LifecycleTracker;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Spring Statemachine as its reference documentation describes for many entities ("Persisting a
 * State Machine"): machines are heavy, so one machine serves every customer, restored from the
 * customer's record before the event with a {@link StateMachinePersister} and persisted back
 * after it. The customer's facts travel in a message header; each six-stage rule is an external
 * transition with a guard, declared highest priority first.
 */
public final class SpringStatemachineTracker implements LifecycleTracker {

  private static final String CUSTOMER = "customer";

  private final Map<CustomerId, PeerCustomer> customers = new HashMap<>();
  private final StateMachine<SixStage, Evaluate> machine = machine();
  private final StateMachinePersister<SixStage, Evaluate, PeerCustomer> persister =
      new DefaultStateMachinePersister<>(new CustomerRecordPersist());

  /** Reads and writes the machine context from and to the customer's record. */
  private static final class CustomerRecordPersist
      implements StateMachinePersist<SixStage, Evaluate, PeerCustomer> {
    @Override
    public void write(StateMachineContext<SixStage, Evaluate> context, PeerCustomer customer) {
      customer.enter(context.getState());
    }

    @Override
    public StateMachineContext<SixStage, Evaluate> read(PeerCustomer customer) {
      return new DefaultStateMachineContext<>(customer.stage(), null, null, null);
    }
  }

  private static StateMachine<SixStage, Evaluate> machine() {
    try {
      StateMachineBuilder.Builder<SixStage, Evaluate> builder = StateMachineBuilder.builder();
      builder.configureConfiguration().withConfiguration().autoStartup(false);
      builder.configureStates().withStates().initial(SixStage.POTENTIAL).states(EnumSet.allOf(SixStage.class));
      ExternalTransitionConfigurer<SixStage, Evaluate> transitions = null;
      for (SixStageRules.Rule rule : SixStageRules.all()) {
        transitions =
            (transitions == null
                    ? builder.configureTransitions().withExternal()
                    : transitions.and().withExternal())
                .source(rule.from())
                .target(rule.to())
                .event(Evaluate.FACTS_CHANGED)
                .guard(context -> rule.guard().test((PeerCustomer) context.getMessageHeader(CUSTOMER)));
      }
      return builder.build();
    } catch (Exception e) {
      throw new IllegalStateException("spring statemachine configuration failed", e);
    }
  }

  @Override
  public int accept(Event event) {
    PeerCustomer customer = customers.computeIfAbsent(event.customer(), id -> new PeerCustomer());
    customer.apply(event);
    int changes = 0;
    try {
      persister.restore(machine, customer);
      Message<Evaluate> message =
          MessageBuilder.withPayload(Evaluate.FACTS_CHANGED).setHeader(CUSTOMER, customer).build();
      for (int step = 0; step < SixStageRules.MAX_STEPS; step++) {
        SixStage before = machine.getState().getId();
        machine.sendEvent(Mono.just(message)).blockLast();
        if (machine.getState().getId() == before) {
          break;
        }
        changes++;
      }
      persister.persist(machine, customer);
    } catch (Exception e) {
      throw new IllegalStateException("spring statemachine failed on an event", e);
    }
    return changes;
  }

  @Override
  public Map<String, Long> stageCounts() {
    Map<SixStage, Long> counts = new EnumMap<>(SixStage.class);
    customers.values().forEach(c -> counts.merge(c.stage(), 1L, Long::sum));
    Map<String, Long> result = new LinkedHashMap<>();
    for (SixStage s : SixStage.values()) {
      result.put(s.id(), counts.getOrDefault(s, 0L));
    }
    return result;
  }

  @Override
  public Object stateRoot() {
    return customers;
  }
}
