package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.StoreFailure;
import io.clm.api.spi.SeenEvent;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
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

  @Test
  void aBatchCutShortByAnErrorOnTheCallersAutoCommitConnectionsStoresNothing() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(Databases.h2(dir));
    // The caller's connections are in auto-commit mode; the history insert fails with an Error (a class missing from the driver), not an exception.
    JdbcStore borrowed = JdbcStore.builder().dataSource(failingOn("INSERT INTO clm_history", h2)).name("bank-pool").build();

    assertThatThrownBy(() -> borrowed.write(batch(Optional.of("p1"),
            write("C-1", 5, "a", List.of(new SeenEvent(1, 1, 1)), entry(0, "h0")))))
        .isInstanceOf(NoClassDefFoundError.class);

    assertThat(borrowed.load(id("C-1"))).isEmpty();
    assertThat(borrowed.position()).isEmpty();
    assertThat(borrowed.count()).isZero();
  }

  /**
   * The steps written in Java are recorded with their version as checksum and their description:
   * databases in use hold these rows, and Flyway refuses to open one whose rows differ from the
   * steps this code resolves.
   */
  @Test
  void theJavaSchemaStepsAreRecordedAsEveryReleaseRecordedThem() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT \"version\", \"description\", \"type\", \"checksum\" FROM \"clm_schema_history\""
                + " WHERE \"type\" = 'JDBC' ORDER BY \"installed_rank\"");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getObject(4));
      }
      c.rollback();
    }
    assertThat(rows).containsExactly(
        "5 | move seen events to clm_seen_batch | JDBC | 5",
        "6 | store the feed position as UTF-16 bytes | JDBC | 6");
    assertThat(new SeenEventsMigration().canExecuteInTransaction()).isTrue();
    assertThat(new PositionMigration().canExecuteInTransaction()).isTrue();
  }

  @Test
  void anH2OutOfMemoryIsAFullDatabase() {
    // org.h2.api.ErrorCode.OUT_OF_MEMORY, as H2 reports it when its heap runs out during a statement
    JdbcStoreException e = Failures.of("s", "write a batch of 1 customers", new SQLException("Out of memory.", "90108", 90108));

    assertThat(e.kind()).isEqualTo(StoreFailure.FULL);
    assertThat(e).hasMessage("store s could not write a batch of 1 customers: the database is out of space or resources"
        + " (SQLState 90108, SQLException)");
  }

  /** A data source whose statements on a table throw a {@link NoClassDefFoundError} when executed, as a driver whose jar went missing does. */
  private static DataSource failingOn(String table, DataSource real) {
    return proxy(DataSource.class, real, table);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object real, String table) {
    InvocationHandler handler = (self, method, args) -> {
      if (type == PreparedStatement.class && method.getName().startsWith("execute")) {
        throw new NoClassDefFoundError("org/h2/command/dml/Insert");
      }
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection c && type == DataSource.class) {
        return proxy(Connection.class, c, table);
      }
      if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
          && ((String) args[0]).contains(table)) {
        return proxy(PreparedStatement.class, ps, table);
      }
      return result;
    };
    return (T) Proxy.newProxyInstance(H2StoreTest.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
