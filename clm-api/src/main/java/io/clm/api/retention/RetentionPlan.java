package io.clm.api.retention;

import io.clm.api.CustomerId;
import io.clm.api.PluginFailureException;
import io.clm.api.StageFamily;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.Plugin;
import io.clm.api.spi.PluginCalls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The merged proposals of several {@link RetentionStrategy}s for one customer, and the strategies
 * that misbehaved.
 *
 * <p>The merge is deterministic, whatever order the strategies come in:
 *
 * <ol>
 *   <li>two strategies with the same id are refused, since nothing but their order could decide
 *       between their proposals;
 *   <li>strategies are consulted in id order, only those whose families include the customer's;
 *   <li>a strategy that misbehaves (its {@code id}, {@code families} or {@code propose} throws or
 *       returns null, or it proposes a null action, an action naming another strategy, one priced
 *       in another currency than the customer's value or a compensation in another currency)
 *       contributes nothing and is reported in {@link
 *       #failures()}; the other strategies' actions stand;
 *   <li>marketing actions for a customer without marketing consent are dropped and counted in
 *       {@link #withheld()} (a well-behaved strategy proposes none);
 *   <li>proposals of the same {@link ActionType} (equal records) are merged into one: the one with
 *       the highest priority, then the lowest expected cost, then the smallest strategy id;
 *   <li>the result is ordered by priority (highest first), then expected cost (lowest first), then
 *       strategy id, then type.
 * </ol>
 *
 * <p>Exceptions compare by identity, so two plans with failures are never equal.
 *
 * @param actions the merged actions, most urgent first
 * @param withheld how many marketing actions were dropped for lack of consent
 * @param failures one exception per strategy that misbehaved, naming the strategy (id and class)
 *     and the customer (masked): first those whose id failed, in the order given, then by id
 */
@Experimental
public record RetentionPlan(List<RetentionAction> actions, int withheld, List<PluginFailureException> failures) {

  /** The order of a plan's actions. */
  private static final Comparator<RetentionAction> ORDER =
      Comparator.comparingInt(RetentionAction::priority)
          .reversed()
          .thenComparing(RetentionAction::expectedCost)
          .thenComparing(RetentionAction::strategy)
          .thenComparing(a -> a.type().toString());

  /** Which of two proposals of one action type is kept. */
  private static final Comparator<RetentionAction> PREFERENCE =
      Comparator.comparingInt(RetentionAction::priority)
          .reversed()
          .thenComparing(RetentionAction::expectedCost)
          .thenComparing(RetentionAction::strategy);

  /**
   * Validates and copies.
   *
   * @param actions the merged actions, most urgent first
   * @param withheld how many marketing actions were dropped for lack of consent
   * @param failures one exception per strategy that misbehaved, naming the strategy (id and class)
   *     and the customer (masked): first those whose id failed, in the order given, then by id
   * @throws ValidationException if withheld is negative
   */
  public RetentionPlan {
    actions = List.copyOf(actions);
    failures = List.copyOf(failures);
    if (withheld < 0) {
      throw new ValidationException("withheld " + withheld + " is negative");
    }
  }

  /**
   * Asks every applicable strategy and merges the proposals; a strategy that misbehaves is isolated
   * (see the class description) and reported in {@link #failures()}, never thrown.
   *
   * @param context the customer
   * @param strategies the strategies to consult, each once with its own id
   * @return the plan
   * @throws ValidationException if two strategies have the same id (naming it and both classes),
   *     whatever their families; no strategy has then been asked to propose anything
   */
  public static RetentionPlan of(RetentionContext context, Collection<? extends RetentionStrategy> strategies) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(strategies, "strategies");
    CustomerId customer = context.customer().id();
    String subject = PluginCalls.subject(customer);
    List<PluginFailureException> failures = new ArrayList<>();
    List<Map.Entry<String, RetentionStrategy>> byId = new ArrayList<>();
    for (RetentionStrategy strategy : strategies) {
      try {
        byId.add(Map.entry(PluginCalls.call(strategy, customer, "id", Plugin::id), strategy));
      } catch (PluginFailureException e) {
        failures.add(e);
      }
    }
    byId.sort(Map.Entry.comparingByKey());
    requireDistinct(byId);
    Map<ActionType, RetentionAction> merged = new LinkedHashMap<>();
    int withheld = 0;
    for (Map.Entry<String, RetentionStrategy> entry : byId) {
      String id = entry.getKey();
      RetentionStrategy strategy = entry.getValue();
      List<RetentionAction> proposed;
      try {
        Set<StageFamily> families = PluginCalls.call(strategy, customer, "families", RetentionStrategy::families);
        if (!families.contains(context.family())) {
          continue;
        }
        proposed = checked(strategy, id, subject, context, PluginCalls.call(strategy, customer, "propose", s -> copy(s.propose(context))));
      } catch (PluginFailureException e) {
        failures.add(e);
        continue;
      }
      for (RetentionAction action : proposed) {
        if (action.isMarketing() && !context.marketingConsent()) {
          withheld++;
          continue;
        }
        merged.merge(action.type(), action, (x, y) -> PREFERENCE.compare(x, y) <= 0 ? x : y);
      }
    }
    List<RetentionAction> actions = new ArrayList<>(merged.values());
    actions.sort(ORDER);
    return new RetentionPlan(actions, withheld, failures);
  }

  /** Refuses two strategies with one id: their proposals could tie, and only their order would decide. */
  private static void requireDistinct(List<Map.Entry<String, RetentionStrategy>> sortedById) {
    for (int i = 1; i < sortedById.size(); i++) {
      Map.Entry<String, RetentionStrategy> earlier = sortedById.get(i - 1);
      Map.Entry<String, RetentionStrategy> later = sortedById.get(i);
      if (earlier.getKey().equals(later.getKey())) {
        throw new ValidationException(
            "strategy id "
                + TextRules.excerpt(later.getKey())
                + " is used twice ("
                + earlier.getValue().getClass().getName()
                + ", "
                + later.getValue().getClass().getName()
                + "); list each strategy once, each with its own id");
      }
    }
  }

  /** Copies a proposal inside the guard, so that a list that fails to iterate is the plugin's failure. */
  private static List<RetentionAction> copy(List<RetentionAction> proposed) {
    return proposed == null ? null : new ArrayList<>(proposed);
  }

  /** Checks every action of a proposal; one broken action rejects the whole proposal. */
  private static List<RetentionAction> checked(
      RetentionStrategy strategy, String id, String subject, RetentionContext context, List<RetentionAction> proposed) {
    for (RetentionAction action : proposed) {
      if (action == null) {
        throw PluginCalls.failure(strategy, subject, "proposed a null action");
      }
      if (!action.strategy().equals(id)) {
        throw PluginCalls.failure(strategy, subject, "proposed an action named " + TextRules.excerpt(action.strategy()));
      }
      if (!action.expectedCost().currency().equals(context.value().currency())) {
        throw PluginCalls.failure(
            strategy,
            subject,
            "proposed an action priced in "
                + action.expectedCost().currency().getCurrencyCode()
                + " instead of "
                + context.value().currency().getCurrencyCode());
      }
      if (action.type() instanceof ActionType.ServiceRecovery recovery
          && !recovery.compensation().currency().equals(context.value().currency())) {
        throw PluginCalls.failure(
            strategy,
            subject,
            "proposed a compensation in "
                + recovery.compensation().currency().getCurrencyCode()
                + " instead of "
                + context.value().currency().getCurrencyCode());
      }
    }
    return proposed;
  }
}
