package io.clm.store.jdbc;

import io.clm.api.complaints.TicketStore;
import io.clm.tck.TicketStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The test kit's ticket store contract on an H2 file database. */
class H2TicketStoreContractTest extends TicketStoreContract {
  private final List<JdbcStore> opened = new ArrayList<>();
  @TempDir Path dir;

  @Override
  protected TicketStore createStore() {
    JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(3).build();
    opened.add(store);
    return store.tickets();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }
}
