package io.clm.retention.tck;

import io.clm.api.retention.RetentionStrategy;
import io.clm.retention.strategy.CrossUpSellStrategy;
import io.clm.tck.RetentionStrategyContract;

/** The plugin test kit, run against a built-in plugin. */
class CrossUpSellStrategyContractTest extends RetentionStrategyContract {
  @Override
  protected RetentionStrategy createPlugin() {
    return new CrossUpSellStrategy();
  }
}
