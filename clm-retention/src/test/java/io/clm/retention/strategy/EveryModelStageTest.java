package io.clm.retention.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Stage;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.retention.RetentionPlan;
import io.clm.api.retention.RetentionStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The built-in strategies cover every stage of every lifecycle model on the class path. */
class EveryModelStageTest {

  @Test
  void everyStageOfEveryBuiltInModelGetsAPlan() {
    List<RetentionStrategy> strategies = new ArrayList<>();
    ServiceLoader.load(RetentionStrategy.class).forEach(strategies::add);
    List<LifecycleModelProvider> providers = new ArrayList<>();
    ServiceLoader.load(LifecycleModelProvider.class).forEach(providers::add);
    assertThat(providers).extracting(LifecycleModelProvider::id).contains("banking-six-stage", "three-stage");
    int stages = 0;
    for (LifecycleModelProvider provider : providers) {
      LifecycleModel model = provider.create();
      for (Stage stage : model.stages()) {
        RetentionPlan plan = RetentionPlan.of(Contexts.context(stage.family(), true), strategies);
        assertThat(plan.actions()).as("%s / %s", provider.id(), stage.id()).isNotEmpty();
        stages++;
      }
    }
    assertThat(stages).isGreaterThanOrEqualTo(30);
  }
}
