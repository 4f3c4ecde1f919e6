package io.clm.retention.strategy;

import com.google.auto.service.AutoService;
import io.clm.api.StageFamily;
import io.clm.api.event.ProductType;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * After an interruption: one line of business ended while the customer may continue in another, so
 * a new cycle can start (seed 002, 中断期). Proposes a service contact to close the ended line
 * cleanly and, with marketing consent, a cross-sell of the first product type (in {@link
 * ProductType} order) the customer has never held: neither held now nor closed. A line that has
 * just ended is not offered again. Credit (a loan, a card, an unclassified product) is never sold to
 * a customer in difficulty (credit score below 500, flagged vulnerable) or without a known credit
 * score, whatever the consent: the first type never held that is not credit is offered instead.
 * When no type is left, there is no cross-sell.
 */
@AutoService(RetentionStrategy.class)
public final class NewLineOfBusinessStrategy extends BuiltInStrategy {

  /** The id, {@value}. */
  public static final String ID = "new-line-of-business";

  /** Creates the strategy with the default costs. */
  public NewLineOfBusinessStrategy() {
    this(Settings.defaults(ID, List.of()));
  }

  private NewLineOfBusinessStrategy(Settings settings) {
    super(ID, settings);
  }

  @Override
  NewLineOfBusinessStrategy with(Settings settings) {
    return new NewLineOfBusinessStrategy(settings);
  }

  @Override
  public Set<StageFamily> families() {
    return EnumSet.of(StageFamily.INTERRUPTION);
  }

  @Override
  public List<RetentionAction> propose(RetentionContext context) {
    Actions actions =
        actions(context)
            .add(
                new ActionType.Communication("close the ended line of business cleanly"),
                "interruption: a clean ending keeps the door open for a new cycle (seed 002)",
                Settings.CONTACT,
                40);
    ProductType next = firstNeverHeld(context);
    if (next != null) {
      actions.add(
          new ActionType.CrossSell(next),
          "interruption: a new line of business starts a new cycle (seed 002)",
          Settings.SALE,
          60);
    }
    return actions.list();
  }

  /** The first product type neither held now nor closed that may be sold to the customer, or null. */
  private static ProductType firstNeverHeld(RetentionContext context) {
    for (ProductType p : ProductType.values()) {
      if (context.customer().metrics().productsHeld(p) == 0
          && context.customer().metrics().productsClosed(p) == 0
          && ResponsibleLending.maySell(context, p)) {
        return p;
      }
    }
    return null;
  }
}
