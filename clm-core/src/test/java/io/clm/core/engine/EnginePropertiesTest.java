package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.Cause;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.TransitionRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnginePropertiesTest {

  private static Map<CustomerId, Customer> state(CoreLifecycleEngine engine) {
    Map<CustomerId, Customer> all = new HashMap<>();
    engine.forEachCustomer(c -> all.put(c.id(), c));
    return all;
  }

  private static Map<CustomerId, List<StageChange>> histories(CoreLifecycleEngine engine) {
    Map<CustomerId, List<StageChange>> all = new HashMap<>();
    engine.forEachCustomer(c -> all.put(c.id(), engine.history(c.id())));
    return all;
  }

  /** Metrics without the stage-dependent facts, which follow arrival order. */
  private static Map<CustomerId, MetricsSnapshot> metrics(CoreLifecycleEngine engine) {
    Map<CustomerId, MetricsSnapshot> all = new HashMap<>();
    engine.forEachCustomer(
        c -> {
          MetricsSnapshot m = c.metrics();
          all.put(
              c.id(),
              new MetricsSnapshot(
                  m.currency(), m.firstSeen(), m.products(), m.digitalTransactions(), m.firstTransaction(),
                  m.lastTransaction(), m.trendWindowMillis(), m.windows(), m.interactions(), m.lastInteraction(),
                  m.surveys(), m.satisfactionSum(), m.lastSatisfaction(), m.lastSurveyAt(), m.complaints(),
                  m.attributes(), m.consents(), m.relationshipClosedAt(), m.debtsSettled(), 0, 0));
        });
    return all;
  }

  @Test
  void metricsEqualANaiveRecomputationFromTheFullEventList() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 150))
        .check(
            (seed, n) -> {
              CoreLifecycleEngine engine = Fixtures.engine();
              List<Event> log = events(seed, n, 4);
              log.forEach(engine::ingest);
              Map<CustomerId, List<Event>> byCustomer = new HashMap<>();
              log.forEach(e -> byCustomer.computeIfAbsent(e.customer(), k -> new ArrayList<>()).add(e));
              for (Map.Entry<CustomerId, List<Event>> e : byCustomer.entrySet()) {
                MetricsSnapshot actual = engine.customer(e.getKey()).orElseThrow().metrics();
                MetricsSnapshot expected =
                    ReferenceMetrics.of(
                        e.getValue(), actual.currency(), Duration.ofDays(30).toMillis(),
                        actual.stageEnteredAt(), actual.transactionsInStage());
                if (!expected.equals(actual)) {
                  return false;
                }
              }
              return engine.customerCount() == byCustomer.size();
            });
  }

  @Test
  void arrivalOrderDoesNotChangeMetrics() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 150))
        .check(
            (seed, n) -> {
              List<Event> log = events(seed, n, 3);
              List<Event> shuffled = new ArrayList<>(log);
              Collections.shuffle(shuffled, new Random(seed + 1));
              CoreLifecycleEngine a = Fixtures.engine();
              CoreLifecycleEngine b = Fixtures.engine();
              log.forEach(a::ingest);
              shuffled.forEach(b::ingest);
              return metrics(a).equals(metrics(b));
            });
  }

  @Test
  void replayingALogGivesIdenticalStateAndHistory() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 150))
        .check(
            (seed, n) -> {
              List<Event> log = events(seed, n, 3);
              CoreLifecycleEngine a = Fixtures.engine();
              CoreLifecycleEngine b = Fixtures.engine();
              log.forEach(a::ingest);
              a.advanceTo(Fixtures.START.plus(Duration.ofDays(250)));
              b.ingestAll(log);
              b.advanceTo(Fixtures.START.plus(Duration.ofDays(250)));
              return state(a).equals(state(b)) && histories(a).equals(histories(b));
            });
  }

  @Test
  void duplicatesNeverChangeState() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 120))
        .check(
            (seed, n) -> {
              List<Event> log = events(seed, n, 3);
              CoreLifecycleEngine engine = Fixtures.engine();
              log.forEach(engine::ingest);
              String before = Fixtures.snapshot(engine);
              List<Event> again = new ArrayList<>(log);
              Collections.shuffle(again, new Random(seed));
              boolean allDuplicates = again.stream().allMatch(e -> engine.ingest(e).duplicate());
              boolean batchDuplicates = engine.ingestAll(again).duplicates() == again.size();
              return allDuplicates && batchDuplicates && Fixtures.snapshot(engine).equals(before);
            });
  }

  @Test
  void historyIsConsistent() {
    LifecycleModel model = Fixtures.model();
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 150))
        .check(
            (seed, n) -> {
              CoreLifecycleEngine engine = Fixtures.engine();
              List<Event> log = events(seed, n, 3);
              for (int i = 0; i < log.size(); i++) {
                engine.ingest(log.get(i));
                if (i % 10 == 0) {
                  engine.advanceTo(log.get(i).at());
                }
              }
              engine.advanceTo(Fixtures.START.plus(Duration.ofDays(400)));
              for (Map.Entry<CustomerId, List<StageChange>> h : histories(engine).entrySet()) {
                String stage = model.initialStage();
                for (StageChange c : h.getValue()) {
                  if (!c.from().equals(stage) || model.stage(c.to()).isEmpty()) {
                    return false;
                  }
                  Cause.Rule cause = (Cause.Rule) c.cause();
                  TransitionRule rule =
                      model.rules().stream().filter(r -> r.id().equals(cause.ruleId())).findFirst().orElseThrow();
                  if (!rule.from().equals(c.from()) || !rule.to().equals(c.to())) {
                    return false;
                  }
                  stage = c.to();
                }
                if (!engine.customer(h.getKey()).orElseThrow().stage().equals(stage)) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  void jsonSnapshotRoundTripIsLossless() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(0, 120))
        .check(
            (seed, n) -> {
              CoreLifecycleEngine a = Fixtures.engine();
              List<Event> log = events(seed, n, 4);
              log.forEach(a::ingest);
              a.advanceTo(Fixtures.START.plus(Duration.ofDays(220)));
              if (n > 0) {
                a.erase(log.get(0).customer());
              }
              String exported = Fixtures.snapshot(a);
              CoreLifecycleEngine b = Fixtures.engine();
              b.importSnapshot(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
              return Fixtures.snapshot(b).equals(exported)
                  && state(a).equals(state(b))
                  && histories(a).equals(histories(b))
                  && a.stageCounts().equals(b.stageCounts());
            });
  }

  @Test
  void concurrentIngestEqualsSerialIngest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (long seed = 1; seed <= 15; seed++) {
        List<Event> log = events(seed, 400, 5);
        CoreLifecycleEngine serial = Fixtures.engine();
        log.forEach(serial::ingest);
        CoreLifecycleEngine concurrent = Fixtures.engine();
        int threads = 2 + (int) (seed % 3);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int part = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = part; i < log.size(); i += threads) {
                      if (i % 7 == 0) {
                        concurrent.ingestAll(log.subList(i, Math.min(i + 3, log.size())));
                      } else {
                        concurrent.ingest(log.get(i));
                      }
                    }
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        assertThat(metrics(concurrent)).isEqualTo(metrics(serial));
        assertThat(concurrent.customerCount()).isEqualTo(serial.customerCount());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
