package io.clm.store.jdbc;

import io.clm.api.spi.CustomerStore;
import io.clm.tck.CustomerStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The test kit's store contract on H2 in a file. */
class H2CustomerStoreContractTest extends CustomerStoreContract {
  @TempDir Path dir;
  private final List<JdbcStore> opened = new ArrayList<>();

  @Override
  protected CustomerStore createStore() {
    JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(3).build();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }
}
