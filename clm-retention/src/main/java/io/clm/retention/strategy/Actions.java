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
 * Builds the built-in strategies' actions, priced with the costs of the strategy's {@link
 * Settings} (major units of the customer's currency), with the consent rule and the
 * responsible-lending rule ({@link ResponsibleLending}) applied at the source.
 */
final class Actions {
  private final RetentionContext context;
  private final String strategy;
  private final Settings settings;
  private final List<RetentionAction> actions = new ArrayList<>();

  Actions(RetentionContext context, String strategy, Settings settings) {
    this.context = context;
    this.strategy = strategy;
    this.settings = settings;
  }

  /**
   * Adds an action unless it is marketing and the customer has not consented, or it sells credit the
   * customer may not be sold ({@link ResponsibleLending#allows}).
   */
  Actions add(ActionType type, String rationale, String cost, int priority) {
    return add(type, rationale, BigDecimal.valueOf(settings.get(cost)), priority);
  }

  Actions add(ActionType type, String rationale, BigDecimal costMajor, int priority) {
    if ((type.isMarketing() && !context.marketingConsent()) || !ResponsibleLending.allows(context, type)) {
      return this;
    }
    actions.add(new RetentionAction(type, rationale, money(context, costMajor), priority, strategy));
    return this;
  }

  /**
   * An offer with a discount: the handling cost plus the discount's cost, which is the percentage
   * of the customer's value, at most {@link Settings#MAX_DISCOUNT}. Worked out in decimal and rounded
   * once, to the currency's minor unit (half even).
   */
  Actions offer(int discountPercent, String rationale, int priority) {
    BigDecimal discount = context.value().amount().multiply(BigDecimal.valueOf(discountPercent)).movePointLeft(2)
        .min(BigDecimal.valueOf(settings.get(Settings.MAX_DISCOUNT)));
    return add(new ActionType.Offer(discountPercent), rationale,
        BigDecimal.valueOf(settings.get(Settings.OFFER)).add(discount), priority);
  }

  /**
   * A service recovery with compensation: {@link Settings#COMPENSATION_SHARE} of the customer's value,
   * at least {@link Settings#MIN_COMPENSATION}, at most {@link Settings#MAX_COMPENSATION}, rounded to the
   * currency's minor unit (half even); the expected cost is that compensation plus the handling
   * cost.
   */
  Actions recovery(String rationale, int priority) {
    BigDecimal share = context.value().amount().multiply(BigDecimal.valueOf(settings.get(Settings.COMPENSATION_SHARE)));
    Money compensation = money(context, share.max(BigDecimal.valueOf(settings.get(Settings.MIN_COMPENSATION)))
        .min(BigDecimal.valueOf(settings.get(Settings.MAX_COMPENSATION))));
    return add(
        new ActionType.ServiceRecovery(compensation),
        rationale,
        compensation.amount().add(BigDecimal.valueOf(settings.get(Settings.RECOVERY))),
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
