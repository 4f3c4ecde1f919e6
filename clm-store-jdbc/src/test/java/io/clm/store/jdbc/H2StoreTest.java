package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  String newDatabaseUrl() {
    return Databases.h2(dir);
  }

  @Override
  void afterFailedMigration() {
    // H2 commits DDL at once: Flyway records the migration as failed, and the store refuses to open
    // over it rather than run on a half-migrated schema.
    assertThatThrownBy(() -> JdbcStore.builder().url(url).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessage("store " + url + " could not open its schema: migration 900 (broken) failed half-way on this"
            + " database; restore a backup, or undo what it created and delete its row from clm_schema_history,"
            + " before opening it");
    url = newDatabaseUrl();
    store = JdbcStore.builder().url(url).build();
  }

  @Test
  void withoutAUrlTheStoreIsAnH2FileNextToTheApplication() {
    assertThat(JdbcStore.DEFAULT_URL).isEqualTo("jdbc:h2:./clm-data/clm");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsATypedErrorNamingTheStore() {
    String unreachable = "jdbc:h2:" + dir.resolve("missing") + ";IFEXISTS=TRUE";
    assertThatThrownBy(() -> JdbcStore.builder().url(unreachable).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store " + unreachable + " could not open a connection: ");
  }
}
