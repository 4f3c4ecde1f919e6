package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.TicketStore;
import io.clm.api.spi.CustomerStore;
import io.clm.store.jdbc.JdbcStore;
import java.util.logging.Level;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the desk of the starter keeps its tickets, and the warning when they would not outlive a restart. */
class DeskTicketStoreTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmContexts.CLM)
      .withPropertyValues(ClmContexts.TWO_PROPERTIES)
      .withPropertyValues("clm.scheduling.enabled=false");

  @Test
  void anEngineInAStoreOfTheApplicationWithADeskInMemoryIsWarnedOf() {
    // The application's own store, declared as a CustomerStore: the starter cannot tell it holds tickets too.
    try (CapturedLog log = new CapturedLog(ClmComplaintDeskAutoConfiguration.class)) {
      runner.withUserConfiguration(OwnCustomerStore.class).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(CustomerStore.class).doesNotHaveBean(TicketStore.class);
        assertThat(context).hasSingleBean(ComplaintDesk.class);
        assertThat(log.messages(Level.WARNING)).singleElement().asString()
            .contains("keeps its state in a store", "tickets in memory", "lost on restart", "TicketStore bean");
      });
    }
  }

  @Test
  void aDeskWithItsTicketsInTheEnginesDatabaseIsNotWarnedOf() {
    try (CapturedLog log = new CapturedLog(ClmComplaintDeskAutoConfiguration.class)) {
      runner.withUserConfiguration(ClmContexts.H2.class).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(TicketStore.class);
        assertThat(log.messages(Level.WARNING)).isEmpty();
      });
    }
  }

  @Test
  void aTicketStoreOfTheApplicationBesideItsCustomerStoreIsNotWarnedOf() {
    try (CapturedLog log = new CapturedLog(ClmComplaintDeskAutoConfiguration.class)) {
      runner.withUserConfiguration(OwnCustomerStore.class, OwnTicketStore.class).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(TicketStore.class);
        assertThat(log.messages(Level.WARNING)).isEmpty();
      });
    }
  }

  @Test
  void anEngineAndADeskBothInMemoryAreNotWarnedOf() {
    try (CapturedLog log = new CapturedLog(ClmComplaintDeskAutoConfiguration.class)) {
      runner.run(context -> {
        assertThat(context).hasNotFailed().doesNotHaveBean(CustomerStore.class).doesNotHaveBean(TicketStore.class);
        assertThat(log.messages(Level.WARNING)).isEmpty();
      });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnCustomerStore {
    static final String URL = "jdbc:h2:mem:clm-own-customer-store-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Bean
    CustomerStore myStore() {
      return JdbcStore.builder().url(URL).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnTicketStore {
    @Bean
    TicketStore myTickets() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:clm-own-tickets-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return JdbcStore.builder().dataSource(h2).build().tickets();
    }
  }
}
