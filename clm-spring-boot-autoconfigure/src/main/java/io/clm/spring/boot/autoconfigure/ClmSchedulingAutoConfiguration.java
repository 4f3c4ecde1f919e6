package io.clm.spring.boot.autoconfigure;

import io.clm.api.LifecycleEngine;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ComplaintDesk;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Advances the clock of every {@link LifecycleEngine} bean and every {@link ComplaintDesk} bean
 * (the one of {@link ClmComplaintDeskAutoConfiguration} or the application's own) to the wall clock every {@code clm.scheduling.interval} (one
 * minute by default), each on a thread of its own, so that time-dependent rules and SLA deadlines fire without an event. On by
 * default; off with {@code clm.scheduling.enabled=false}. An interval shorter than one second or
 * longer than 36,500 days is refused at start, naming the property and the value. The health of an
 * engine or desk not advanced for {@code clm.scheduling.stale-after} (three intervals by default;
 * refused at start when shorter than the interval or longer than 36,500 days) is DOWN. Several instances over one shared store: see docs/integration.md.
 */
@Experimental
@EnableConfigurationProperties(ClmProperties.class)
@AutoConfiguration(after = {ClmAutoConfiguration.class, ClmComplaintDeskAutoConfiguration.class})
@ConditionalOnProperty(prefix = "clm.scheduling", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ClmSchedulingAutoConfiguration {

  /** Created by Spring. */
  public ClmSchedulingAutoConfiguration() {}

  @Bean
  ClockScheduler clmClockScheduler(ClmProperties properties, ApplicationContext context) {
    Duration interval = properties.getScheduling().getInterval();
    if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidConfigurationPropertyValueException(
          "clm.scheduling.interval", interval, "the interval must be at least one second");
    }
    DurationProperties.requireAtMostMax("clm.scheduling.interval", interval);
    Duration staleAfter = properties.getScheduling().getStaleAfter();
    if (staleAfter != null && staleAfter.compareTo(interval) < 0) {
      // Shorter, the health would be DOWN between two ticks that both succeed.
      throw new InvalidConfigurationPropertyValueException("clm.scheduling.stale-after", staleAfter,
          "the duration must be at least the interval, clm.scheduling.interval=" + interval);
    }
    DurationProperties.requireAtMostMax("clm.scheduling.stale-after", staleAfter);
    // Every engine and desk, not only a primary one: one left out would never apply its time rules
    // or its SLA deadlines.
    List<ScheduledAdvance> all = new ArrayList<>();
    context.getBeansOfType(LifecycleEngine.class)
        .forEach((name, engine) -> all.add(new ScheduledAdvance(ScheduledAdvance.engine(name), engine::advanceTo)));
    context.getBeansOfType(ComplaintDesk.class)
        .forEach((name, desk) -> all.add(new ScheduledAdvance(ScheduledAdvance.desk(name), now -> {
          if (!now.isBefore(desk.now())) {
            desk.advanceTo(now);
          }
        })));
    return staleAfter == null
        ? new ClockScheduler(all, interval, Clock.systemUTC())
        : new ClockScheduler(all, interval, staleAfter, Clock.systemUTC());
  }
}
