package io.clm.benchmarks.peers;

import io.clm.benchmarks.workload.SixStageModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The six-stage rules of {@link SixStageModel} as plain guards over {@link PeerCustomer}, for the
 * comparison libraries. Each library registers them as its own transitions with guards.
 */
public final class SixStageRules {

  /**
   * One guarded transition.
   *
   * @param from source stage
   * @param to target stage
   * @param priority higher is tried first among the rules out of {@code from}
   * @param guard when it fires
   */
  public record Rule(SixStage from, SixStage to, int priority, Predicate<PeerCustomer> guard) {}

  /** Most stage changes one event may cause: one per stage, as in clm. */
  public static final int MAX_STEPS = SixStage.values().length;

  private static final List<Rule> RULES = rules();
  private static final Rule[][] BY_SOURCE = bySource();

  private SixStageRules() {}

  /**
   * All rules, each stage's rules highest priority first.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return RULES;
  }

  /**
   * The rule that fires for a customer in a stage, by priority.
   *
   * @param from the stage
   * @param customer the facts
   * @return the target stage, or {@code from} if no rule fires
   */
  public static SixStage next(SixStage from, PeerCustomer customer) {
    for (Rule rule : BY_SOURCE[from.ordinal()]) {
      if (rule.guard().test(customer)) {
        return rule.to();
      }
    }
    return from;
  }

  private static List<Rule> rules() {
    Predicate<PeerCustomer> closed = PeerCustomer::closedWithDebtsSettled;
    Predicate<PeerCustomer> inactive =
        c -> c.daysSinceLastTransaction() >= SixStageModel.INACTIVE_DAYS;
    Predicate<PeerCustomer> falling = c -> c.volumeTrend() <= SixStageModel.DECLINE_TREND;
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(SixStage.POTENTIAL, SixStage.DEVELOPMENT, 1, PeerCustomer::hasTransacted));
    rules.add(new Rule(SixStage.DEVELOPMENT, SixStage.TERMINATION, 4, closed));
    rules.add(new Rule(SixStage.DEVELOPMENT, SixStage.DECLINE, 3, inactive));
    rules.add(
        new Rule(
            SixStage.DEVELOPMENT,
            SixStage.GROWTH,
            2,
            c -> c.transactionCount() >= SixStageModel.GROWTH_TRANSACTIONS && c.profitableOrUnknown()));
    rules.add(new Rule(SixStage.GROWTH, SixStage.TERMINATION, 4, closed));
    rules.add(new Rule(SixStage.GROWTH, SixStage.DECLINE, 3, inactive));
    rules.add(new Rule(SixStage.GROWTH, SixStage.DECLINE, 2, falling));
    rules.add(
        new Rule(
            SixStage.GROWTH,
            SixStage.MATURITY,
            1,
            c -> c.shareOfWallet() >= SixStageModel.MATURITY_SHARE));
    rules.add(new Rule(SixStage.MATURITY, SixStage.TERMINATION, 3, closed));
    rules.add(new Rule(SixStage.MATURITY, SixStage.DECLINE, 2, inactive));
    rules.add(new Rule(SixStage.MATURITY, SixStage.DECLINE, 1, falling));
    rules.add(new Rule(SixStage.DECLINE, SixStage.TERMINATION, 2, closed));
    rules.add(
        new Rule(
            SixStage.DECLINE,
            SixStage.GROWTH,
            1,
            c -> c.volumeTrend() >= SixStageModel.RECOVERY_TREND
                && c.daysSinceLastTransaction() <= SixStageModel.RECOVERY_RECENCY_DAYS));
    rules.add(
        new Rule(SixStage.TERMINATION, SixStage.DEVELOPMENT, 1, c -> c.transactionsInStage() >= 1));
    rules.sort(
        Comparator.comparing(Rule::from).thenComparing(Comparator.comparingInt(Rule::priority).reversed()));
    return List.copyOf(rules);
  }

  private static Rule[][] bySource() {
    Rule[][] result = new Rule[SixStage.values().length][];
    for (SixStage s : SixStage.values()) {
      result[s.ordinal()] = RULES.stream().filter(r -> r.from() == s).toArray(Rule[]::new);
    }
    return result;
  }
}
