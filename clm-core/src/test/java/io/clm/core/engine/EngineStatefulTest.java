package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.Cause;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.IllegalTransitionException;
import io.clm.api.IngestResult;
import io.clm.api.MetricsSnapshot;
import io.clm.api.StageChange;
import io.clm.api.UnknownCustomerException;
import io.clm.api.event.Event;
import io.clm.api.event.ManualMove;
import io.clm.api.model.LifecycleModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A model-based test: random sequences of ingest, duplicate, advanceTo, manual move and erase,
 * checked after every step against a naive reference that keeps the full event list per customer.
 */
class EngineStatefulTest {
  private static final LifecycleModel MODEL = Fixtures.model();

  /** The reference: accepted events per customer, erased customers, every event issued. */
  private static final class Reference {
    final Map<CustomerId, List<Event>> accepted = new HashMap<>();
    final Set<CustomerId> erased = new HashSet<>();
    final List<Event> issued = new ArrayList<>();
  }

  @Test
  void theEngineBehavesLikeTheReference() {
    qt().withExamples(30).forAll(longs().all()).check(seed -> {
      run(seed);
      return true;
    });
  }

  private static void run(long seed) {
    Random r = new Random(seed);
    CoreLifecycleEngine engine = Fixtures.engine();
    Reference ref = new Reference();
    List<Event> pool = Fixtures.events(seed, 80, 4);
    int next = 0;
    for (int step = 0; step < 60; step++) {
      int command = r.nextInt(10);
      if (command < 5 && next < pool.size()) {
        Event e = pool.get(next++);
        ingestNew(engine, ref, e);
      } else if (command == 5 && !ref.issued.isEmpty()) {
        Event e = ref.issued.get(r.nextInt(ref.issued.size()));
        if (ref.erased.contains(e.customer())) {
          assertThatThrownBy(() -> engine.ingest(e)).isInstanceOf(UnknownCustomerException.class);
        } else {
          Customer before = engine.customer(e.customer()).orElseThrow();
          assertThat(engine.ingest(e).duplicate()).isTrue();
          assertThat(engine.customer(e.customer())).contains(before);
        }
      } else if (command == 6) {
        Instant to = Fixtures.START.plus(Duration.ofDays(r.nextInt(260)));
        for (StageChange c : engine.advanceTo(to)) {
          assertThat(ref.accepted).containsKey(c.customer());
          assertThat(ref.erased).doesNotContain(c.customer());
          assertRuleChange(c);
        }
      } else if (command == 7) {
        CustomerId id = Fixtures.anyCustomer(r.nextInt(4));
        String target = MODEL.stages().get(r.nextInt(MODEL.stages().size())).id();
        Event move = new ManualMove("m" + step, id, Fixtures.START.plus(Duration.ofDays(r.nextInt(200))), target, "rm-1", "review");
        if (ref.erased.contains(id)) {
          assertThatThrownBy(() -> engine.ingest(move)).isInstanceOf(UnknownCustomerException.class);
        } else if (ref.accepted.containsKey(id) && engine.customer(id).orElseThrow().stage().equals(target)) {
          assertThatThrownBy(() -> engine.ingest(move)).isInstanceOf(IllegalTransitionException.class);
        } else {
          String from = ref.accepted.containsKey(id) ? engine.customer(id).orElseThrow().stage() : MODEL.initialStage();
          if (from.equals(target)) {
            assertThatThrownBy(() -> engine.ingest(move)).isInstanceOf(IllegalTransitionException.class);
            assertThat(engine.customer(id).isPresent()).isEqualTo(ref.accepted.containsKey(id));
          } else {
            IngestResult result = engine.ingest(move);
            ref.issued.add(move);
            ref.accepted.computeIfAbsent(id, k -> new ArrayList<>()).add(move);
            assertThat(result.changes().get(0).cause()).isEqualTo(new Cause.Manual("rm-1", "review"));
            assertThat(result.changes().get(0).from()).isEqualTo(from);
            assertThat(result.changes().get(0).to()).isEqualTo(target);
            result.changes().subList(1, result.changes().size()).forEach(EngineStatefulTest::assertRuleChange);
          }
        }
      } else if (command == 8) {
        CustomerId id = Fixtures.anyCustomer(r.nextInt(4));
        if (ref.erased.contains(id)) {
          assertThatThrownBy(() -> engine.erase(id)).hasMessage("customer " + id.masked() + " was erased");
        } else if (!ref.accepted.containsKey(id)) {
          assertThatThrownBy(() -> engine.erase(id)).hasMessage("customer " + id.masked() + " is unknown");
        } else {
          String stage = engine.customer(id).orElseThrow().stage();
          int history = engine.history(id).size();
          Erasure erasure = engine.erase(id);
          assertThat(erasure.stageAtErasure()).isEqualTo(stage);
          assertThat(erasure.historyEntriesRemoved()).isEqualTo(history);
          ref.erased.add(id);
        }
      }
      compare(engine, ref);
    }
  }

  private static void ingestNew(CoreLifecycleEngine engine, Reference ref, Event e) {
    ref.issued.add(e);
    if (ref.erased.contains(e.customer())) {
      assertThatThrownBy(() -> engine.ingest(e))
          .isInstanceOf(UnknownCustomerException.class)
          .hasMessage("customer " + e.customer().masked() + " was erased");
      return;
    }
    IngestResult result = engine.ingest(e);
    assertThat(result.duplicate()).isFalse();
    result.changes().forEach(EngineStatefulTest::assertRuleChange);
    ref.accepted.computeIfAbsent(e.customer(), k -> new ArrayList<>()).add(e);
  }

  private static void assertRuleChange(StageChange c) {
    String ruleId = ((Cause.Rule) c.cause()).ruleId();
    assertThat(MODEL.rules())
        .anySatisfy(rule -> {
          assertThat(rule.id()).isEqualTo(ruleId);
          assertThat(rule.from()).isEqualTo(c.from());
          assertThat(rule.to()).isEqualTo(c.to());
        });
  }

  private static void compare(CoreLifecycleEngine engine, Reference ref) {
    long live = ref.accepted.keySet().stream().filter(id -> !ref.erased.contains(id)).count();
    assertThat(engine.customerCount()).isEqualTo(live);
    assertThat(engine.stageCounts().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(ref.accepted.size());
    for (Map.Entry<CustomerId, List<Event>> e : ref.accepted.entrySet()) {
      if (ref.erased.contains(e.getKey())) {
        assertThat(engine.customer(e.getKey())).isEmpty();
        continue;
      }
      Customer c = engine.customer(e.getKey()).orElseThrow();
      MetricsSnapshot m = c.metrics();
      assertThat(m)
          .isEqualTo(
              ReferenceMetrics.of(e.getValue(), m.currency(), Duration.ofDays(30).toMillis(),
                  m.stageEnteredAt(), m.transactionsInStage()));
      List<StageChange> history = engine.history(e.getKey());
      String stage = MODEL.initialStage();
      for (StageChange change : history) {
        assertThat(change.from()).isEqualTo(stage);
        stage = change.to();
      }
      assertThat(c.stage()).isEqualTo(stage);
    }
  }
}
