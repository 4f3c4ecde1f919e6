package io.clm.core.tck;

import io.clm.api.spi.CustomerStore;
import io.clm.tck.CustomerStoreContract;
import io.clm.tck.MemoryCustomerStore;

class MemoryCustomerStoreContractTest extends CustomerStoreContract {
  @Override
  protected CustomerStore createStore() {
    return new MemoryCustomerStore();
  }
}
