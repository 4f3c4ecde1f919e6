package io.clm.cli;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.IngestResult;
import io.clm.api.LifecycleEngine;
import io.clm.api.Stage;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs events through the lifecycle engine and keeps what the report needs: the stage-to-stage
 * transitions, each customer's stage when the flow starts, and event counts. Memory grows with the
 * number of customers, never with the number of events. Safe for concurrent {@link #ingest}.
 */
final class Pipeline {
  private LifecycleEngine engine;
  private final List<Stage> stages;
  private final Map<String, Integer> index = new HashMap<>();
  private final long[][] transitions;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private volatile Map<CustomerId, Integer> startStage;
  private long[][] transitionsAtFlowStart;
  private Instant flowStart;
  private final LongAccumulator earliest = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator latest = new LongAccumulator(Math::max, Long.MIN_VALUE);

  Pipeline(LifecycleEngine engine) {
    this.engine = engine;
    this.stages = engine.model().stages();
    for (int i = 0; i < stages.size(); i++) {
      index.put(stages.get(i).id(), i);
    }
    this.transitions = new long[stages.size()][stages.size()];
  }

  LifecycleEngine engine() {
    return engine;
  }

  /**
   * Carries on with a copy of the engine that holds the same customers in the same stages: what
   * follows (the last advance of time and the figures) is not stored where the engine's state is.
   */
  void continueOn(LifecycleEngine copy) {
    this.engine = copy;
  }

  /**
   * Ingests one event.
   *
   * @return true if it was accepted, false if it was a duplicate
   * @throws io.clm.api.ClmException if the engine rejects it; nothing was stored
   */
  boolean ingest(Event event) {
    IngestResult result = engine.ingest(event);
    if (result.duplicate()) {
      duplicates.increment();
      return false;
    }
    accepted.increment();
    record(result.changes());
    long at = event.at().toEpochMilli();
    earliest.accumulate(at);
    latest.accumulate(at);
    return true;
  }

  /** Lets time-driven rules fire up to {@code now}. */
  void advanceTo(Instant now) {
    record(engine.advanceTo(now));
  }

  /** Remembers every customer's stage now; the report's flow runs from here to the end. */
  void markFlowStart(Instant at) {
    advanceTo(at);
    flowStartsHere(at);
  }

  /** Remembers every customer's stage now, without advancing time; the flow is labelled {@code at}. */
  void flowStartsHere(Instant at) {
    Map<CustomerId, Integer> snapshot = new HashMap<>();
    engine.forEachCustomer(c -> snapshot.put(c.id(), index.get(c.stage())));
    this.startStage = snapshot;
    this.transitionsAtFlowStart = copy(transitions);
    this.flowStart = at;
  }

  private void record(List<StageChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    synchronized (transitions) {
      for (StageChange c : changes) {
        transitions[index.get(c.from())][index.get(c.to())]++;
      }
    }
  }

  private long[][] copy(long[][] matrix) {
    synchronized (transitions) {
      long[][] copy = new long[matrix.length][];
      for (int i = 0; i < matrix.length; i++) {
        copy[i] = matrix[i].clone();
      }
      return copy;
    }
  }

  long accepted() {
    return accepted.sum();
  }

  long duplicates() {
    return duplicates.sum();
  }

  Instant earliest() {
    long value = earliest.get();
    return value == Long.MAX_VALUE ? null : Instant.ofEpochMilli(value);
  }

  Instant latest() {
    long value = latest.get();
    return value == Long.MIN_VALUE ? null : Instant.ofEpochMilli(value);
  }

  /** The result of a run: what the sections and the renderers work from. */
  record Outcome(
      List<Customer> customers,
      List<Report.StageCount> stages,
      long[][] transitions,
      long[][] flow,
      Instant flowStart,
      List<Report.Check> checks) {}

  /**
   * Finishes the run: collects every customer and builds the stage figures and their
   * reconciliation.
   *
   * @param expectedCustomers the number of customers the input holds, counted independently of the
   *     engine
   */
  Outcome finish(long expectedCustomers) {
    return finish(expectedCustomers, "customers in the input = customers known to the engine", Map.of());
  }

  /**
   * Finishes the run, with the check of the customers counted independently named as given.
   *
   * @param expectedCustomers the number of customers, counted independently of the engine
   * @param expectedCheck the name of the check of that number against the engine's
   * @param erased customers erased before the run, by stage: the engine's stage counts keep them,
   *     the figures leave them out
   */
  Outcome finish(long expectedCustomers, String expectedCheck, Map<String, Long> erased) {
    List<Customer> customers = new ArrayList<>();
    engine.forEachCustomer(customers::add);
    int n = stages.size();
    long[] visited = new long[n];
    long[][] flow = new long[n + 1][n];
    Map<CustomerId, Integer> start = startStage == null ? Map.of() : startStage;
    for (Customer c : customers) {
      int now = index.get(c.stage());
      visited[now]++;
      Integer before = start.get(c.id());
      flow[before == null ? 0 : before + 1][now]++;
    }
    Map<String, Long> counts = engine.stageCounts();
    List<Report.StageCount> stageCounts = new ArrayList<>();
    long counted = 0;
    for (Stage s : stages) {
      counted += counts.getOrDefault(s.id(), 0L);
      stageCounts.add(new Report.StageCount(
          s.id(), s.family().name().toLowerCase(java.util.Locale.ROOT), s.phase().name().toLowerCase(java.util.Locale.ROOT),
          counts.getOrDefault(s.id(), 0L) - erased.getOrDefault(s.id(), 0L)));
    }
    List<Report.Check> checks = new ArrayList<>();
    if (!erased.isEmpty()) {
      long erasedTotal = erased.values().stream().mapToLong(Long::longValue).sum();
      checks.add(new Report.Check("customers erased in the store = engine's stage counts - customers known", erasedTotal,
          counted - engine.customerCount()));
    }
    long total = stageCounts.stream().mapToLong(Report.StageCount::customers).sum();
    checks.add(new Report.Check(expectedCheck, expectedCustomers, engine.customerCount()));
    checks.add(new Report.Check("customers known = customers over all stages (each in exactly one)", engine.customerCount(), total));
    checks.add(new Report.Check("customers visited = customers over all stages", customers.size(), total));
    long flowTotal = 0;
    for (long[] row : flow) {
      for (long v : row) {
        flowTotal += v;
      }
    }
    checks.add(new Report.Check("customers over all flow cells = customers known", engine.customerCount(), flowTotal));
    long[][] moves = copy(transitions);
    long[][] before = transitionsAtFlowStart == null ? new long[n][n] : transitionsAtFlowStart;
    int initial = index.get(engine.model().initialStage());
    for (int s = 0; s < n; s++) {
      long startCount = 0;
      for (int j = 0; j < n; j++) {
        startCount += flow[s + 1][j];
      }
      long newcomers = 0;
      if (s == initial) {
        for (int j = 0; j < n; j++) {
          newcomers += flow[0][j];
        }
      }
      long in = 0;
      long out = 0;
      for (int j = 0; j < n; j++) {
        in += moves[j][s] - before[j][s];
        out += moves[s][j] - before[s][j];
      }
      checks.add(new Report.Check(
          "stage " + stages.get(s).id() + ": customers visited in it = its count", visited[s], stageCounts.get(s).customers()));
      checks.add(new Report.Check(
          "stage " + stages.get(s).id() + ": at flow start + new + moved in - moved out = now",
          stageCounts.get(s).customers(), startCount + newcomers + in - out));
    }
    return new Outcome(customers, stageCounts, moves, flow, flowStart, checks);
  }
}
