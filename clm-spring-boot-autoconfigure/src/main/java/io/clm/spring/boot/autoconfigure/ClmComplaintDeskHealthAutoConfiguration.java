package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ComplaintDesk;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The complaint desk's Actuator health ({@code clmComplaintDesk}): DOWN when the lifecycle events
 * waiting in the desk's outbox reach {@code clm.complaints.outbox-backlog-limit}. For the desk of
 * the application too; backs off when the application defines a bean of that name.
 */
@Experimental
@EnableConfigurationProperties(ClmProperties.class)
@AutoConfiguration(after = ClmComplaintDeskAutoConfiguration.class)
@ConditionalOnClass(name = {"io.clm.complaints.HolidayCalendars", "org.springframework.boot.actuate.health.HealthIndicator"})
public class ClmComplaintDeskHealthAutoConfiguration {

  /** Created by Spring. */
  public ClmComplaintDeskHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(ComplaintDesk.class)
  @ConditionalOnMissingBean(name = "clmComplaintDeskHealthIndicator")
  HealthIndicator clmComplaintDeskHealthIndicator(ComplaintDesk desk, ClmProperties properties) {
    int limit = properties.getComplaints().getOutboxBacklogLimit();
    return () -> ComplaintDeskHealth.of(desk, limit);
  }
}
