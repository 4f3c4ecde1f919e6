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
 * The seven-period customer relationship lifecycle of seed 002: exploration, socialization, growth,
 * maturity, danger, dissolution, interruption, in the phases establish, maintain and recover. Not
 * forward-only: a customer in danger recovers to growth, and dissolution and interruption both start
 * a new cycle in socialization when the customer does business again. Rules and parameters are
 * documented in {@code docs/models.md}.
 */
@AutoService(LifecycleModelProvider.class)
public final class RelationshipSevenPeriodProvider extends BaseModelProvider {
  /** The model id. */
  public static final String ID = "relationship-seven-period";

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("socialization.min-transactions", 1.0);
    d.put("growth.min-repeat-transactions", 2.0);
    d.put("maturity.min-transactions", 6.0);
    d.put("maturity.plateau-band", 0.1);
    d.putAll(EarlyWarning.defaults("danger"));
    d.put("interruption.inactivity-days", 180.0);
    d.put("dissolution.inactivity-days", 365.0);
    d.put("new-cycle.min-transactions", 1.0);
    return d;
  }

  /** Creates the provider. */
  public RelationshipSevenPeriodProvider() {
    super(ID, defaults());
  }

  @Override
  protected LifecycleModel build(Thresholds t) {
    double socialization = t.count("socialization.min-transactions", 1);
    double repeat = t.count("growth.min-repeat-transactions", 1);
    double maturityMin = t.count("maturity.min-transactions", 1);
    double band = t.fraction("maturity.plateau-band");
    EarlyWarning warning = EarlyWarning.read(t, "danger");
    double interruptionDays = t.positive("interruption.inactivity-days");
    t.requireBelow("danger.inactivity-days", "interruption.inactivity-days");
    double dissolutionDays = t.positive("dissolution.inactivity-days");
    double newCycle = t.count("new-cycle.min-transactions", 1);

    LifecycleModel.Builder b =
        LifecycleModel.builder(ID)
            .stage("exploration", StageFamily.PROSPECT)
            .stage("socialization", StageFamily.ONBOARDING)
            .stage("growth", StageFamily.GROWTH)
            .stage("maturity", StageFamily.MATURITY)
            .stage("danger", StageFamily.DECLINE)
            .stage("dissolution", StageFamily.EXIT)
            .stage("interruption", StageFamily.INTERRUPTION)
            .initial("exploration")
            .terminal("dissolution", "interruption")
            .forwardOnly(false)
            .manualMoves(true);
    b.rule("first-transaction").from("exploration").to("socialization").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(socialization));

    b.rule("socialization-closed").from("socialization").to("dissolution").priority(2)
        .when(EarlyWarning.closed());
    b.rule("repurchase").from("socialization").to("growth").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(repeat), Metric.OPEN_COMPLAINTS.atMost(0)));

    b.rule("growth-closed").from("growth").to("dissolution").priority(5)
        .when(EarlyWarning.closed());
    warning.addWarnings(b, "growth", "danger", 4);
    b.rule("plateau").from("growth").to("maturity").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(maturityMin),
                Metric.VOLUME_TREND.atLeast(-band),
                Metric.VOLUME_TREND.atMost(band)));

    b.rule("maturity-closed").from("maturity").to("dissolution").priority(4)
        .when(EarlyWarning.closed());
    warning.addWarnings(b, "maturity", "danger", 3);

    b.rule("danger-closed").from("danger").to("dissolution").priority(5)
        .when(EarlyWarning.closed());
    b.rule("recovery").from("danger").to("growth").priority(4).when(warning.recovered());
    b.rule("recovery-after-resolution").from("danger").to("growth").priority(3)
        .when(warning.recoveredAfterResolution());
    b.rule("dissolution-dormant").from("danger").to("dissolution").priority(2)
        .when(
            Condition.all(
                Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(dissolutionDays),
                Metric.PRODUCTS_HELD.atMost(0)));
    b.rule("line-ended").from("danger").to("interruption").priority(1)
        .when(
            Condition.all(
                Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(interruptionDays),
                Metric.PRODUCTS_HELD.atLeast(1)));

    b.rule("interruption-closed").from("interruption").to("dissolution").priority(2)
        .when(EarlyWarning.closed());
    Condition businessAgain =
        Condition.all(
            Metric.TRANSACTIONS_IN_STAGE.atLeast(newCycle), Metric.RELATIONSHIP_CLOSED.atMost(0));
    b.rule("new-cycle").from("interruption").to("socialization").priority(1).when(businessAgain);
    b.rule("win-back").from("dissolution").to("socialization").priority(1).when(businessAgain);
    return b.build();
  }
}
