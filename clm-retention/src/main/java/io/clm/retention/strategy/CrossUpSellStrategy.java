package io.clm.retention.strategy;

import com.google.auto.service.AutoService;
import io.clm.api.StageFamily;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Growth: repeat business and widening use (seed 002: cross-selling and up-selling; seed 000, 成长期:
 * active communication, clear duties and rights, prepare personalised service). Proposes a
 * relationship review, a cross-sell of the first product type the customer does not hold (in {@link
 * ProductType} order) and an up-sell of the product type the customer uses most. Credit (a loan, a
 * card, an unclassified product) is never sold to a customer in difficulty (credit score below 500,
 * flagged vulnerable) or without a known credit score, whatever the consent: the cross-sell is then
 * the first type not held that is not credit, the up-sell the most-used type that is not credit, and
 * there is none when no such type exists.
 */
@AutoService(RetentionStrategy.class)
public final class CrossUpSellStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "cross-up-sell";

  /** Creates the strategy with the default costs. */
  public CrossUpSellStrategy() {
    this(Settings.defaults(ID, List.of()));
  }

  private CrossUpSellStrategy(Settings settings) {
    super(ID, settings);
  }

  @Override
  CrossUpSellStrategy with(Settings settings) {
    return new CrossUpSellStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.GROWTH);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    Actions actions = actions(context);
    actions.add(
        new ActionType.Communication("relationship review: clarify duties and rights, prepare personalised service"),
        "growth: active communication prepares personalised service (seed 000)",
        Settings.CONTACT,
        50);
    ProductType notHeld = firstNotHeld(context);
    if (notHeld != null) {
      actions.add(
          new ActionType.CrossSell(notHeld),
          "growth: widen use with a product type the customer does not hold (seed 002)",
          Settings.SALE,
          60);
    }
    ProductType mostUsed = mostUsed(context);
    if (mostUsed != null) {
      actions.add(
          new ActionType.UpSell(mostUsed),
          "growth: upgrade the product the customer uses most (seed 002)",
          Settings.SALE,
          55);
    }
    return actions.list();
  }

  private static ProductType firstNotHeld(RetentionContext context) {
    for (ProductType p : ProductType.values()) {
      if (context.customer().metrics().productsHeld(p) == 0 && ResponsibleLending.maySell(context, p)) {
        return p;
      }
    }
    return null;
  }

  private static ProductType mostUsed(RetentionContext context) {
    ProductType best = null;
    long bestCount = 0;
    for (ProductType p : ProductType.values()) {
      long count =
          context.customer().metrics().transactionCount(p, Direction.DEBIT)
              + context.customer().metrics().transactionCount(p, Direction.CREDIT);
      if (context.customer().metrics().productsHeld(p) > 0 && ResponsibleLending.maySell(context, p) && count > bestCount) {
        best = p;
        bestCount = count;
      }
    }
    return best;
  }
}
