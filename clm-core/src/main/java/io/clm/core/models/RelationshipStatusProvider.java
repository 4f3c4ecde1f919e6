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
 * The coarse relationship status of seed 004's existing-customer management: potential, active,
 * churned. Not forward-only: a churned customer who does business again is reactivated (the
 * win-back the seed's classification exists for). Rules and parameters are documented in {@code
 * docs/models.md}.
 */
@AutoService(LifecycleModelProvider.class)
public final class RelationshipStatusProvider extends BaseModelProvider {
  /** The model id. */
  public static final String ID = "relationship-status";

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("active.min-transactions", 1.0);
    d.put("churn.inactivity-days", 180.0);
    d.put("reactivation.min-transactions", 1.0);
    return d;
  }

  /** Creates the provider. */
  public RelationshipStatusProvider() {
    super(ID, defaults());
  }

  @Override
  protected LifecycleModel build(Thresholds t) {
    double activeMin = t.count("active.min-transactions", 1);
    double churnDays = t.positive("churn.inactivity-days");
    double reactivation = t.count("reactivation.min-transactions", 1);
    return LifecycleModel.builder(ID)
        .stage("potential", StageFamily.PROSPECT)
        .stage("active", StageFamily.GROWTH)
        .stage("churned", StageFamily.EXIT)
        .initial("potential")
        .terminal("churned")
        .forwardOnly(false)
        .manualMoves(true)
        .rule("activation").from("potential").to("active").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(activeMin))
        .rule("closure").from("active").to("churned").priority(2)
        .when(EarlyWarning.closed())
        .rule("inactivity").from("active").to("churned").priority(1)
        .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(churnDays))
        .rule("reactivation").from("churned").to("active").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(reactivation),
                Metric.DAYS_SINCE_LAST_TRANSACTION.below(churnDays),
                Metric.RELATIONSHIP_CLOSED.atMost(0)))
        .build();
  }
}
