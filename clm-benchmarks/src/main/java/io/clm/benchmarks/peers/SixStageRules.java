package io.clm.benchmarks.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rules of clm's built-in {@code banking-six-stage} model with its default parameters
 * (docs/models.md), written as plain guards over {@link PeerCustomer} for the comparison
 * libraries. Each library registers them as its own guarded transitions.
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

  static final double GROWTH_TRANSACTIONS = 5;
  static final double MATURITY_SHARE = 0.5;
  static final double VOLUME_DROP = 0.3;
  static final double INACTIVITY_DAYS = 90;
  static final double URGENT_COMPLAINTS = 1;
  static final double OPEN_COMPLAINTS = 2;
  static final double RECOVERY_TREND = 0.1;
  static final double RECOVERY_DAYS = 30;
  static final double DORMANT_DAYS = 365;

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
    Predicate<PeerCustomer> dormant =
        c -> c.daysSinceLastTransaction() >= DORMANT_DAYS && c.productsHeld() <= 0;
    Predicate<PeerCustomer> complaints =
        c -> c.openUrgentComplaints >= URGENT_COMPLAINTS || c.openComplaints >= OPEN_COMPLAINTS;
    Predicate<PeerCustomer> inactive = c -> c.daysSinceLastTransaction() >= INACTIVITY_DAYS;
    Predicate<PeerCustomer> falling = c -> c.volumeTrend() <= -VOLUME_DROP;
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(SixStage.POTENTIAL, SixStage.DEVELOPMENT, 1, PeerCustomer::hasTransacted));

    rules.add(new Rule(SixStage.DEVELOPMENT, SixStage.TERMINATION, 3, closed));
    rules.add(new Rule(SixStage.DEVELOPMENT, SixStage.TERMINATION, 2, dormant));
    rules.add(new Rule(SixStage.DEVELOPMENT, SixStage.GROWTH, 1,
        c -> c.transactionsInStage() >= GROWTH_TRANSACTIONS && c.profitableOrUnknown()));

    rules.add(new Rule(SixStage.GROWTH, SixStage.TERMINATION, 5, closed));
    rules.add(new Rule(SixStage.GROWTH, SixStage.DECLINE, 4, complaints));
    rules.add(new Rule(SixStage.GROWTH, SixStage.DECLINE, 3, inactive));
    rules.add(new Rule(SixStage.GROWTH, SixStage.DECLINE, 2, falling));
    rules.add(new Rule(SixStage.GROWTH, SixStage.MATURITY, 1, c -> c.shareOfWallet() >= MATURITY_SHARE));

    rules.add(new Rule(SixStage.MATURITY, SixStage.TERMINATION, 4, closed));
    rules.add(new Rule(SixStage.MATURITY, SixStage.DECLINE, 3, complaints));
    rules.add(new Rule(SixStage.MATURITY, SixStage.DECLINE, 2, inactive));
    rules.add(new Rule(SixStage.MATURITY, SixStage.DECLINE, 1, falling));

    rules.add(new Rule(SixStage.DECLINE, SixStage.TERMINATION, 4, closed));
    rules.add(new Rule(SixStage.DECLINE, SixStage.GROWTH, 3,
        c -> c.volumeTrend() >= RECOVERY_TREND
            && c.daysSinceLastTransaction() <= RECOVERY_DAYS
            && c.openComplaints <= 0));
    rules.add(new Rule(SixStage.DECLINE, SixStage.GROWTH, 2,
        c -> c.acceptedResolutions >= 1
            && c.transactionsInStage() >= 1
            && c.daysSinceLastTransaction() <= RECOVERY_DAYS
            && c.openComplaints <= 0
            && !(c.volumeTrend() <= -VOLUME_DROP)));
    rules.add(new Rule(SixStage.DECLINE, SixStage.TERMINATION, 1, dormant));

    // win-back: as the built-in model, a transaction in termination, not dormant, not closed
    rules.add(new Rule(SixStage.TERMINATION, SixStage.DEVELOPMENT, 1,
        c -> c.transactionsInStage() >= 1
            && c.daysSinceLastTransaction() < DORMANT_DAYS
            && !c.closedWithDebtsSettled()));
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
