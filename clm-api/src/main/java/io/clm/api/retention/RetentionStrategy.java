package io.clm.api.retention;

import io.clm.api.StageFamily;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.Plugin;
import java.util.List;
import java.util.Set;

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
 *     return List.of(new RetentionAction(new ActionType.Communication("birthday call"),
 *         "loyal customers value personal attention", Money.of("2.00", "EUR"), 20, id()));
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
}
