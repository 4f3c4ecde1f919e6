package io.clm.retention.tck;

import io.clm.api.retention.RetentionStrategy;
import io.clm.retention.strategy.MaturityExtensionStrategy;
import io.clm.tck.RetentionStrategyContract;

/** The plugin test kit, run against a built-in plugin. */
class MaturityExtensionStrategyContractTest extends RetentionStrategyContract {
  @Override
  protected RetentionStrategy createPlugin() {
    return new MaturityExtensionStrategy();
  }
}
