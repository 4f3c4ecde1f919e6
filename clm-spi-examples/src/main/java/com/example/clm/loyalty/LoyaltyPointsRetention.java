package com.example.clm.loyalty;

import com.google.auto.service.AutoService;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A loyalty-points programme as a retention strategy, for customers in maturity or decline:
 *
 * <ul>
 *   <li>every customer gets a points-balance and expiry reminder (a service message, sent without
 *       marketing consent too);
 *   <li>a mature customer who consents to marketing is offered double points for a year: points
 *       are forfeited on closure, an economic exit barrier (seed 000);
 *   <li>a declining customer who consents, with a risk score of at least 0.5, is offered bonus
 *       points worth 20 % of the next three months' spend.
 * </ul>
 *
 * <p>Costs are in the currency of the customer's value ({@link RetentionContext#value()}), as the
 * contract asks, rounded to that currency's minor unit: the reminder costs {@code 0.10 EUR}, {@code
 * 0.100 KWD} and nothing in yen, which has no minor unit. Immutable and thread-safe.
 */
@AutoService(RetentionStrategy.class)
public final class LoyaltyPointsRetention implements RetentionStrategy {

  /** The strategy's id. */
  public static final String ID = "example.loyalty-points";

  private static final Set<StageFamily> FAMILIES = EnumSet.of(StageFamily.MATURITY, StageFamily.DECLINE);

  /** The strategy; ServiceLoader calls this. */
  public LoyaltyPointsRetention() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.copyOf(FAMILIES);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    List<RetentionAction> actions = new ArrayList<>();
    actions.add(
        new RetentionAction(
            new ActionType.Communication("points balance and expiry reminder"),
            "customers who know their points balance redeem and stay",
            cost("0.10", context),
            30,
            ID));
    if (!context.marketingConsent()) {
      return actions;
    }
    if (context.family() == StageFamily.MATURITY) {
      actions.add(
          new RetentionAction(
              new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC),
              "double points for a year; points are forfeited on closure",
              cost("15.00", context),
              50,
              ID));
    } else if (context.risk().score() >= 0.5 && !(context.metric(Metric.RELATIONSHIP_CLOSED) >= 1)) {
      actions.add(
          new RetentionAction(
              new ActionType.Offer(20),
              "bonus points worth 20% of the next three months' spend for a customer at risk",
              cost("40.00", context),
              70,
              ID));
    }
    return actions;
  }

  /** An amount in major units, in the currency of the customer's value, rounded to its minor unit. */
  private static Money cost(String major, RetentionContext context) {
    Currency currency = context.value().currency();
    return new Money(new BigDecimal(major).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
  }
}
