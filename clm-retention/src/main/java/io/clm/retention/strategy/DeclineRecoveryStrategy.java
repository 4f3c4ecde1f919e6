package io.clm.retention.strategy;

import com.google.auto.service.AutoService;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.plugin.support.Parameter;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decline: early warning and recovery (seed 003, 退化期: 恢复客户关系和建立预警长效机制; correct
 * mistakes and compensate). The response is chosen by the cause of the decline (seed 003) and by
 * value × risk among seed 000's four strategies (急救 rescue, 应对 respond, 完善 improve, 放弃
 * abandon).
 *
 * <p>Cause, read from the customer's metrics, in this order:
 *
 * <ol>
 *   <li><b>our fault</b>: a complaint is open, a resolution was rejected, or satisfaction fell by 2
 *       points or more: correct the mistake and compensate (service recovery, proposed whatever the
 *       consent and whatever the value);
 *   <li><b>the customer's trouble</b>: credit score below 500 or the customer is flagged
 *       vulnerable (the test every built-in strategy uses before selling credit): help them through
 *       it (a service contact, proposed whatever the consent and whatever the value);
 *   <li><b>competition</b>: competitor attention of 0.5 or more, or price sensitivity of 0.7 or
 *       more: study the rival (a service contact, so that a customer without marketing consent is
 *       not left without an action) and strengthen our advantage with incentives (offer, economic
 *       barrier);
 *   <li><b>unknown</b>: an early-warning call to find out.
 * </ol>
 *
 * <p>Response, from value (high from 1,000 major units of the customer's currency by default,
 * parameter {@code high-value-from}) and risk (high from a score of 0.5, {@code high-risk-from}): high value and high risk: rescue (priority 90); high value, low
 * risk: respond (70); low value, low risk: improve (40); low value, high risk: abandon (20), except
 * that a mistake of ours is still corrected and a customer in difficulty (credit score below 500,
 * flagged vulnerable) is still helped.
 */
