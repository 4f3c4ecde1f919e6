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
 * After termination: win the customer back (seed 000, 终止期: set barriers against the factors that
 * lured the customer away and answer the competition with targeted products). Proposes an exit
 * conversation to learn what lured the customer away (a service contact) and, with marketing
 * consent, a win-back campaign with a targeted product.
 */
@AutoService(RetentionStrategy.class)
public final class WinBackStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "win-back";

  /** Creates the strategy with the default costs. */
  public WinBackStrategy() {
    this(Settings.defaults(ID, List.of()));
  }

  private WinBackStrategy(Settings settings) {
    super(ID, settings);
  }

  @Override
  WinBackStrategy with(Settings settings) {
    return new WinBackStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.EXIT);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    return actions(context)
        .add(
            new ActionType.Communication("exit conversation: learn what lured the customer away"),
            "exit: know the luring factor before setting barriers against it (seed 000)",
            Settings.CONTACT,
            40)
        .add(
            new ActionType.WinBack(),
            "exit: a targeted product against what lured the customer away (seed 000)",
            Settings.WIN_BACK,
            50)
        .list();
  }
}
