package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.spi.CustomerStore;
import io.clm.store.jdbc.JdbcStore;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Which DataSource holds the engine's state, and what happens when none can be chosen. */
class DataSourceChoiceTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmContexts.CLM)
      .withPropertyValues(ClmContexts.TWO_PROPERTIES);

  @Test
  void twoDataSourcesWithoutAPrimaryStopTheStartWhenTheDataSourceIsAskedFor() {
    runner.withPropertyValues("clm.store.use-data-source=true").withUserConfiguration(TwoDatabases.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(InvalidConfigurationPropertyValueException.class)
          .message()
          .contains("clm.store.use-data-source", "2 DataSource beans", "none of them is primary");
    });
  }

  @Test
  void noDataSourceStopsTheStartWhenTheDataSourceIsAskedFor() {
    runner.withPropertyValues("clm.store.use-data-source=true").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(InvalidConfigurationPropertyValueException.class)
          .message()
          .contains("clm.store.use-data-source", "no DataSource bean");
    });
  }

  @Test
  void twoDataSourcesWithoutAPrimaryLeaveTheEngineInMemoryWithAWarning() {
    try (CapturedLog log = new CapturedLog(DataSourceChoice.class)) {
      runner.withUserConfiguration(TwoDatabases.class).run(context -> {
        assertThat(context).hasNotFailed().doesNotHaveBean(CustomerStore.class);
        assertThat(log.messages(Level.INFO)).singleElement().asString()
            .contains("keeps its state in memory", "2 DataSource beans", "none of them is primary");
      });
    }
  }

  @Test
  void aPrimaryDataSourceHoldsTheEngineState() {
    try (CapturedLog log = new CapturedLog(DataSourceChoice.class)) {
      runner.withPropertyValues("clm.store.use-data-source=true").withUserConfiguration(TwoDatabases.class, PrimaryDatabase.class)
          .run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JdbcStore.class);
            assertThat(log.messages(Level.INFO)).isEmpty();
          });
    }
  }

  @Test
  void noDataSourceLeavesTheEngineInMemoryWithoutAWord() {
    try (CapturedLog log = new CapturedLog(DataSourceChoice.class)) {
      runner.run(context -> {
        assertThat(context).hasNotFailed().doesNotHaveBean(CustomerStore.class);
        assertThat(log.messages(Level.INFO)).isEmpty();
      });
    }
  }

  @Test
  void dataSourcesLeftAloneLeaveTheEngineInMemoryWithoutAWord() {
    try (CapturedLog log = new CapturedLog(DataSourceChoice.class)) {
      runner.withPropertyValues("clm.store.use-data-source=false").withUserConfiguration(TwoDatabases.class).run(context -> {
        assertThat(context).hasNotFailed().doesNotHaveBean(CustomerStore.class);
        assertThat(log.messages(Level.INFO)).isEmpty();
      });
    }
  }

  @Test
  void aDataSourceThatIsNoCandidateLeavesTheEngineInMemoryWithoutAWordUnlessTheDataSourceIsAskedFor() {
    try (CapturedLog log = new CapturedLog(DataSourceChoice.class)) {
      runner.withUserConfiguration(NoCandidate.class).run(context -> {
        assertThat(context).hasNotFailed().doesNotHaveBean(CustomerStore.class);
        assertThat(log.messages(Level.INFO)).isEmpty();
      });
    }
    runner.withPropertyValues("clm.store.use-data-source=true").withUserConfiguration(NoCandidate.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(InvalidConfigurationPropertyValueException.class)
          .message()
          .contains("clm.store.use-data-source", "its DataSource bean [hiddenDatabase] is not a candidate for injection");
    });
  }

  @Test
  void withoutTheJdbcStoreTheDataSourceAskedForStopsTheStartSayingSo() {
    runner.withClassLoader(new FilteredClassLoader("io.clm.store.jdbc"))
        .withPropertyValues("clm.store.use-data-source=true").withUserConfiguration(PrimaryDatabase.class)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause()
              .isInstanceOf(InvalidConfigurationPropertyValueException.class)
              .message()
              .contains("clm.store.use-data-source", "clm-store-jdbc is not on the class path");
        });
  }

  private static JdbcDataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:clm-choice-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDatabases {
    @Bean
    DataSource crmDatabase() {
      return h2("crm");
    }

    @Bean
    DataSource ledgerDatabase() {
      return h2("ledger");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NoCandidate {
    @Bean(autowireCandidate = false)
    DataSource hiddenDatabase() {
      return h2("hidden");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PrimaryDatabase {
    @Bean
    @Primary
    DataSource clmDatabase() {
      return h2("clm");
    }
  }
}