@AutoService(RetentionStrategy.class)
public final class DeclineRecoveryStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "decline-recovery";

  /** Why business is falling. */
  enum Cause {
    OUR_FAULT("our fault"),
    CUSTOMER_TROUBLE("the customer's trouble"),
    COMPETITION("competition"),
    UNKNOWN("unknown cause");

    final String label;

    Cause(String label) {
      this.label = label;
    }
  }

  /** Seed 000's four responses to decline. */
  enum Response {
    RESCUE("rescue", 90),
    RESPOND("respond", 70),
    IMPROVE("improve", 40),
    ABANDON("abandon", 20);

    final String label;
    final int priority;

    Response(String label, int priority) {
      this.label = label;
      this.priority = priority;
    }
  }

  /** The value, in major units of the customer's currency, from which a customer counts as high value. */
  static final String HIGH_VALUE_FROM = "high-value-from";
  /** The risk score from which a customer counts as high risk. */
  static final String HIGH_RISK_FROM = "high-risk-from";

  private final BigDecimal highValueFrom;
  private final double highRiskFrom;

  /** Creates the strategy with the default costs and thresholds: value 1,000, risk 0.5. */
  public DeclineRecoveryStrategy() {
    this(Settings.defaults(ID, List.of(
        new Parameter(HIGH_VALUE_FROM, 1000, 0, Settings.MAX_AMOUNT), new Parameter(HIGH_RISK_FROM, 0.5, 0, 1))));
  }

  private DeclineRecoveryStrategy(Settings settings) {
    super(ID, settings);
    this.highValueFrom = BigDecimal.valueOf(settings.get(HIGH_VALUE_FROM));
    this.highRiskFrom = settings.get(HIGH_RISK_FROM);
  }

  @Override
  DeclineRecoveryStrategy with(Settings settings) {
    return new DeclineRecoveryStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.DECLINE);
  }

  static Cause cause(RetentionContext context) {
    if (context.metric(Metric.OPEN_COMPLAINTS) > 0
        || context.customer().metrics().rejectedResolutions() > 0
        || context.metric(Metric.SATISFACTION_CHANGE) <= -2) {
      return Cause.OUR_FAULT;
    }
    if (ResponsibleLending.inDifficulty(context)) {
      return Cause.CUSTOMER_TROUBLE;
    }
    if (context.metric(Metric.COMPETITOR_ATTENTION) >= 0.5 || context.metric(Metric.PRICE_SENSITIVITY) >= 0.7) {
      return Cause.COMPETITION;
    }
    return Cause.UNKNOWN;
  }

  Response response(RetentionContext context) {
    boolean highValue = context.value().amount().compareTo(highValueFrom) >= 0;
    boolean highRisk = context.risk().score() >= highRiskFrom;
    if (highValue) {
      return highRisk ? Response.RESCUE : Response.RESPOND;
    }
    return highRisk ? Response.ABANDON : Response.IMPROVE;
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    Cause cause = cause(context);
    Response response = response(context);
    String why = "decline, " + response.label + " (seed 000), cause: " + cause.label + " (seed 003): ";
    Actions actions = actions(context);
    if (cause == Cause.OUR_FAULT) {
      // Our mistakes are corrected whatever the customer is worth.
      actions.recovery(why + "correct the mistake and compensate", Math.max(response.priority, 60));
    }
    int priority = response.priority;
    if (response == Response.ABANDON) {
      if (cause == Cause.CUSTOMER_TROUBLE) {
        // A customer in difficulty is helped whatever the customer is worth.
        help(actions, why, priority);
      }
      return actions
          .add(new ActionType.Abandon(), why + "the customer's value does not justify a retention cost", BigDecimal.ZERO, priority)
          .list();
    }
    Actions proposed = switch (cause) {
      case OUR_FAULT -> actions.add(
          new ActionType.Communication("apologise, explain the correction, adjust the product to the need"),
          why + "warn early and adjust the product or service",
          Settings.CONTACT,
          priority - 5);
      case CUSTOMER_TROUBLE -> help(actions, why, priority);
      case COMPETITION -> againstCompetition(actions, response, why);
      case UNKNOWN -> actions.add(
          new ActionType.Communication("early-warning call: find out why business is falling"),
          why + "analyse the cause before the customer leaves",
          Settings.CONTACT,
          priority);
    };
    if (response == Response.IMPROVE && cause != Cause.OUR_FAULT) {
      proposed.add(
          new ActionType.Communication("collect the customer's unmet needs to improve the product"),
          why + "improve the product; if price cuts fail, a new product (seed 000)",
          Settings.CONTACT,
          priority - 5);
    }
    return proposed.list();
  }

  /** Seed 003: when the customer is in difficulty, help them through it (a service contact). */
  private static Actions help(Actions actions, String why, int priority) {
    return actions.add(
        new ActionType.Communication("help the customer through their difficulty"),
        why + "helping a customer in trouble wins long-term loyalty",
        Settings.CONTACT,
        priority);
  }

  /**
   * Seed 003 against competition: study the rival (a service contact, proposed whatever the
   * consent), then incentives (a price cut and, unless only improving, an economic barrier).
   */
  private static Actions againstCompetition(Actions actions, Response response, String why) {
    int priority = response.priority;
    actions.offer(
        response == Response.RESCUE ? 10 : 5, why + "a price incentive against the competitor's offer (seed 000: price cut)", priority);
    actions.add(
        new ActionType.Communication("study the rival: learn what the competitor offers the customer"),
        why + "study the rival before answering it",
        Settings.CONTACT,
        priority - 5);
    if (response != Response.IMPROVE) {
      actions.add(
          new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC),
          why + "strengthen our advantage: benefits the customer would lose by switching",
          Settings.BARRIER,
          priority - 10);
    }
    return actions;
  }
}