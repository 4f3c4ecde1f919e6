package io.clm.core.tck;

import io.clm.api.model.LifecycleModelProvider;
import io.clm.core.models.RelationshipStatusProvider;
import io.clm.tck.LifecycleModelProviderContract;

/** The plugin test kit, run against a built-in lifecycle model. */
class RelationshipStatusProviderContractTest extends LifecycleModelProviderContract {
  @Override
  protected LifecycleModelProvider createPlugin() {
    return new RelationshipStatusProvider();
  }
}
