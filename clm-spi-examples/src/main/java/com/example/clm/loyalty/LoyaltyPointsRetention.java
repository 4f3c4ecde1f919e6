package com.example.clm.loyalty;

import com.google.auto.service.AutoService;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.plugin.support.Parameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A loyalty-points programme as a retention strategy, for customers in maturity or decline:
 *
 * <ul>
 *   <li>every customer gets a points-balance and expiry reminder (a service message, sent without
 *       marketing consent too);
 *   <li>a mature customer who consents to marketing is offered double points for a year: points
 *       are forfeited on closure, an economic exit barrier (seed 000);
 *   <li>a declining customer who consents, with a risk score of at least 0.5, is offered bonus
 *       points worth 20 % of the next three months' spend, unless the relationship is closed
 *       already (there is no spend to come).
 * </ul>
 *
 * <p>Costs are in the currency of the customer's value ({@link RetentionContext#value()}), as the
 * contract asks, rounded to that currency's minor unit: by default the reminder costs {@code 0.10
 * EUR}, {@code 0.100 KWD} and nothing in yen, which has no minor unit. They are parameters ({@code
 * reminder-cost} 0.10, {@code double-points-cost} 15, {@code bonus-points-cost} 40, in major units),
 * so that a bank in yen sets its own with {@link #configure}. Immutable and thread-safe.
 */
@AutoService(RetentionStrategy.class)
public final class LoyaltyPointsRetention implements RetentionStrategy {

  /** The strategy's id. */
  public static final String ID = "example.loyalty-points";

  private static final Set<StageFamily> FAMILIES = EnumSet.of(StageFamily.MATURITY, StageFamily.DECLINE);

  private static final List<Parameter> PARAMETERS = List.of(
      new Parameter("reminder-cost", 0.10, 0, 1e12),
      new Parameter("double-points-cost", 15, 0, 1e12),
      new Parameter("bonus-points-cost", 40, 0, 1e12));

  private final Map<String, Double> parameters;

  /** The strategy with its default costs; ServiceLoader calls this. */
  public LoyaltyPointsRetention() {
    this(Map.of());
  }

  private LoyaltyPointsRetention(Map<String, Double> overrides) {
    this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(Parameter.resolve("strategy", ID, PARAMETERS, overrides)));
  }

  @Override
  public Map<String, Double> parameters() {
    return parameters;
  }

  @Override
  public RetentionStrategy configure(Map<String, Double> overrides) {
    Map<String, Double> merged = new TreeMap<>(parameters);
    merged.putAll(Objects.requireNonNull(overrides, "overrides"));
    return new LoyaltyPointsRetention(merged);
  }

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
            cost("reminder-cost", context),
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
              cost("double-points-cost", context),
              50,
              ID));
    } else if (context.risk().score() >= 0.5 && !(context.metric(Metric.RELATIONSHIP_CLOSED) >= 1)) {
      actions.add(
          new RetentionAction(
              new ActionType.Offer(20),
              "bonus points worth 20% of the next three months' spend for a customer at risk",
              cost("bonus-points-cost", context),
              70,
              ID));
    }
    return actions;
  }

  /** A cost parameter, in the currency of the customer's value, rounded to its minor unit. */
  private Money cost(String parameter, RetentionContext context) {
    Currency currency = context.value().currency();
    BigDecimal major = BigDecimal.valueOf(parameters.get(parameter));
    return new Money(major.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
  }
}
