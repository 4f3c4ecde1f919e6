package io.clm.retention.strategy;

import io.clm.api.Money;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the built-in strategies' actions, with the default expected costs (major units of the
 * customer's currency), the consent rule and the responsible-lending rule ({@link
 * ResponsibleLending}) applied at the source.
 */
final class Actions {

  /** A contact: call, visit, message. */
  static final double CONTACT_COST = 5;
  /** Preparing and handling an offer, before any discount. */
  static final double OFFER_COST = 25;
  /** Handling a service recovery, on top of the compensation. */
  static final double RECOVERY_HANDLING_COST = 15;
  /** Setting up an exit barrier (bundle, integration, contract). */
  static final double BARRIER_COST = 30;
  /** A cross-sell or up-sell conversation and its materials. */
  static final double SALE_COST = 20;
  /** A win-back campaign for one customer. */
  static final double WIN_BACK_COST = 40;
  /** The compensation of a service recovery as a share of the customer's value. */
  private static final BigDecimal RECOVERY_SHARE = new BigDecimal("0.02");
  /** The least compensation. */
  private static final BigDecimal MIN_COMPENSATION = BigDecimal.TEN;
  /** The most compensation. */
  private static final BigDecimal MAX_COMPENSATION = BigDecimal.valueOf(500);

  private final RetentionContext context;
  private final String strategy;
  private final List<RetentionAction> actions = new ArrayList<>();

  Actions(RetentionContext context, String strategy) {
    this.context = context;
    this.strategy = strategy;
  }

  /**
   * Adds an action unless it is marketing and the customer has not consented, or it sells credit the
   * customer may not be sold ({@link ResponsibleLending#allows}).
   */
  Actions add(ActionType type, String rationale, double costMajor, int priority) {
    return add(type, rationale, BigDecimal.valueOf(costMajor), priority);
  }

  private Actions add(ActionType type, String rationale, BigDecimal costMajor, int priority) {
    if ((type.isMarketing() && !context.marketingConsent()) || !ResponsibleLending.allows(context, type)) {
      return this;
    }
    actions.add(new RetentionAction(type, rationale, money(context, costMajor), priority, strategy));
    return this;
  }

  /**
   * An offer with a discount: the discount's cost is the percentage of the customer's value, capped
   * at ten times the handling cost. Worked out in decimal and rounded once, to the currency's minor
   * unit (half even).
   */
  Actions offer(int discountPercent, String rationale, int priority) {
    BigDecimal discount =
        context.value().amount().multiply(BigDecimal.valueOf(discountPercent)).movePointLeft(2).min(BigDecimal.valueOf(10 * OFFER_COST));
    return add(new ActionType.Offer(discountPercent), rationale, BigDecimal.valueOf(OFFER_COST).add(discount), priority);
  }

  /**
   * A service recovery with compensation: 2 % of the customer's value, at least 10, at most 500,
   * rounded to the currency's minor unit (half even); the expected cost is that compensation plus
   * the handling cost.
   */
  Actions recovery(String rationale, int priority) {
    BigDecimal share = context.value().amount().multiply(RECOVERY_SHARE);
    Money compensation = money(context, share.max(MIN_COMPENSATION).min(MAX_COMPENSATION));
    return add(
        new ActionType.ServiceRecovery(compensation),
        rationale,
        compensation.amount().add(BigDecimal.valueOf(RECOVERY_HANDLING_COST)),
        priority);
  }

  List<RetentionAction> list() {
    return List.copyOf(actions);
  }

  /** An amount in major units of the customer's currency, rounded to its minor unit (half even). */
  private static Money money(RetentionContext context, BigDecimal major) {
    return new Money(
        major.setScale(context.value().currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN), context.value().currency());
  }
}
