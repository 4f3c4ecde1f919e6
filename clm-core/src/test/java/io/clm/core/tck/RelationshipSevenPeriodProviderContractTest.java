package io.clm.core.tck;

import io.clm.api.model.LifecycleModelProvider;
import io.clm.core.models.RelationshipSevenPeriodProvider;
import io.clm.tck.LifecycleModelProviderContract;

/** The plugin test kit, run against a built-in lifecycle model. */
class RelationshipSevenPeriodProviderContractTest extends LifecycleModelProviderContract {
  @Override
  protected LifecycleModelProvider createPlugin() {
    return new RelationshipSevenPeriodProvider();
  }
}
