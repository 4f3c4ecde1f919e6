package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoredCustomer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a write is reported stored depends on its commit alone: a connection that fails to be
 * handed back after the commit does not turn a stored write into a failed one, and a failure up to
 * and at the commit is reported and stores nothing.
 */
class ConnectionReleaseTest {
  /** A customer id as a bank writes it; no log line may carry it. */
  private static final String CUSTOMER = "CUST0012345";

  @TempDir Path dir;

  private JdbcDataSource h2;
  private JdbcStore plain;

  /** Which step of a connection's use fails, once armed. */
  private enum Fault { NONE, COMMIT, RESTORE_AUTO_COMMIT, CLOSE }

  private Fault fault = Fault.NONE;

  @BeforeEach
  void open() {
    h2 = new JdbcDataSource();
    h2.setURL(Databases.h2(dir));
    plain = JdbcStore.builder().dataSource(h2).name("plain").build();
  }

  private JdbcStore faulty() {
    return JdbcStore.builder().dataSource(faulty(h2)).name("bank-pool").build();
  }

  @Test
  void aCommittedWriteWhoseAutoCommitCannotBeRestoredIsReportedStoredAndLogged() {
    JdbcStore store = faulty();
    fault = Fault.RESTORE_AUTO_COMMIT;

    String log = logOf(() -> store.write(StoreContract.batch(Optional.of("p1"),
        StoreContract.write(CUSTOMER, 5, "a", List.of(new SeenEvent(1, 2, 3))))));

    assertStored();
    assertThat(log).isEqualTo("WARN io.clm.store.jdbc.JdbcStore - store bank-pool committed the transaction to write a"
        + " batch of 1 customers, then could not restore auto-commit on its connection (SQLState 08006, SQLException)"
        + System.lineSeparator());
  }

  @Test
  void aCommittedWriteWhoseConnectionFailsToCloseIsReportedStoredAndLogged() {
    JdbcStore store = faulty();
    fault = Fault.CLOSE;

    String log = logOf(() -> store.write(StoreContract.batch(Optional.of("p1"),
        StoreContract.write(CUSTOMER, 5, "a", List.of(new SeenEvent(1, 2, 3))))));

    assertStored();
    assertThat(log).isEqualTo("WARN io.clm.store.jdbc.JdbcStore - store bank-pool committed the transaction to write a"
        + " batch of 1 customers, then could not close its connection (SQLState 08003, SQLException)"
        + System.lineSeparator());
  }

  /** What the store logs while the action runs (the tests' logger writes to standard error). */
  private static String logOf(Runnable action) {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWriteWhoseCommitFailsIsReportedFailedAndStoresNothing() {
    JdbcStore store = faulty();
    fault = Fault.COMMIT;

    assertThatThrownBy(() -> store.write(StoreContract.batch(Optional.of("p1"),
            StoreContract.write("C-1", 5, "a", List.of(new SeenEvent(1, 2, 3))))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessage("store bank-pool could not write a batch of 1 customers: the database is unavailable"
            + " (SQLState 08006, SQLException)");

    assertThat(plain.load(StoreContract.id("C-1"))).isEmpty();
    assertThat(plain.position()).isEmpty();
  }

  @Test
  void aWriteThatFailsIsReportedFailedEvenWhenItsConnectionThenFailsToClose() {
    JdbcStore store = faulty();
    plain.write(StoreContract.batch(Optional.empty(), StoreContract.write("C-1", 5, "a", List.of(), StoreContract.entry(0, "h0"))));
    fault = Fault.CLOSE;

    // History entry 0 of C-1 is already stored: the database refuses the write.
    assertThatThrownBy(() -> store.write(StoreContract.batch(Optional.of("p1"),
            StoreContract.write("C-1", 6, "b", List.of(), StoreContract.entry(0, "h0-again")))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("store bank-pool could not write a batch of 1 customers: the database refused it")
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("the connection could not be closed"));

    assertThat(plain.load(StoreContract.id("C-1")).orElseThrow().record().dueAt()).isEqualTo(5);
    assertThat(plain.position()).isEmpty();
  }

  private void assertStored() {
    StoredCustomer c = plain.load(StoreContract.id(CUSTOMER)).orElseThrow();
    assertThat(c.record().dueAt()).isEqualTo(5);
    assertThat(c.record().state()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    assertThat(c.seen()).containsExactly(new SeenEvent(1, 2, 3));
    assertThat(plain.position()).contains("p1");
  }

  /** The data source, whose connections fail at the step {@link #fault} names. */
  private DataSource faulty(DataSource real) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (self, method, args) -> {
          Object result = invoke(real, method, args);
          return result instanceof Connection c ? faulty(c) : result;
        });
  }

  private Connection faulty(Connection real) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (self, method, args) -> {
          switch (method.getName()) {
            case "commit" -> {
              if (fault == Fault.COMMIT) {
                throw new SQLException("the connection broke before the commit", "08006");
              }
            }
            case "setAutoCommit" -> {
              if (fault == Fault.RESTORE_AUTO_COMMIT && (Boolean) args[0]) {
                throw new SQLException("the connection broke after the commit", "08006");
              }
            }
            case "close" -> {
              if (fault == Fault.CLOSE) {
                real.close();
                throw new SQLException("the connection could not be closed", "08003");
              }
            }
            default -> {
              // passed on
            }
          }
          return invoke(real, method, args);
        });
  }

  private static Object invoke(Object real, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
