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
 * The six-stage banking lifecycle of seed 000 (a large commercial bank's case): potential,
 * development, growth, maturity, decline, termination. Not forward-only: declining customers
 * recover to growth and terminated customers are won back into a new cycle automatically. Rules
 * and parameters are documented in {@code docs/models.md}.
 */
@AutoService(LifecycleModelProvider.class)
public final class BankingSixStageProvider extends BaseModelProvider {
  /** The model id. */
  public static final String ID = "banking-six-stage";

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("development.min-transactions", 1.0);
    d.put("growth.min-transactions", 5.0);
    d.put("growth.min-profit", 0.0);
    d.put("maturity.min-share-of-wallet", 0.5);
    d.putAll(EarlyWarning.defaults("decline"));
    d.put("termination.inactivity-days", 365.0);
    d.put("win-back.min-transactions", 1.0);
    return d;
  }

  /** Creates the provider. */
  public BankingSixStageProvider() {
    super(ID, defaults());
  }

  @Override
  protected LifecycleModel build(Thresholds t) {
    double developmentMin = t.count("development.min-transactions", 1);
    double growthMin = t.count("growth.min-transactions", 1);
    double minProfit = t.value("growth.min-profit");
    double share = t.fraction("maturity.min-share-of-wallet");
    EarlyWarning warning = EarlyWarning.read(t, "decline");
    double dormantDays = t.positive("termination.inactivity-days");
    double winBack = t.count("win-back.min-transactions", 1);
    Condition dormant =
        Condition.all(
            Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(dormantDays), Metric.PRODUCTS_HELD.atMost(0));

    LifecycleModel.Builder b =
        LifecycleModel.builder(ID)
            .stage("potential", StageFamily.PROSPECT)
            .stage("development", StageFamily.ONBOARDING)
            .stage("growth", StageFamily.GROWTH)
            .stage("maturity", StageFamily.MATURITY)
            .stage("decline", StageFamily.DECLINE)
            .stage("termination", StageFamily.EXIT)
            .initial("potential")
            .terminal("termination")
            .forwardOnly(false)
            .manualMoves(true);
    b.rule("first-transaction").from("potential").to("development").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(developmentMin));

    b.rule("development-closed").from("development").to("termination").priority(3)
        .when(EarlyWarning.closed());
    b.rule("development-dormant").from("development").to("termination").priority(2).when(dormant);
    b.rule("repeat-business").from("development").to("growth").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(growthMin),
                Metric.PROFIT.above(minProfit).orMissing()));

    b.rule("growth-closed").from("growth").to("termination").priority(5)
        .when(EarlyWarning.closed());
    warning.addWarnings(b, "growth", "decline", 4);
    b.rule("share-of-wallet").from("growth").to("maturity").priority(1)
        .when(Metric.SHARE_OF_WALLET.atLeast(share));

    b.rule("maturity-closed").from("maturity").to("termination").priority(4)
        .when(EarlyWarning.closed());
    warning.addWarnings(b, "maturity", "decline", 3);

    b.rule("decline-closed").from("decline").to("termination").priority(4)
        .when(EarlyWarning.closed());
    b.rule("recovery").from("decline").to("growth").priority(3).when(warning.recovered());
    b.rule("recovery-after-resolution").from("decline").to("growth").priority(2)
        .when(warning.recoveredAfterResolution());
    b.rule("dormancy").from("decline").to("termination").priority(1).when(dormant);

    b.rule("win-back").from("termination").to("development").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(winBack),
                Metric.DAYS_SINCE_LAST_TRANSACTION.below(dormantDays),
                Metric.RELATIONSHIP_CLOSED.atMost(0)));
    return b.build();
  }
}
