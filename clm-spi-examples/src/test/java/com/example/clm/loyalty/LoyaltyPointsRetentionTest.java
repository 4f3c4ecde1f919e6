package com.example.clm.loyalty;

import io.clm.api.retention.RetentionStrategy;
import io.clm.tck.RetentionStrategyContract;

/** The test kit's contract, run against the example. */
class LoyaltyPointsRetentionTest extends RetentionStrategyContract {
  @Override
  protected RetentionStrategy createPlugin() {
    return new LoyaltyPointsRetention();
  }
}
