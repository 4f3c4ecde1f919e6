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
 * The three-stage lifecycle of seeds 000 and 003: prospect, new customer, loyal customer.
 * Forward-only: the model describes how a relationship matures and has no stage to fall back to; a
 * relationship manager moves a customer back by hand. Rules and parameters are documented in {@code
 * docs/models.md}.
 */
@AutoService(LifecycleModelProvider.class)
public final class ThreeStageProvider extends BaseModelProvider {
  /** The model id. */
  public static final String ID = "three-stage";

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("new.min-transactions", 1.0);
    d.put("loyal.min-repeat-transactions", 3.0);
    d.put("loyal.min-satisfaction", 7.0);
    return d;
  }

  /** Creates the provider. */
  public ThreeStageProvider() {
    super(ID, defaults());
  }

  @Override
  protected LifecycleModel build(Thresholds t) {
    double newMin = t.count("new.min-transactions", 1);
    double repeat = t.count("loyal.min-repeat-transactions", 1);
    double satisfaction = t.between("loyal.min-satisfaction", 0, 10);
    return LifecycleModel.builder(ID)
        .stage("prospect", StageFamily.PROSPECT)
        .stage("new", StageFamily.ONBOARDING)
        .stage("loyal", StageFamily.MATURITY)
        .initial("prospect")
        .forwardOnly(true)
        .manualMoves(true)
        .rule("first-purchase").from("prospect").to("new").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(newMin))
        .rule("repeat-purchase").from("new").to("loyal").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(repeat),
                Metric.AVERAGE_SATISFACTION.atLeast(satisfaction).orMissing(),
                Metric.OPEN_COMPLAINTS.atMost(0)))
        .build();
  }
}
