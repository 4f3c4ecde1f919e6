package io.clm.store.jdbc;

import io.clm.api.spi.CustomerStore;
import io.clm.tck.CustomerStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The test kit's store contract on PostgreSQL. */
class PostgresCustomerStoreContractTest extends CustomerStoreContract {
  private final List<JdbcStore> opened = new ArrayList<>();

  @Override
  protected CustomerStore createStore() {
    JdbcStore store = JdbcStore.builder().url(Databases.postgresDatabase()).maximumPoolSize(3).build();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }
}
