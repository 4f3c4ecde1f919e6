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
 * New customers: the focus is satisfaction (seed 003, 形成期: 客户保持的策略重点是客户满意; seed 000:
 * stay in touch with new customers and care for them, the basis of a second purchase). Proposes a
 * care call to learn the customer's needs, a service recovery when the first experience went wrong
 * (an open complaint), and, with marketing consent, a referral offer (word of mouth, seed 000).
 */
@AutoService(RetentionStrategy.class)
public final class SatisfactionStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "satisfaction";

  /** Creates the strategy with the default costs. */
  public SatisfactionStrategy() {
    this(Settings.defaults(ID, List.of()));
  }

  private SatisfactionStrategy(Settings settings) {
    super(ID, settings);
  }

  @Override
  SatisfactionStrategy with(Settings settings) {
    return new SatisfactionStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.ONBOARDING);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    Actions actions = actions(context);
    if (context.metric(Metric.OPEN_COMPLAINTS) > 0) {
      actions.recovery("satisfaction: the first experience went wrong; correct it and compensate (seed 003)", 80);
    }
    return actions
        .add(
            new ActionType.Communication("care call: learn the new customer's needs"),
            "satisfaction: a new customer's experience decides whether they buy again (seeds 000, 003)",
            Settings.CONTACT,
            60)
        .offer(0, "satisfaction: a satisfied new customer spreads the word; invite referrals (seed 000)", 30)
        .list();
  }
}
