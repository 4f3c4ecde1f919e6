package io.clm.retention.strategy;

import com.google.auto.service.AutoService;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Maturity: stretch the golden period (seed 002, 成熟期; seed 000: better quality, lower cost, price
 * penetration, attitudinal loyalty; seed 003, 稳定期: exit barriers and a lower transaction cost).
 * Proposes:
 *
 * <ul>
 *   <li>a technical exit barrier that also lowers the customer's transaction cost (digital channels,
 *       standard communication) when fewer than half the transactions are digital (seed 003:
 *       降低交易成本);
 *   <li>with marketing consent, an economic barrier (loyalty benefits lost on leaving), a
 *       contractual barrier (a term agreement) and a repeat-customer discount (seed 002);
 *   <li>a higher priority for barriers when the bank's share of the customer's wallet is below
 *       half: there is business left to win or lose (seed 000: the marker of maturity).
 * </ul>
 */
@AutoService(RetentionStrategy.class)
public final class MaturityExtensionStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "maturity-extension";

  /** Creates the strategy with the default costs. */
  public MaturityExtensionStrategy() {
    this(Settings.defaults(ID, List.of()));
  }

  private MaturityExtensionStrategy(Settings settings) {
    super(ID, settings);
  }

  @Override
  MaturityExtensionStrategy with(Settings settings) {
    return new MaturityExtensionStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.MATURITY);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    Actions actions = actions(context);
    double share = context.metric(Metric.SHARE_OF_WALLET);
    int boost = share < 0.5 ? 10 : 0;
    double digital = context.metric(Metric.DIGITAL_SHARE);
    if (!(digital >= 0.5)) {
      actions.add(
          new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL),
          "maturity: move the customer to digital channels, lowering their transaction cost (seed 003)",
          Settings.BARRIER,
          50 + boost);
    }
    return actions
        .add(
            new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC),
            "maturity: loyalty benefits the customer would lose by leaving (seed 003: economic barrier)",
            Settings.BARRIER,
            45 + boost)
        .add(
            new ActionType.ExitBarrier(ActionType.BarrierKind.CONTRACTUAL),
            "maturity: a term agreement binds the relationship (seed 003: contractual barrier)",
            Settings.BARRIER,
            35 + boost)
        .offer(5, "maturity: a repeat-customer discount, value for money (seeds 000, 002)", 40)
        .list();
  }
}
