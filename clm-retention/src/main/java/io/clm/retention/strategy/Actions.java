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
 * customer's currency) and the consent rule applied at the source.
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

  private final RetentionContext context;
  private final String strategy;
  private final List<RetentionAction> actions = new ArrayList<>();

  Actions(RetentionContext context, String strategy) {
    this.context = context;
    this.strategy = strategy;
  }

  /** Adds an action unless it is marketing and the customer has not consented. */
  Actions add(ActionType type, String rationale, double costMajor, int priority) {
    if (type.isMarketing() && !context.marketingConsent()) {
      return this;
    }
    actions.add(new RetentionAction(type, rationale, money(context, costMajor), priority, strategy));
    return this;
  }

  /** An offer with a discount: the discount's cost is the percentage of the customer's value, capped at ten times the handling cost. */
  Actions offer(int discountPercent, String rationale, int priority) {
    double discount = Math.min(10 * OFFER_COST, major(context.value()) * discountPercent / 100.0);
    return add(new ActionType.Offer(discountPercent), rationale, OFFER_COST + discount, priority);
  }

  /** A service recovery with compensation: 2 % of the customer's value, at least 10, at most 500. */
  Actions recovery(String rationale, int priority) {
    double compensation = Math.max(10, Math.min(500, major(context.value()) * 0.02));
    Money money = money(context, compensation);
    return add(new ActionType.ServiceRecovery(money), rationale, compensation + RECOVERY_HANDLING_COST, priority);
  }

  List<RetentionAction> list() {
    return List.copyOf(actions);
  }

  static double major(Money money) {
    return money.amount().doubleValue();
  }

  static Money money(RetentionContext context, double major) {
    return new Money(
        BigDecimal.valueOf(major).setScale(context.value().currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN),
        context.value().currency());
  }
}
