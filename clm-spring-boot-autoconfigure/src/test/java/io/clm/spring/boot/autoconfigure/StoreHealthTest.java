package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.CLM;
import static io.clm.spring.boot.autoconfigure.ClmContexts.TWO_PROPERTIES;
import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's health over a database that stops answering, and the bound on how long it waits. */
class StoreHealthTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(CLM)
      .withPropertyValues(TWO_PROPERTIES)
      // No scheduled advance reads the store while the test holds the database up.
      .withPropertyValues("clm.scheduling.enabled=false");

  @Test
  void aDatabaseThatDoesNotAnswerIsDownOnceTheTimeoutHasPassed() {
    runner.withUserConfiguration(Stalling.class).withPropertyValues("clm.store.health-timeout=300ms").run(context -> {
      StallingDataSource database = context.getBean(StallingDataSource.class);
      HealthIndicator store = context.getBean("clmStoreHealthIndicator", HealthIndicator.class);
      assertThat(store.health().getStatus()).isEqualTo(Status.UP);

      database.stall();
      try {
        long started = System.nanoTime();
        Health first = assertTimeoutPreemptively(Duration.ofSeconds(10), store::health, "the health request");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time waited").isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(first.getDetails()).containsKey("store").hasEntrySatisfying("error",
            error -> assertThat(error).asString().startsWith("timed out after PT0.3S (clm.store.health-timeout)"));

        Health second = assertTimeoutPreemptively(Duration.ofSeconds(10), store::health, "the next health request");
        assertThat(second.getStatus()).isEqualTo(Status.DOWN);
        assertThat(database.stalled()).as("connections asked for while the database does not answer").hasValue(1);
        assertThat(Thread.getAllStackTraces().keySet()).as("the check's thread")
            .filteredOn(t -> t.getName().equals("clm-store-health")).singleElement()
            .satisfies(t -> assertThat(t.isDaemon()).as("a daemon").isTrue());
      } finally {
        database.answer();
      }
      Health health = store.health();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!health.getStatus().equals(Status.UP) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        health = store.health();
      }
      assertThat(health.getStatus()).as("once the database answers again").isEqualTo(Status.UP);
    });
  }

  @Test
  void aQueryThatDoesNotReturnIsCancelledByTheDatabaseAfterTheTimeoutAndItsConnectionClosed() {
    // 300 ms, as a JDBC query timeout rounded up to whole seconds: one second.
    runner.withUserConfiguration(ClmContexts.H2.class).withPropertyValues("clm.store.health-timeout=300ms").run(context -> {
      JdbcDataSource database = context.getBean(JdbcDataSource.class);
      HealthIndicator store = context.getBean("clmStoreHealthIndicator", HealthIndicator.class);
      assertThat(store.health().getStatus()).isEqualTo(Status.UP);
      try (Connection admin = database.getConnection(); Statement sql = admin.createStatement()) {
        int sessionsBefore = sessions(sql);
        // The check's query reads a view in place of the history table, which the database works
        // on without end, as a query held up by a lock does: the connection answers, the query not.
        sql.execute("ALTER TABLE \"clm_schema_history\" RENAME TO \"clm_schema_history_kept\"");
        sql.execute("CREATE VIEW \"clm_schema_history\" AS SELECT \"version\", \"success\", \"installed_rank\""
            + " FROM \"clm_schema_history_kept\" WHERE (SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000000) A,"
            + " SYSTEM_RANGE(1, 1000000000) B WHERE A.X <> B.X) > 0");
        try {
          Health health = assertTimeoutPreemptively(Duration.ofSeconds(10), store::health, "the health request");
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).hasEntrySatisfying("error",
              error -> assertThat(error).asString().startsWith("timed out after PT0.3S (clm.store.health-timeout)"));
          assertThat(checksRunning(sql)).as("checks running on the database after the health request").isEqualTo(1);

          long deadline = System.nanoTime() + 10_000_000_000L;
          while (checksRunning(sql) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertThat(checksRunning(sql)).as("checks running on the database 10 s later").isZero();
          assertThat(sessions(sql)).as("sessions open once the check has returned").isEqualTo(sessionsBefore);
        } finally {
          sql.execute("CALL CANCEL_SESSION((SELECT MAX(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS"
              + " WHERE EXECUTING_STATEMENT LIKE '%clm_schema_history%' AND SESSION_ID <> SESSION_ID()))");
          sql.execute("DROP VIEW \"clm_schema_history\"");
          sql.execute("ALTER TABLE \"clm_schema_history_kept\" RENAME TO \"clm_schema_history\"");
        }
      }
    });
  }

  @Test
  void theQueryTimeoutIsTheHealthTimeoutInWholeSecondsRoundedUp() {
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofNanos(1))).isEqualTo(1);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofMillis(300))).isEqualTo(1);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofSeconds(1))).isEqualTo(1);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofMillis(1001))).isEqualTo(2);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofSeconds(5))).isEqualTo(5);
    // H2 counts the timeout in milliseconds in an int: 2,147,483,647 ms.
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofSeconds(2_147_482).plusNanos(1))).isEqualTo(2_147_483);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofSeconds(2_147_483))).isEqualTo(2_147_483);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofSeconds(2_147_483).plusNanos(1))).isEqualTo(2_147_483);
    assertThat(StoreHealth.queryTimeoutSeconds(Duration.ofDays(36_500))).isEqualTo(2_147_483);
  }

  @Test
  void theCheckLeavesTheQueryTimeoutOfAPooledConnectionAsItWas() {
    // H2 sets a statement's query timeout on its whole connection, which the pool hands out again.
    runner.withUserConfiguration(Pooled.class).withPropertyValues("clm.store.health-timeout=300ms").run(context -> {
      HikariDataSource pool = context.getBean(HikariDataSource.class);
      HealthIndicator store = context.getBean("clmStoreHealthIndicator", HealthIndicator.class);
      assertThat(store.health().getStatus()).isEqualTo(Status.UP);
      try (Connection first = pool.getConnection(); Statement a = first.createStatement();
          Connection second = pool.getConnection(); Statement b = second.createStatement()) {
        assertThat(List.of(a.getQueryTimeout(), b.getQueryTimeout())).as("the query timeouts of the pool's two connections, in seconds")
            .containsExactly(60, 60);
      }
    });
  }

  /** Sessions of the database executing the check's query. */
  private static int checksRunning(Statement sql) throws SQLException {
    try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
        + " WHERE EXECUTING_STATEMENT LIKE '%clm_schema_history%' AND SESSION_ID <> SESSION_ID()")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static int sessions(Statement sql) throws SQLException {
    try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void aFailedConnectionIsDownWithItsClassAndSqlStateButNotTheDriversMessage() {
    runner.withUserConfiguration(Stalling.class).run(context -> {
      StallingDataSource database = context.getBean(StallingDataSource.class);
      HealthIndicator store = context.getBean("clmStoreHealthIndicator", HealthIndicator.class);
      database.fail(new SQLException("password authentication failed for user \"anna.smith\"", "28P01"));
      Health health = store.health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails())
          .containsKey("store")
          .containsEntry("error", "java.sql.SQLException")
          .containsEntry("sqlState", "28P01");
      assertThat(health.getDetails().toString()).doesNotContain("anna.smith");
    });
  }

  @Test
  void aDataSourceThatFailsWithARuntimeExceptionIsDownWithItsClassButNotItsMessage() {
    // Thrown on, it would fail the whole health endpoint instead of reporting this component.
    runner.withUserConfiguration(Stalling.class).run(context -> {
      StallingDataSource database = context.getBean(StallingDataSource.class);
      HealthIndicator store = context.getBean("clmStoreHealthIndicator", HealthIndicator.class);
      database.fail(new IllegalStateException("no database for the branch of anna.smith"));
      Health health = store.health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails())
          .containsKey("store")
          .containsEntry("error", "java.lang.IllegalStateException")
          .doesNotContainKey("sqlState");
      assertThat(health.getDetails().toString()).doesNotContain("anna.smith");
    });
  }

  @Test
  void aHealthRequestInterruptedWhileItWaitsIsDownAndKeepsTheInterrupt() {
    runner.withUserConfiguration(Stalling.class).run(context -> {
      StallingDataSource database = context.getBean(StallingDataSource.class);
      HealthIndicator store = context.getBean("clmStoreHealthIndicator", HealthIndicator.class);
      database.stall();
      try {
        Thread.currentThread().interrupt();
        Health health = store.health();
        assertThat(Thread.interrupted()).as("the request's interrupt, kept").isTrue();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("store").hasEntrySatisfying("error",
            error -> assertThat(error).asString().startsWith("interrupted while waiting for the check started at "));
      } finally {
        Thread.interrupted();
        database.answer();
      }
    });
  }

  @Test
  void aTimeoutThatIsNotPositiveOrBeyondAHundredYearsIsReportedAsThatProperty() {
    ApplicationContextRunner withStore = runner.withUserConfiguration(ClmContexts.H2.class);
    withStore.withPropertyValues("clm.store.health-timeout=0")
        .run(context -> assertRefused(context, "clm.store.health-timeout", "'PT0S'", "more than zero"));
    withStore.withPropertyValues("clm.store.health-timeout=-1s")
        .run(context -> assertRefused(context, "clm.store.health-timeout", "'PT-1S'", "more than zero"));
    withStore.withPropertyValues("clm.store.health-timeout=36501d")
        .run(context -> assertRefused(context, "clm.store.health-timeout", "'PT876024H'", "at most 36500 days"));
    // The longest timeout, more seconds than a JDBC query timeout can hold, is the longest that can.
    withStore.withPropertyValues("clm.store.health-timeout=36500d").run(context -> assertThat(
        context.getBean("clmStoreHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP));
    withStore.run(context -> assertThat(context.getBean(ClmProperties.class).getStore().getHealthTimeout())
        .as("the documented default").isEqualTo(Duration.ofSeconds(5)));
  }

  @Configuration(proxyBeanMethods = false)
  static class Pooled {
    @Bean
    HikariDataSource dataSource() {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl("jdbc:h2:mem:clm-pooled-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
      pool.setMaximumPoolSize(2);
      pool.setConnectionInitSql("SET QUERY_TIMEOUT 60000");
      return pool;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Stalling {
    @Bean
    StallingDataSource dataSource() {
      return new StallingDataSource();
    }
  }

  /** An in-memory database whose connections can be held up until it is told to answer again. */
  static final class StallingDataSource implements DataSource {
    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicInteger stalled = new AtomicInteger();
    private volatile CountDownLatch answer;
    private volatile SQLException failure;
    private volatile RuntimeException runtimeFailure;

    StallingDataSource() {
      h2.setURL("jdbc:h2:mem:clm-stalling-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    }

    /** Every later connection fails with {@code e}. */
    void fail(SQLException e) {
      failure = e;
    }

    /** Every later connection fails with {@code e}, as a data source that routes to others may. */
    void fail(RuntimeException e) {
      runtimeFailure = e;
    }

    void stall() {
      answer = new CountDownLatch(1);
    }

    void answer() {
      CountDownLatch latch = answer;
      answer = null;
      latch.countDown();
    }

    /** Connections asked for since the database stalled. */
    AtomicInteger stalled() {
      return stalled;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (failure != null) {
        throw failure;
      }
      if (runtimeFailure != null) {
        throw runtimeFailure;
      }
      CountDownLatch latch = answer;
      if (latch != null) {
        stalled.incrementAndGet();
        try {
          latch.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while the database did not answer", e);
        }
      }
      return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
