package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.CLM;
import static io.clm.spring.boot.autoconfigure.ClmContexts.TWO_PROPERTIES;
import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
  void aTimeoutThatIsNotPositiveOrBeyondAHundredYearsIsReportedAsThatProperty() {
    ApplicationContextRunner withStore = runner.withUserConfiguration(ClmContexts.H2.class);
    withStore.withPropertyValues("clm.store.health-timeout=0")
        .run(context -> assertRefused(context, "clm.store.health-timeout", "'PT0S'", "more than zero"));
    withStore.withPropertyValues("clm.store.health-timeout=-1s")
        .run(context -> assertRefused(context, "clm.store.health-timeout", "'PT-1S'", "more than zero"));
    withStore.withPropertyValues("clm.store.health-timeout=36501d")
        .run(context -> assertRefused(context, "clm.store.health-timeout", "'PT876024H'", "at most 36500 days"));
    withStore.withPropertyValues("clm.store.health-timeout=36500d")
        .run(context -> assertThat(context).hasNotFailed().hasBean("clmStoreHealthIndicator"));
    withStore.run(context -> assertThat(context.getBean(ClmProperties.class).getStore().getHealthTimeout())
        .as("the documented default").isEqualTo(Duration.ofSeconds(5)));
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

    StallingDataSource() {
      h2.setURL("jdbc:h2:mem:clm-stalling-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    }

    /** Every later connection fails with {@code e}. */
    void fail(SQLException e) {
      failure = e;
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
