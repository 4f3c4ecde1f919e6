package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.complaints.ComplaintDesk;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The contexts the tests start: clm's auto-configuration, the two properties it needs, beans an
 * application declares, and the check of a property refused at start.
 */
final class ClmContexts {
  static final AutoConfigurations CLM = AutoConfigurations.of(
      ClmStoreAutoConfiguration.class,
      ClmAutoConfiguration.class,
      ClmComplaintDeskAutoConfiguration.class,
      ClmComplaintDeskHealthAutoConfiguration.class,
      ClmMetricsAutoConfiguration.class,
      ClmHealthAutoConfiguration.class,
      ClmSchedulingAutoConfiguration.class);

  static final String[] TWO_PROPERTIES = {"clm.model=banking-six-stage", "clm.currency=EUR"};

  private ClmContexts() {}

  /** The context failed at start on a property, whose name and value the message gives. */
  static void assertRefused(AssertableApplicationContext context, String... mentioned) {
    assertThat(context).hasFailed();
    assertThat(context.getStartupFailure())
        .rootCause()
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .message()
        .contains(mentioned);
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoEngines {
    @Bean
    @Primary
    LifecycleEngine eurEngine() {
      return Clm.builder().model("banking-six-stage").currency("EUR").build();
    }

    @Bean
    LifecycleEngine gbpEngine() {
      return Clm.builder().model("banking-six-stage").currency("GBP").build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDesk {
    @Bean
    ComplaintDesk myDesk() {
      return ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("us-cfpb"))
          .calendar(io.clm.complaints.BusinessCalendar.everyDay(java.time.ZoneOffset.UTC))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDesks {
    @Bean
    ComplaintDesk ukDesk() {
      return ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
          .calendar(io.clm.complaints.BusinessCalendar.everyDay(java.time.ZoneOffset.UTC))
          .build();
    }

    @Bean
    ComplaintDesk usDesk() {
      return ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("us-cfpb"))
          .calendar(io.clm.complaints.BusinessCalendar.everyDay(java.time.ZoneOffset.UTC))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class H2 {
    @Bean
    JdbcDataSource dataSource() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:clm-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
      return h2;
    }
  }
}
