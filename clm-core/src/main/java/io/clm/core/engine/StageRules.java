package io.clm.core.engine;

import io.clm.api.Cause;
import io.clm.api.Condition;
import io.clm.api.StageChange;
import io.clm.api.event.ManualMove;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.TransitionRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule evaluation and stage transitions: a model's rules compiled into arrays per stage, the
 * stage changes they make (with their evidence) and when a customer's time-driven rules can next
 * fire. Stateless after construction; callers hold the customer's lock.
 */
final class StageRules {
  private final LifecycleModel model;
  private final List<String> stageIds;
  private final TransitionRule[][] rules;
  /** {@link #rules}' conditions, in arrays for the per-event loops. */
  private final Condition[][] conditions;
  private final int[][] targets;
  private final Cause.Rule[][] causes;
  private final boolean[] terminal;
  /** The stage index new customers start in. */
  final int initial;

  StageRules(LifecycleModel model, List<String> stageIds) {
    this.model = model;
    this.stageIds = stageIds;
    int n = stageIds.size();
    this.rules = new TransitionRule[n][];
    this.conditions = new Condition[n][];
    this.targets = new int[n][];
    this.causes = new Cause.Rule[n][];
    this.terminal = new boolean[n];
    for (int i = 0; i < n; i++) {
      List<TransitionRule> out = model.rulesFrom(stageIds.get(i));
      rules[i] = out.toArray(new TransitionRule[0]);
      targets[i] = new int[out.size()];
      causes[i] = new Cause.Rule[out.size()];
      conditions[i] = new Condition[out.size()];
      for (int j = 0; j < out.size(); j++) {
        targets[i][j] = model.indexOf(out.get(j).to());
        causes[i][j] = new Cause.Rule(out.get(j).id());
        conditions[i][j] = out.get(j).condition();
      }
      terminal[i] = model.isTerminal(stageIds.get(i));
    }
    this.initial = model.indexOf(model.initialStage());
  }

  /**
   * Checks a manual move against the model before anything changes.
   *
   * @throws io.clm.api.IllegalTransitionException when the model refuses it
   */
  void checkManualMove(CustomerState s, ManualMove move) {
    model.checkManualMove(stageIds.get(s.stage), move.toStage());
  }

  /** Makes a checked manual move at {@code now}, appending it to the customer's history. */
  void manualMove(CustomerState s, ManualMove move, long now) {
    int from = s.stage;
    int to = model.indexOf(move.toStage());
    StageChange change =
        new StageChange(
            s.id,
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
   * each change to the customer's history. Allocates nothing when no rule fires.
   */
  void evaluate(CustomerState s, long now) {
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
        return;
      }
      int from = s.stage;
      int to = targets[from][fired];
      Map<String, Double> evidence = new HashMap<>();
      rules[from][fired].condition().collectEvidence(s, now, evidence);
      StageChange change =
          new StageChange(
              s.id, stageIds.get(from), stageIds.get(to), Instant.ofEpochMilli(now), causes[from][fired], evidence);
      s.moveTo(to, now, terminal[from]);
      s.append(change);
    }
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
