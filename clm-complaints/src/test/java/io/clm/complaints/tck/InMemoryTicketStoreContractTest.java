package io.clm.complaints.tck;

import io.clm.api.complaints.TicketStore;
import io.clm.complaints.InMemoryTicketStore;
import io.clm.tck.TicketStoreContract;

/** The test kit's ticket store contract on the reference, in-memory store. */
class InMemoryTicketStoreContractTest extends TicketStoreContract {
  @Override
  protected TicketStore createStore() {
    return new InMemoryTicketStore();
  }
}
