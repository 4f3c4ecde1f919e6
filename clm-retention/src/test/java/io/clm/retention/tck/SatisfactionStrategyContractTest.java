package io.clm.retention.tck;

import io.clm.api.retention.RetentionStrategy;
import io.clm.retention.strategy.SatisfactionStrategy;
import io.clm.tck.RetentionStrategyContract;

/** The plugin test kit, run against a built-in plugin. */
class SatisfactionStrategyContractTest extends RetentionStrategyContract {
  @Override
  protected RetentionStrategy createPlugin() {
    return new SatisfactionStrategy();
  }
}
