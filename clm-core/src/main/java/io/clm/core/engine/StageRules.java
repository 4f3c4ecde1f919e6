package io.clm.core.engine;

import io.clm.api.Cause;
import io.clm.api.Condition;
import io.clm.api.InvalidEventException;
import io.clm.api.Metric;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import io.clm.api.event.ManualMove;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.TransitionRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rule evaluation and stage transitions: a model's rules compiled into arrays per stage, the
 * stage changes they make (with their evidence) and when a customer's time-driven rules can next
 * fire. Stateless after construction; callers hold the customer's stripe lock.
 */
final class StageRules {
  private final LifecycleModel model;
  private final List<String> stageIds;
  /** The rules' conditions per stage, in arrays for the per-event loops. */
  private final Condition[][] conditions;
  private final int[][] targets;
  private final Cause.Rule[][] causes;
  /** Per stage and rule, the metrics its evidence reads, in the order its condition reads them. */
  private final Metric[][][] evidence;
  private final boolean[] terminal;
  /** The stage index new customers start in. */
  final int initial;

  StageRules(LifecycleModel model, List<String> stageIds) {
    this.model = model;
    this.stageIds = stageIds;
    int n = stageIds.size();
    this.conditions = new Condition[n][];
    this.targets = new int[n][];
    this.causes = new Cause.Rule[n][];
    this.evidence = new Metric[n][][];
    this.terminal = new boolean[n];
    for (int i = 0; i < n; i++) {
      List<TransitionRule> out = model.rulesFrom(stageIds.get(i));
      targets[i] = new int[out.size()];
      causes[i] = new Cause.Rule[out.size()];
      conditions[i] = new Condition[out.size()];
      evidence[i] = new Metric[out.size()][];
      for (int j = 0; j < out.size(); j++) {
        targets[i][j] = model.indexOf(out.get(j).to());
        causes[i][j] = new Cause.Rule(out.get(j).id());
        conditions[i][j] = out.get(j).condition();
        List<Metric> read = new ArrayList<>();
        metricsOf(conditions[i][j], read);
        evidence[i][j] = read.toArray(new Metric[0]);
      }
      terminal[i] = model.isTerminal(stageIds.get(i));
    }
    this.initial = model.indexOf(model.initialStage());
  }

  /** The metrics a condition reads, each once, in the order {@link Condition#collectEvidence} reads them. */
  private static void metricsOf(Condition c, List<Metric> read) {
    if (c instanceof Condition.Threshold t) {
      if (!read.contains(t.metric())) {
        read.add(t.metric());
      }
    } else if (c instanceof Condition.All all) {
      all.conditions().forEach(x -> metricsOf(x, read));
    } else if (c instanceof Condition.Any any) {
      any.conditions().forEach(x -> metricsOf(x, read));
    }
  }

  String stageId(int index) {
    return stageIds.get(index);
  }

  /** A stage's index, or -1 if it is not a stage of the model. */
  int stageIndex(String stageId) {
    return stageIds.indexOf(stageId);
  }

  /** The index of rule {@code ruleId} among those of stage {@code from}, or -1. */
  int ruleIndex(int from, String ruleId) {
    for (int j = 0; j < causes[from].length; j++) {
      if (causes[from][j].ruleId().equals(ruleId)) {
        return j;
      }
    }
    return -1;
  }

  int target(int from, int rule) {
    return targets[from][rule];
  }

  Cause.Rule cause(int from, int rule) {
    return causes[from][rule];
  }

  /** The metrics rule {@code rule} of stage {@code from} reads, in the order of its evidence. */
  Metric[] evidence(int from, int rule) {
    return evidence[from][rule];
  }

  /**
   * Checks a manual move against the model before anything changes.
   *
   * @throws io.clm.api.IllegalTransitionException when the model refuses it
   * @throws InvalidEventException when it would leave a terminal stage with the cycle count at its
   *     largest value
   */
  void checkManualMove(CustomerState s, ManualMove move) {
    model.checkManualMove(stageIds.get(s.stage), move.toStage());
    if (terminal[s.stage] && s.cycle == Integer.MAX_VALUE) {
      throw FactFold.overflow("cycle", s.cycle, move);
    }
  }

  /**
   * Checks, for a customer whose cycle count is at its largest value, that an event (a checked
   * manual move, {@code move}, or null) and the rules it makes fire do not take it out of a
   * terminal stage, which would overflow the count: on a copy, so that nothing changes. Only such
   * customers pay for it.
   *
   * @throws InvalidEventException if they would
   */
  void checkCycle(CustomerState s, Event event, long at, long minor, ManualMove move) {
    CustomerState dry = s.copy();
    FactFold.record(dry, event, at, minor);
    long now = Math.max(dry.time, dry.stageEnteredAt);
    if (move != null) {
      manualMove(dry, move, now);
    }
    if (!evaluate(dry, now)) {
      throw FactFold.overflow("cycle", s.cycle, event);
    }
  }

  /** Makes a checked manual move at {@code now}, appending it to the customer's history. */
  void manualMove(CustomerState s, ManualMove move, long now) {
    int from = s.stage;
    int to = model.indexOf(move.toStage());
    StageChange change =
        new StageChange(
            move.customer(),
            stageIds.get(from),
            stageIds.get(to),
            Instant.ofEpochMilli(now),
            new Cause.Manual(move.actor(), move.reason()),
            Map.of());
    s.moveTo(to, now, terminal[from]);
    s.append(change);
  }

  /**
   * Fires the first rule that holds, repeatedly, at most once per stage of the model, appending
   * each change to the customer's history. Allocates nothing when no rule fires. A rule that would
   * take the customer out of a terminal stage with its cycle count at its largest value does not
   * fire: the customer stays.
   *
   * @return false if a rule was held back so
   */
  boolean evaluate(CustomerState s, long now) {
    for (int moves = 0; moves < stageIds.size(); moves++) {
      Condition[] tests = conditions[s.stage];
      int fired = -1;
      for (int i = 0; i < tests.length; i++) {
        if (tests[i].test(s, now)) {
          fired = i;
          break;
        }
      }
      if (fired < 0) {
        return true;
      }
      int from = s.stage;
      if (terminal[from] && s.cycle == Integer.MAX_VALUE) {
        return false;
      }
      int to = targets[from][fired];
      History.appendRule(s, from, to, now, fired, evidence[from][fired]);
      s.moveTo(to, now, terminal[from]);
    }
    return true;
  }

  /** When the customer's time-driven rules can next fire, after {@code now}. */
  long dueOf(CustomerState s, long now) {
    long due = Long.MAX_VALUE;
    Condition[] tests = conditions[s.stage];
    for (int i = 0; i < tests.length; i++) {
      due = Math.min(due, tests[i].nextChange(s, now));
    }
    return due;
  }
}
