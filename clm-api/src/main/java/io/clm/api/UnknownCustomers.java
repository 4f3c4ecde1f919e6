package io.clm.api;

import io.clm.api.annotation.Stable;

/** What the engine does with an event for a customer it does not know. */
@Stable
public enum UnknownCustomers {
  /** Create the customer in the model's initial stage (the default). */
  CREATE,
  /**
   * Reject the event with {@link UnknownCustomerException}; customers must be registered first
   * with {@link LifecycleEngine#register}.
   */
  REJECT
}
