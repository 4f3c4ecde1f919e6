package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.StoreFailure;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which kind of failure each SQLState of H2 and PostgreSQL is, and what the message says of it:
 * a caller retries a conflict or an unavailable database, and gives up on the others.
 */
class FailuresTest {
  @Test
  void eachSqlStateIsItsKindOfFailure() {
    Map<String, StoreFailure> kinds = new LinkedHashMap<>();
    // H2: database closed, shut down, connection broken, in use; PostgreSQL: shutdowns, cannot connect now
    for (String state : new String[] {"90098", "90121", "90067", "90020", "57P01", "57P02", "57P03", "08006", "08001"}) {
      kinds.put(state, StoreFailure.UNAVAILABLE);
    }
    for (String state : new String[] {"40001", "40P01", "55P03", "90131", "HYT00"}) {
      kinds.put(state, StoreFailure.CONFLICT);
    }
    // H2 read-only; data exceptions, constraints, transaction state, syntax or privilege, check option
    for (String state : new String[] {"90097", "22001", "23505", "25006", "42501", "44000"}) {
      kinds.put(state, StoreFailure.REFUSED);
    }
    // H2 no disk space and out of memory; PostgreSQL insufficient resources, disk full
    for (String state : new String[] {"90100", "90108", "53000", "53100"}) {
      kinds.put(state, StoreFailure.FULL);
    }
    // other H2 and PostgreSQL states, and states that only share a digit with a class above
    for (String state : new String[] {"XX000", "90000", "57014", "40002", "24000", "43000", "45000", "52000", "21000", "09000", "80800"}) {
      kinds.put(state, StoreFailure.FAILED);
    }

    kinds.forEach((state, kind) ->
        assertThat(Failures.kind(new SQLException("m", state))).as("SQLState %s", state).isEqualTo(kind));
  }

  @Test
  void aConnectionExceptionIsAnUnavailableDatabaseWhateverItsSqlState() {
    assertThat(Failures.kind(new SQLTransientConnectionException("m", "23505"))).isEqualTo(StoreFailure.UNAVAILABLE);
    assertThat(Failures.kind(new SQLNonTransientConnectionException("m", (String) null))).isEqualTo(StoreFailure.UNAVAILABLE);
    assertThat(Failures.kind(new SQLException("m"))).isEqualTo(StoreFailure.FAILED);
  }

  @Test
  void theMessageNamesTheStoreTheOperationTheKindAndTheSqlStateButNotTheDatabasesOwnMessage() {
    record Case(SQLException e, StoreFailure kind, String detail) {}
    for (Case c : new Case[] {
        new Case(new SQLNonTransientConnectionException("Connection refused: db:5432", "08001"), StoreFailure.UNAVAILABLE,
            "the database is unavailable (SQLState 08001, SQLNonTransientConnectionException)"),
        new Case(new SQLException("no space left", "53100"), StoreFailure.FULL,
            "the database is out of space or resources (SQLState 53100, SQLException)"),
        new Case(new SQLException("duplicate key (customer_key)=(CUST0012345)", "23505"), StoreFailure.REFUSED,
            "the database refused it (SQLState 23505, SQLException)"),
        new Case(new SQLException("could not serialize access", "40001"), StoreFailure.CONFLICT,
            "another transaction conflicted with this write, nothing of it was stored; retrying the write may succeed"
                + " (SQLState 40001, SQLException)"),
        new Case(new SQLException("internal error", "XX000"), StoreFailure.FAILED,
            "the database failed (SQLState XX000, SQLException)"),
        new Case(new SQLException("no state"), StoreFailure.FAILED, "the database failed (SQLState null, SQLException)"),
    }) {
      JdbcStoreException failure = Failures.of("bank-db", "count the customers", c.e());
      assertThat(failure).hasMessage("store bank-db could not count the customers: " + c.detail()).hasCause(c.e());
      assertThat(failure.kind()).isEqualTo(c.kind());
      assertThat(failure.store()).isEqualTo("bank-db");
      assertThat(failure.operation()).isEqualTo("count the customers");
    }
  }
}
