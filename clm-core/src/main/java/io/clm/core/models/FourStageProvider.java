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
 * The four-stage lifecycle of seed 003: exploration, formation, stability, decline. Not
 * forward-only: the decline stage's focus is to recover the relationship, so a recovering customer
 * returns to stability automatically. Rules and parameters are documented in {@code
 * docs/models.md}.
 */
@AutoService(LifecycleModelProvider.class)
public final class FourStageProvider extends BaseModelProvider {
  /** The model id. */
  public static final String ID = "four-stage";

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("formation.min-transactions", 1.0);
    d.put("stability.min-transactions", 5.0);
    d.put("stability.min-satisfaction", 7.0);
    d.putAll(EarlyWarning.defaults("decline"));
    return d;
  }

  /** Creates the provider. */
  public FourStageProvider() {
    super(ID, defaults());
  }

  @Override
  protected LifecycleModel build(Thresholds t) {
    double formationMin = t.count("formation.min-transactions", 1);
    double stabilityMin = t.count("stability.min-transactions", 1);
    double satisfaction = t.between("stability.min-satisfaction", 0, 10);
    EarlyWarning warning = EarlyWarning.read(t, "decline");
    LifecycleModel.Builder b =
        LifecycleModel.builder(ID)
            .stage("exploration", StageFamily.PROSPECT)
            .stage("formation", StageFamily.ONBOARDING)
            .stage("stability", StageFamily.MATURITY)
            .stage("decline", StageFamily.DECLINE)
            .initial("exploration")
            .forwardOnly(false)
            .manualMoves(true);
    b.rule("first-transaction").from("exploration").to("formation").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(formationMin));
    b.rule("satisfied-repeat-business").from("formation").to("stability").priority(1)
        .when(
            Condition.all(
                Metric.TRANSACTIONS_IN_STAGE.atLeast(stabilityMin),
                Metric.AVERAGE_SATISFACTION.atLeast(satisfaction).orMissing(),
                Metric.OPEN_COMPLAINTS.atMost(0)));
    warning.addWarnings(b, "stability", "decline", 3);
    b.rule("recovery").from("decline").to("stability").priority(2).when(warning.recovered());
    b.rule("recovery-after-resolution").from("decline").to("stability").priority(1)
        .when(warning.recoveredAfterResolution());
    return b.build();
  }
}
