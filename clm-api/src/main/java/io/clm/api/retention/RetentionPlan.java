package io.clm.api.retention;

import io.clm.api.PluginFailureException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The merged proposals of several {@link RetentionStrategy}s for one customer.
 *
 * <p>The merge is deterministic, whatever order the strategies come in:
 *
 * <ol>
 *   <li>strategies are consulted in id order, only those whose families include the customer's;
 *   <li>marketing actions for a customer without marketing consent are dropped and counted in
 *       {@link #withheld()} (a well-behaved strategy proposes none);
 *   <li>proposals of the same {@link ActionType} (equal records) are merged into one: the one with
 *       the highest priority, then the lowest expected cost, then the smallest strategy id;
 *   <li>the result is ordered by priority (highest first), then expected cost (lowest first), then
 *       strategy id, then type.
 * </ol>
 *
 * @param actions the merged actions, most urgent first
 * @param withheld how many marketing actions were dropped for lack of consent
 */
public record RetentionPlan(List<RetentionAction> actions, int withheld) {

  /** The order of a plan's actions. */
  private static final Comparator<RetentionAction> ORDER =
      Comparator.comparingInt(RetentionAction::priority)
          .reversed()
          .thenComparing(RetentionAction::expectedCost)
          .thenComparing(RetentionAction::strategy)
          .thenComparing(a -> a.type().toString());

  /**
   * Validates and copies.
   *
   * @throws io.clm.api.ValidationException if withheld is negative
   */
  public RetentionPlan {
    actions = List.copyOf(actions);
    if (withheld < 0) {
      throw new io.clm.api.ValidationException("withheld " + withheld + " is negative");
    }
  }

  /**
   * Asks every applicable strategy and merges the proposals.
   *
   * @param context the customer
   * @param strategies the strategies to consult
   * @return the plan
   * @throws PluginFailureException if a strategy throws, returns null, or returns an action that
   *     names another strategy or is priced in another currency than the customer's value; the
   *     message names the strategy (and the customer, masked, where it helps)
   */
  public static RetentionPlan of(RetentionContext context, Collection<? extends RetentionStrategy> strategies) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(strategies, "strategies");
    List<RetentionStrategy> ordered = new ArrayList<>(strategies);
    ordered.sort(Comparator.comparing(RetentionStrategy::id));
    boolean consent = context.marketingConsent();
    Map<ActionType, RetentionAction> merged = new LinkedHashMap<>();
    Comparator<RetentionAction> preference =
        Comparator.comparingInt(RetentionAction::priority)
            .reversed()
            .thenComparing(RetentionAction::expectedCost)
            .thenComparing(RetentionAction::strategy);
    int withheld = 0;
    for (RetentionStrategy strategy : ordered) {
      if (!strategy.families().contains(context.family())) {
        continue;
      }
      List<RetentionAction> proposed;
      try {
        proposed = strategy.propose(context);
      } catch (RuntimeException e) {
        throw new PluginFailureException(
            "retention strategy '" + strategy.id() + "' failed for customer " + context.customer().id().masked(), e);
      }
      if (proposed == null) {
        throw new PluginFailureException(
            "retention strategy '" + strategy.id() + "' returned null for customer " + context.customer().id().masked());
      }
      for (RetentionAction action : proposed) {
        if (!action.expectedCost().currency().equals(context.value().currency())) {
          throw new PluginFailureException(
              "retention strategy '"
                  + strategy.id()
                  + "' priced an action in "
                  + action.expectedCost().currency().getCurrencyCode()
                  + ", not the customer's "
                  + context.value().currency().getCurrencyCode());
        }
        if (!action.strategy().equals(strategy.id())) {
          throw new PluginFailureException(
              "retention strategy '" + strategy.id() + "' proposed an action named '" + action.strategy() + "'");
        }
        if (action.isMarketing() && !consent) {
          withheld++;
          continue;
        }
        merged.merge(action.type(), action, (x, y) -> preference.compare(x, y) <= 0 ? x : y);
      }
    }
    List<RetentionAction> actions = new ArrayList<>(merged.values());
    actions.sort(ORDER);
    return new RetentionPlan(actions, withheld);
  }
}
