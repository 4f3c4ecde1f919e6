package io.clm.store.jdbc;

import io.clm.api.complaints.TicketStore;
import io.clm.tck.TicketStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The test kit's ticket store contract on PostgreSQL. */
class PostgresTicketStoreContractTest extends TicketStoreContract {
  private final List<JdbcStore> opened = new ArrayList<>();

  @Override
  protected TicketStore createStore() {
    JdbcStore store = JdbcStore.builder().url(Databases.postgresDatabase()).maximumPoolSize(3).build();
    opened.add(store);
    return store.tickets();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }
}
