package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.StoreFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {

  @Override
  String newDatabaseUrl() {
    return Databases.postgresDatabase();
  }

  @Override
  void afterFailedMigration() {
    // PostgreSQL runs each migration in a transaction: the failed one left no table behind and no
    // record of itself, so the store opens at version 1.
    store = JdbcStore.builder().url(url).build();
    assertThat(tableExists("clm_half_table")).isFalse();
    assertThat(tableExists("clm_customer")).isTrue();
  }

  boolean tableExists(String table) {
    try (Connection c = store.dataSource().getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
      boolean exists = rs.next();
      c.rollback();
      return exists;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aDatabaseThatGoesDownFailsTheBatchWithATypedError() throws Exception {
    EmbeddedPostgres own = EmbeddedPostgres.builder().start();
    JdbcStore onOwn = JdbcStore.builder().url(own.getJdbcUrl("postgres", "postgres")).build();
    try {
      onOwn.write(batch(Optional.of("1"), write("C-1", 1, "a", List.of())));
      own.close();

      assertThatThrownBy(() -> onOwn.write(batch(Optional.of("2"), write("C-2", 1, "b", List.of()))))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageStartingWith("store " + onOwn.id() + " could not write a batch of 1 customers: the database is unavailable")
          .extracting(e -> ((JdbcStoreException) e).kind())
          .isEqualTo(StoreFailure.UNAVAILABLE);
    } finally {
      onOwn.close();
    }
  }
}
