package io.clm.retention.strategy;

import com.google.auto.service.AutoService;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Prospects: the focus is trust (seed 003, 考察期: 客户保持的策略重点是客户信任; seed 000: help the
 * prospect build confidence by explaining the product and answering questions). Proposes an
 * informative contact and, with marketing consent, an introductory offer defined from the
 * prospect's preferences.
 */
@AutoService(RetentionStrategy.class)
public final class TrustBuildingStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "trust-building";

  /** Creates the strategy with the default costs. */
  public TrustBuildingStrategy() {
    this(Settings.defaults(ID, List.of()));
  }

  private TrustBuildingStrategy(Settings settings) {
    super(ID, settings);
  }

  @Override
  TrustBuildingStrategy with(Settings settings) {
    return new TrustBuildingStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.PROSPECT);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    return actions(context)
        .add(
            new ActionType.Communication("explain the product and answer the prospect's questions"),
            "trust: a prospect buys once confident in the bank and its product (seeds 000, 003)",
            Settings.CONTACT,
            60)
        .offer(0, "trust: an introductory product defined from the prospect's preferences (seed 000)", 40)
        .list();
  }
}
