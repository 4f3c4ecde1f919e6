package io.clm.benchmarks.workload;

import io.clm.api.Condition;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;

/**
 * The six-stage banking lifecycle (seed 000: potential, development, growth, maturity, decline,
 * termination) with the rules every implementation in the benchmarks applies. The comparison
 * libraries get the same rules, written in their own idiom, in {@code io.clm.benchmarks.peers}.
 *
 * <p>Rules out of each stage, highest priority first:
 *
 * <ul>
 *   <li>potential: first transaction → development
 *   <li>development: relationship closed with debts settled → termination; 180 days without a
 *       transaction → decline; six transactions and profit above zero (or no profit data) →
 *       growth
 *   <li>growth: closed → termination; 180 days inactive → decline; volume trend at most -30 % →
 *       decline; share of wallet at least 50 % → maturity
 *   <li>maturity: closed → termination; 180 days inactive → decline; volume trend at most -30 %
 *       → decline
 *   <li>decline: closed → termination; volume trend at least +10 % and a transaction in the last
 *       30 days → growth
 *   <li>termination: a transaction after closing → development (win-back, a new cycle)
 * </ul>
 */
public final class SixStageModel {

  /** Transactions needed before growth. */
  public static final double GROWTH_TRANSACTIONS = 6;
  /** Share of wallet that marks maturity. */
  public static final double MATURITY_SHARE = 0.5;
  /** Volume trend that marks decline. */
  public static final double DECLINE_TREND = -0.3;
  /** Volume trend that marks recovery. */
  public static final double RECOVERY_TREND = 0.1;
  /** Days without a transaction that mark decline. */
  public static final double INACTIVE_DAYS = 180;
  /** Days since the latest transaction for a recovery. */
  public static final double RECOVERY_RECENCY_DAYS = 30;

  private SixStageModel() {}

  /**
   * Builds the model.
   *
   * @return the model, id {@code banking-six-stage-bench}
   */
  public static LifecycleModel create() {
    Condition closed = Metric.RELATIONSHIP_CLOSED.atLeast(1);
    Condition inactive = Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(INACTIVE_DAYS);
    Condition falling = Metric.VOLUME_TREND.atMost(DECLINE_TREND);
    return LifecycleModel.builder("banking-six-stage-bench")
        .stage("potential", StageFamily.PROSPECT)
        .stage("development", StageFamily.ONBOARDING)
        .stage("growth", StageFamily.GROWTH)
        .stage("maturity", StageFamily.MATURITY)
        .stage("decline", StageFamily.DECLINE)
        .stage("termination", StageFamily.EXIT)
        .initial("potential")
        .terminal("termination")
        .forwardOnly(false)
        .rule("first-transaction").from("potential").to("development").priority(1)
            .when(Metric.TRANSACTION_COUNT.atLeast(1))
        .rule("development-closed").from("development").to("termination").priority(4).when(closed)
        .rule("development-inactive").from("development").to("decline").priority(3).when(inactive)
        .rule("break-even").from("development").to("growth").priority(2)
            .when(Condition.all(
                Metric.TRANSACTION_COUNT.atLeast(GROWTH_TRANSACTIONS),
                Metric.PROFIT.above(0).orMissing()))
        .rule("growth-closed").from("growth").to("termination").priority(4).when(closed)
        .rule("growth-inactive").from("growth").to("decline").priority(3).when(inactive)
        .rule("growth-falling-volume").from("growth").to("decline").priority(2).when(falling)
        .rule("share-of-wallet").from("growth").to("maturity").priority(1)
            .when(Metric.SHARE_OF_WALLET.atLeast(MATURITY_SHARE))
        .rule("maturity-closed").from("maturity").to("termination").priority(3).when(closed)
        .rule("maturity-inactive").from("maturity").to("decline").priority(2).when(inactive)
        .rule("maturity-falling-volume").from("maturity").to("decline").priority(1).when(falling)
        .rule("decline-closed").from("decline").to("termination").priority(2).when(closed)
        .rule("recovery").from("decline").to("growth").priority(1)
            .when(Condition.all(
                Metric.VOLUME_TREND.atLeast(RECOVERY_TREND),
                Metric.DAYS_SINCE_LAST_TRANSACTION.atMost(RECOVERY_RECENCY_DAYS)))
        .rule("win-back").from("termination").to("development").priority(1)
            .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(1))
        .build();
  }
}
