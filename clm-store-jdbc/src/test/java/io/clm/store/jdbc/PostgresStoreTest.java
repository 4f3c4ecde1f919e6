package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
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
      onOwn.save(batch(OptionalLong.of(1), write("C-1", "a", T0, new long[] {1})));
      own.close();

      assertThatThrownBy(() -> onOwn.save(batch(OptionalLong.of(2), write("C-2", "b", T0, new long[] {2}))))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageStartingWith("store " + onOwn.id() + " could not save a batch of 1 customers: the database is unavailable")
          .extracting(e -> ((JdbcStoreException) e).kind())
          .isEqualTo(JdbcStoreException.Kind.UNAVAILABLE);
    } finally {
      onOwn.close();
    }
  }
}
