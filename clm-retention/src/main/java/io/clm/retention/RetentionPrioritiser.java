package io.clm.retention;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Spends a retention budget where value × risk is highest (seed 004: keeping a customer costs 5–25 %
 * of winning a new one, so a churn model must point the spending at the customers worth saving).
 *
 * <p>For every candidate action, the <em>expected saved value</em> is
 *
 * <pre>
 * saved = value × P(leave) × uplift(action type) − expected cost
 * </pre>
 *
 * where the uplift is the assumed share of the at-risk value the action saves. The saved value is
 * worked out in decimal from the decimal forms of P(leave) and the uplift (0.57 is 0.57, not the
 * nearest binary fraction), so saved values equal on paper are equal and their ties are broken by
 * the rules below, not by floating-point rounding. A customer is listed
 * once, with all the actions proposed for them; a customer listed twice is refused, since the two
 * candidates may disagree on value or probability of leaving. Each customer gets at most one action,
 * the one with the highest saved value among those that cost no more than the whole budget (ties:
 * lower cost, higher priority, the action type's text, then the first listed);
 * customers are ranked by it (ties: customer id) and taken greedily while the budget lasts: a
 * customer whose action no longer fits is skipped and cheaper ones further down are still
 * considered. Only actions with a positive saved value are selected; {@link ActionType.Abandon}
 * saves nothing and is never selected; marketing actions are never selected for a customer without
 * marketing consent. The total cost never exceeds the budget (exact, in minor units).
 *
 * <pre>{@code
 * RetentionPrioritiser prioritiser = RetentionPrioritiser.builder()
 *     .uplift(0.10)
 *     .uplift(ActionType.ServiceRecovery.class, 0.30)
 *     .build();
 * Allocation allocation = prioritiser.allocate(candidates, Money.of("5000.00", "EUR"));
 * }</pre>
 */
@Experimental
public final class RetentionPrioritiser {

  /** The default uplift when none is configured: an action saves 10 % of the value at risk. */
  public static final double DEFAULT_UPLIFT = 0.10;

  private final double uplift;
  private final Map<Class<? extends ActionType>, Double> upliftByType;

  private RetentionPrioritiser(double uplift, Map<Class<? extends ActionType>, Double> upliftByType) {
    this.uplift = uplift;
    this.upliftByType = Map.copyOf(upliftByType);
  }

  /**
   * Starts a configuration.
   *
   * @return a builder with the default uplift and no per-type uplifts
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A customer who may be acted on.
   *
   * @param context the customer's retention context (value, consent)
   * @param probabilityOfLeaving P(leave), 0 to 1: for example 1 − P(alive) from {@link BgNbd}, or
   *     the risk score
   * @param actions the actions proposed for the customer, for example a {@link
   *     io.clm.api.retention.RetentionPlan}'s (the strategies in its {@code failures()} proposed
   *     nothing; report them, the other strategies' actions stand)
   */
  public record Candidate(RetentionContext context, double probabilityOfLeaving, List<RetentionAction> actions) {
    /**
     * Validates and copies.
     *
     * @param context the customer's retention context (value, consent)
     * @param probabilityOfLeaving P(leave), 0 to 1: for example 1 − P(alive) from {@link BgNbd}, or
     *     the risk score
     * @param actions the actions proposed for the customer, for example a {@link
     *     io.clm.api.retention.RetentionPlan}'s (the strategies in its {@code failures()} proposed
     *     nothing; report them, the other strategies' actions stand)
     * @throws ValidationException if the probability is outside 0..1
     * @throws NullPointerException if the context or the actions are null or an action is null
     *     (the message names the masked customer and the action's index)
     */
    public Candidate {
      Objects.requireNonNull(context, "context");
      String masked = context.customer().id().masked();
      if (!(probabilityOfLeaving >= 0 && probabilityOfLeaving <= 1)) {
        throw new ValidationException(
            "probabilityOfLeaving " + probabilityOfLeaving + " is outside 0..1 for customer " + masked);
      }
      Objects.requireNonNull(actions, () -> "actions of customer " + masked + " is null");
      List<RetentionAction> copy = new ArrayList<>(actions);
      for (int i = 0; i < copy.size(); i++) {
        if (copy.get(i) == null) {
          throw new NullPointerException("actions of customer " + masked + " contain null at " + i);
        }
      }
      actions = List.copyOf(copy);
    }
  }

  /**
   * One customer chosen for one action.
   *
   * @param customer the customer
   * @param action the action
   * @param expectedSavedValue value × P(leave) × uplift − cost, major units (worked out in decimal,
   *     then the nearest double)
   */
  public record Selection(CustomerId customer, RetentionAction action, double expectedSavedValue) {
    /**
     * Validates.
     *
     * @param customer the customer
     * @param action the action
     * @param expectedSavedValue value × P(leave) × uplift − cost, major units (worked out in decimal,
     *     then the nearest double)
     */
    public Selection {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(action, "action");
    }

    /** Returns the masked id, the action type and the saved value: no personal data. */
    @Override
    public String toString() {
      return "Selection[" + customer.masked() + ", " + action.type() + ", saved=" + expectedSavedValue + "]";
    }
  }

  /**
   * The outcome: who to act on with what, ranked, and what it costs.
   *
   * @param selections the chosen customers and actions, best first
   * @param spent the total expected cost, at most the budget
   * @param budget the budget
   */
  public record Allocation(List<Selection> selections, Money spent, Money budget) {
    /**
     * Validates and copies.
     *
     * @param selections the chosen customers and actions, best first
     * @param spent the total expected cost, at most the budget
     * @param budget the budget
     */
    public Allocation {
      selections = List.copyOf(selections);
      Objects.requireNonNull(spent, "spent");
      Objects.requireNonNull(budget, "budget");
    }
  }

  /**
   * Chooses who to act on within the budget.
   *
   * @param candidates the customers, possibly empty, each customer at most once
   * @param budget the budget, at least 0
   * @return the allocation
   * @throws ValidationException if the budget is negative, a customer is a candidate twice, or a
   *     customer's value or an action's cost is in another currency than the budget
   */
  public Allocation allocate(Collection<Candidate> candidates, Money budget) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative()) {
      throw new ValidationException("budget " + budget + " is negative");
    }
    long budgetMinor = budget.minorUnits();
    List<Ranked> best = new ArrayList<>();
    Set<CustomerId> customers = new HashSet<>();
    for (Candidate c : candidates) {
      Objects.requireNonNull(c, "candidate");
      CustomerId customer = c.context().customer().id();
      if (!customers.add(customer)) {
        throw new ValidationException(
            "customer " + customer.masked()
                + " is a candidate twice; list each customer once with all the actions proposed for them");
      }
      Money value = c.context().value();
      requireBudgetCurrency(value, budget, "value", "of customer", customer);
      BigDecimal atRisk = value.amount().multiply(BigDecimal.valueOf(c.probabilityOfLeaving()));
      boolean consent = c.context().marketingConsent();
      Ranked chosen = null;
      for (RetentionAction action : c.actions()) {
        Money cost = action.expectedCost();
        requireBudgetCurrency(cost, budget, "expectedCost", "of an action for customer", customer);
        if (action.type() instanceof ActionType.Abandon || (action.isMarketing() && !consent)) {
          continue;
        }
        if (cost.minorUnits() > budgetMinor) {
          continue;
        }
        BigDecimal saved = atRisk.multiply(BigDecimal.valueOf(upliftOf(action.type()))).subtract(cost.amount());
        if (saved.signum() <= 0) {
          continue;
        }
        Ranked r = new Ranked(new Selection(customer, action, saved.doubleValue()), saved);
        if (chosen == null || BETTER_ACTION.compare(r, chosen) < 0) {
          chosen = r;
        }
      }
      if (chosen != null) {
        best.add(chosen);
      }
    }
    best.sort(Comparator.comparing(Ranked::saved).reversed().thenComparing(r -> r.selection().customer()));
    List<Selection> selected = new ArrayList<>();
    long remaining = budgetMinor;
    for (Ranked r : best) {
      long cost = r.selection().action().expectedCost().minorUnits();
      if (cost <= remaining) {
        selected.add(r.selection());
        remaining -= cost;
      }
    }
    return new Allocation(selected, Money.ofMinor(budgetMinor - remaining, budget.currency()), budget);
  }

  /** A selection with its saved value in decimal, the key it is ranked by. */
  private record Ranked(Selection selection, BigDecimal saved) {}

  private static final Comparator<Ranked> BETTER_ACTION =
      Comparator.comparing(Ranked::saved)
          .reversed()
          .thenComparing((Ranked r) -> r.selection().action().expectedCost())
          .thenComparing(Comparator.comparingInt((Ranked r) -> r.selection().action().priority()).reversed())
          .thenComparing(r -> r.selection().action().type().toString());

  private double upliftOf(ActionType type) {
    return upliftByType.getOrDefault(type.getClass(), uplift);
  }

  /** Refuses an amount in another currency than the budget's, naming the field, the amount and the customer. */
  private static void requireBudgetCurrency(Money money, Money budget, String field, String whose, CustomerId customer) {
    if (!money.currency().equals(budget.currency())) {
      throw new ValidationException(field + " " + money + " " + whose + " " + customer.masked()
          + " is not in the budget's currency " + budget.currency().getCurrencyCode());
    }
  }

  /** Configures a {@link RetentionPrioritiser}. Each setter checks its argument at once. */
  public static final class Builder {
    private double uplift = DEFAULT_UPLIFT;
    private boolean upliftSet;
    private final Map<Class<? extends ActionType>, Double> upliftByType = new HashMap<>();

    private Builder() {}

    /**
     * The uplift of every action type without its own.
     *
     * @param uplift the share of the value at risk an action saves, 0 to 1
     * @return this builder
     * @throws ValidationException if the uplift is outside 0..1
     * @throws IllegalStateException if already set
     */
    public Builder uplift(double uplift) {
      if (upliftSet) {
        throw new IllegalStateException("uplift was already set to " + this.uplift);
      }
      this.uplift = checkUplift(uplift, "uplift");
      upliftSet = true;
      return this;
    }

    /**
     * The uplift of one action type.
     *
     * @param type the action type, such as {@code ActionType.ServiceRecovery.class}
     * @param uplift the share of the value at risk the action saves, 0 to 1
     * @return this builder
     * @throws ValidationException if the uplift is outside 0..1, or the type is {@code
     *     ActionType.class} itself (use {@link #uplift(double)} for every type) or {@code
     *     ActionType.Abandon.class} (never selected), whose uplift would be ignored
     * @throws IllegalStateException if already set for this type
     */
    public Builder uplift(Class<? extends ActionType> type, double uplift) {
      Objects.requireNonNull(type, "type");
      if (type == ActionType.class) {
        throw new ValidationException(
            "type ActionType is not one action type; set the uplift of every type with uplift(" + uplift + ")");
      }
      if (type == ActionType.Abandon.class) {
        throw new ValidationException("type Abandon has no uplift: it saves nothing and is never selected");
      }
      if (upliftByType.containsKey(type)) {
        throw new IllegalStateException("uplift of " + type.getSimpleName() + " was already set");
      }
      upliftByType.put(type, checkUplift(uplift, "uplift of " + type.getSimpleName()));
      return this;
    }

    private static double checkUplift(double uplift, String field) {
      if (!(uplift >= 0 && uplift <= 1)) {
        throw new ValidationException(field + " " + uplift + " is outside 0..1");
      }
      return uplift;
    }

    /**
     * Builds the prioritiser.
     *
     * @return the prioritiser
     */
    public RetentionPrioritiser build() {
      return new RetentionPrioritiser(uplift, upliftByType);
    }
  }

}
