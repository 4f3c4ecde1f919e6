package io.clm.api.retention;

import io.clm.api.StageFamily;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.Plugin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A retention strategy plugin: given a customer's {@link RetentionContext}, it proposes {@link
 * RetentionAction}s. Several strategies may apply to one customer; {@link RetentionPlan#of} calls
 * every strategy whose {@link #families()} include the customer's stage family and merges their
 * proposals deterministically.
 *
 * <p>Register an implementation with {@code @AutoService(RetentionStrategy.class)} and, in a named
 * module, {@code provides io.clm.api.retention.RetentionStrategy with YourStrategy;}. It needs a
 * public no-argument constructor and must be thread-safe.
 *
 * <p>A strategy is configured as a segmentation scheme is: named numeric parameters with
 * documented defaults ({@link #parameters()}), changed with {@link #configure(Map)}, which returns a
 * new strategy and leaves this one as it is. The discovered instance uses the defaults. Amounts
 * among them are in major units of the customers' currency, the one currency of the engine whose
 * customers the strategy sees: a bank working in yen sets them in yen.
 *
 * <p>Contract (checked by the plugin test kit):
 *
 * <ul>
 *   <li>{@link #propose} is deterministic: the same context gives the same actions, on any
 *       instance (an engine restarted, or another node, makes its own);
 *   <li>every action it returns names this strategy's {@link #id()} as its {@code strategy} and is
 *       priced in the currency of {@link RetentionContext#value()}, as is the compensation of a
 *       {@link ActionType.ServiceRecovery};
 *   <li>it proposes no marketing action ({@link ActionType#isMarketing()}) when {@link
 *       RetentionContext#marketingConsent()} is false (the plan drops such actions anyway and
 *       reports them);
 *   <li>it returns an empty list, never null, when it has nothing to propose.
 * </ul>
 *
 * <pre>{@code
 * @AutoService(RetentionStrategy.class)
 * public final class BirthdayCall implements RetentionStrategy {
 *   public String id() { return "acme.birthday-call"; }
 *   public Set<StageFamily> families() { return EnumSet.of(StageFamily.MATURITY); }
 *   public List<RetentionAction> propose(RetentionContext context) {
 *     Currency currency = context.value().currency(); // the customer's, whatever it is
 *     Money cost = new Money(BigDecimal.TWO.setScale(currency.getDefaultFractionDigits()), currency);
 *     return List.of(new RetentionAction(new ActionType.Communication("birthday call"),
 *         "loyal customers value personal attention", cost, 20, id()));
 *   }
 * }
 * }</pre>
 */
@Experimental
public interface RetentionStrategy extends Plugin {

  /**
   * The stage families this strategy is for; it is consulted only for customers in one of them.
   *
   * @return a non-empty set
   */
  Set<StageFamily> families();

  /**
   * Proposes actions for one customer.
   *
   * @param context the customer's context; its family is one of {@link #families()}
   * @return the proposed actions, possibly empty
   */
  List<RetentionAction> propose(RetentionContext context);

  /**
   * The strategy's configuration: every parameter with its value, sorted by name. The default has
   * none.
   *
   * @return parameter names to values (empty for a strategy without parameters)
   */
  default Map<String, Double> parameters() {
    return Map.of();
  }

  /**
   * The same strategy with some parameters changed. The default, for a strategy without
   * parameters, returns this strategy for no overrides and refuses any other.
   *
   * @param overrides parameter names to values; each name must be one of {@link #parameters()}
   * @return a strategy with the same id; this one is unchanged
   * @throws NullPointerException if {@code overrides} or a value is null
   * @throws ValidationException if a name is unknown (the message lists the known ones), a value
   *     is not finite or out of its range, or the values contradict each other
   */
  default RetentionStrategy configure(Map<String, Double> overrides) {
    if (Objects.requireNonNull(overrides, "overrides").isEmpty()) {
      return this;
    }
    throw new ValidationException("strategy " + TextRules.excerpt(id()) + " has no parameter "
        + TextRules.excerpt(new TreeMap<>(overrides).firstKey()) + "; parameters are " + parameters().keySet());
  }
}
