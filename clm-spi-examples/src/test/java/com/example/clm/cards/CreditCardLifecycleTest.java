package com.example.clm.cards;

import io.clm.api.model.LifecycleModelProvider;
import io.clm.tck.LifecycleModelProviderContract;

/** The test kit's contract, run against the example. */
class CreditCardLifecycleTest extends LifecycleModelProviderContract {
  @Override
  protected LifecycleModelProvider createPlugin() {
    return new CreditCardLifecycle();
  }
}
