package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ComplaintDesk;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * The complaint desk's Actuator health ({@code clmComplaintDesk}): DOWN when the lifecycle events
 * waiting in the desk's outbox reach {@code clm.complaints.outbox-backlog-limit}. For the desk of
 * the application too; with several desks, one component of it per desk, by bean name. DOWN too
 * when the scheduled advance has not advanced the desk's clock for {@code clm.scheduling.stale-after}
 * (see docs/observability.md). Backs off
 * when the application defines a bean of that name. A limit below 1,
 * or above the 10,000 events the desk counts at most, is refused at start, naming the property and
 * the value.
 */
@Experimental
@EnableConfigurationProperties(ClmProperties.class)
@AutoConfiguration(after = ClmComplaintDeskAutoConfiguration.class)
@ConditionalOnClass(name = {"io.clm.complaints.HolidayCalendars", "org.springframework.boot.actuate.health.HealthIndicator"})
public class ClmComplaintDeskHealthAutoConfiguration {

  /** The most events {@link ComplaintDesk#pendingEvents()} counts. */
  static final int MAX_BACKLOG_LIMIT = 10_000;

  /** Created by Spring. */
  public ClmComplaintDeskHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(ComplaintDesk.class)
  @ConditionalOnMissingBean(name = "clmComplaintDeskHealthIndicator")
  HealthContributor clmComplaintDeskHealthIndicator(
      ListableBeanFactory beans, ClmProperties properties, ObjectProvider<ClockScheduler> scheduler) {
    int limit = properties.getComplaints().getOutboxBacklogLimit();
    if (limit < 1) {
      // At 0 or below the health would be DOWN with an empty outbox: a restart loop under a probe.
      throw new InvalidConfigurationPropertyValueException(
          "clm.complaints.outbox-backlog-limit", limit, "the limit must be at least 1");
    }
    if (limit > MAX_BACKLOG_LIMIT) {
      // The desk would never count up to it: the health would stay UP whatever the backlog.
      throw new InvalidConfigurationPropertyValueException("clm.complaints.outbox-backlog-limit", limit,
          "the limit must be at most " + MAX_BACKLOG_LIMIT + ", the most events ComplaintDesk.pendingEvents counts");
    }
    Map<String, ComplaintDesk> desks = beans.getBeansOfType(ComplaintDesk.class);
    if (desks.size() == 1) {
      var only = desks.entrySet().iterator().next();
      return deskHealth(only.getKey(), only.getValue(), limit, scheduler);
    }
    Map<String, HealthIndicator> each = new LinkedHashMap<>();
    desks.forEach((name, desk) -> each.put(name, deskHealth(name, desk, limit, scheduler)));
    return CompositeHealthContributor.fromMap(each);
  }

  private static HealthIndicator deskHealth(
      String name, ComplaintDesk desk, int limit, ObjectProvider<ClockScheduler> scheduler) {
    return () -> AdvanceHealth.of(ComplaintDeskHealth.of(desk, limit), scheduler, ScheduledAdvance.desk(name)).build();
  }
}
