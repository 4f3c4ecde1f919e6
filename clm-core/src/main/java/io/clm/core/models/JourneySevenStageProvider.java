package io.clm.core.models;

import com.google.auto.service.AutoService;
import io.clm.api.Condition;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.plugin.support.BaseModelProvider;
import io.clm.plugin.support.Thresholds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seven-stage customer journey of seed 001, applied there to personal lending: awareness,
 * interest, consideration, purchase, usage, loyalty, departure. A forward-only funnel: rules only
 * move a customer on (a purchase may skip the earlier funnel stages), and a departed customer comes
 * back only by a recorded manual move. Rules and parameters are documented in {@code
 * docs/models.md}.
 */
@AutoService(LifecycleModelProvider.class)
public final class JourneySevenStageProvider extends BaseModelProvider {
  /** The model id. */
  public static final String ID = "journey-seven-stage";

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("interest.min-interactions", 1.0);
    d.put("consideration.min-interactions", 3.0);
    d.put("purchase.min-products", 1.0);
    d.put("purchase.min-transactions", 1.0);
    d.put("usage.min-transactions", 1.0);
    d.put("loyalty.min-transactions", 12.0);
    d.put("loyalty.min-products", 2.0);
    d.put("loyalty.min-satisfaction", 8.0);
    d.put("departure.inactivity-days", 180.0);
    return d;
  }

  /** Creates the provider. */
  public JourneySevenStageProvider() {
    super(ID, defaults());
  }

  @Override
  protected LifecycleModel build(Thresholds t) {
    double interest = t.count("interest.min-interactions", 1);
    double consideration = t.count("consideration.min-interactions", 1);
    t.requireBelow("interest.min-interactions", "consideration.min-interactions");
    double purchaseProducts = t.count("purchase.min-products", 1);
    double purchaseTransactions = t.count("purchase.min-transactions", 1);
    double usage = t.count("usage.min-transactions", 1);
    double loyaltyTransactions = t.count("loyalty.min-transactions", 1);
    double loyaltyProducts = t.count("loyalty.min-products", 1);
    double satisfaction = t.between("loyalty.min-satisfaction", 0, 10);
    double departureDays = t.positive("departure.inactivity-days");

    Condition purchase =
        Condition.any(
            Metric.PRODUCTS_HELD.atLeast(purchaseProducts),
            Metric.TRANSACTIONS_IN_STAGE.atLeast(purchaseTransactions));
    Condition departure =
        Condition.all(
            Metric.PRODUCTS_HELD.atMost(0),
            Condition.any(
                EarlyWarning.closed(), Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(departureDays)));
    return LifecycleModel.builder(ID)
        .stage("awareness", StageFamily.PROSPECT)
        .stage("interest", StageFamily.PROSPECT)
        .stage("consideration", StageFamily.PROSPECT)
        .stage("purchase", StageFamily.ONBOARDING)
        .stage("usage", StageFamily.GROWTH)
        .stage("loyalty", StageFamily.MATURITY)
        .stage("departure", StageFamily.EXIT)
        .initial("awareness")
        .terminal("departure")
        .forwardOnly(true)
        .manualMoves(true)
        .rule("awareness-purchase").from("awareness").to("purchase").priority(2).when(purchase)
        .rule("interest").from("awareness").to("interest").priority(1)
        .when(Metric.INTERACTION_COUNT.atLeast(interest))
        .rule("interest-purchase").from("interest").to("purchase").priority(2).when(purchase)
        .rule("consideration").from("interest").to("consideration").priority(1)
        .when(Metric.INTERACTION_COUNT.atLeast(consideration))
        .rule("purchase").from("consideration").to("purchase").priority(1).when(purchase)
        .rule("purchase-departure").from("purchase").to("departure").priority(2).when(departure)
        .rule("usage").from("purchase").to("usage").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(usage))
        .rule("usage-departure").from("usage").to("departure").priority(2).when(departure)
        .rule("loyalty").from("usage").to("loyalty").priority(1)
        .when(
            Condition.all(
                Condition.any(
                    Metric.TRANSACTIONS_IN_STAGE.atLeast(loyaltyTransactions),
                    Metric.PRODUCTS_HELD.atLeast(loyaltyProducts)),
                Metric.AVERAGE_SATISFACTION.atLeast(satisfaction).orMissing(),
                Metric.OPEN_COMPLAINTS.atMost(0)))
        .rule("loyalty-departure").from("loyalty").to("departure").priority(1).when(departure)
        .build();
  }
}
