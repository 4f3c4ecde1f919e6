package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerStore;
import io.clm.store.jdbc.JdbcStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The engine's state in the application's {@link DataSource}: a {@link JdbcStore} when
 * clm-store-jdbc is on the class path and the application has one {@code DataSource} (its schema
 * is migrated by the store's own Flyway migrations, with their own history table), or several of
 * which one is primary. Backs off when the application defines its own {@link CustomerStore}, or
 * sets {@code clm.store.use-data-source=false}; without a store the engine keeps its state in
 * memory. Several {@code DataSource} beans with none primary leave it in memory with a warning,
 * or stop the start when {@code clm.store.use-data-source=true} is set ({@link DataSourceChoice}). The
 * complaint desk's tickets go to the same database ({@link ClmComplaintDeskAutoConfiguration}).
 */
@Experimental
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(name = "io.clm.store.jdbc.JdbcStore")
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "clm.store", name = "use-data-source", havingValue = "true", matchIfMissing = true)
public class ClmStoreAutoConfiguration {

  /** Created by Spring. */
  public ClmStoreAutoConfiguration() {}

  /**
   * After the application's own database initialisation (its Flyway or Liquibase migrations, its
   * SQL scripts), which expects to find the schema as it left it.
   */
  @Bean
  @DependsOnDatabaseInitialization
  @ConditionalOnMissingBean(CustomerStore.class)
  JdbcStore clmStore(DataSource dataSource) {
    return JdbcStore.builder().dataSource(dataSource).name("clm").build();
  }
}
