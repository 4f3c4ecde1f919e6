package io.clm.spring.boot.autoconfigure;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.LifecycleEngine;
import io.clm.api.UnknownCustomerException;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintDeskBuilder;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Event;
import io.clm.api.spi.CustomerStore;
import io.clm.complaints.BusinessCalendar;
import io.clm.complaints.HolidayCalendars;
import io.clm.store.jdbc.JdbcStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link ComplaintDesk} when clm-complaints is on the class path (off with {@code
 * clm.complaints.enabled=false}): the workflow and business calendar from {@code clm.complaints.*},
 * tickets in the application's {@link TicketStore} bean, else in the database of the {@link
 * JdbcStore} bean when there is one, else in memory (with a warning at start when the engine keeps
 * its state in a {@link CustomerStore} bean: the tickets would not outlive a restart that the
 * customers do), lifecycle events fed to the engine, intakes
 * and operations dated at most the engine's future tolerance ahead of the wall clock (or the
 * shorter {@code clm.complaints.future-tolerance}); with its meters, SLA events counted (for one
 * desk, or the primary one, of the application's too), its clock in the scheduled advance ({@link
 * ClmSchedulingAutoConfiguration}, every desk) and its health ({@link
 * ClmComplaintDeskHealthAutoConfiguration}, every desk). Backs off when the application defines
 * its own desk, or several.
 */
@Experimental
@EnableConfigurationProperties(ClmProperties.class)
@AutoConfiguration(after = ClmAutoConfiguration.class)
@ConditionalOnClass(name = "io.clm.complaints.HolidayCalendars")
@ConditionalOnProperty(prefix = "clm.complaints", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ClmComplaintDeskAutoConfiguration {

  private static final System.Logger LOG = System.getLogger(ClmComplaintDeskAutoConfiguration.class.getName());

  /** Created by Spring. */
  public ClmComplaintDeskAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(LifecycleEngine.class)
  ComplaintDesk clmComplaintDesk(
      ClmProperties properties,
      LifecycleEngine engine,
      ObjectProvider<TicketStore> tickets,
      ObjectProvider<CustomerStore> engineStore) {
    ClmComplaintsProperties p = properties.getComplaints();
    ComplaintDeskBuilder builder = ComplaintDesk.builder()
        .workflow(workflow(p.getWorkflow()))
        .calendar(calendar(p.getCalendar()))
        .events(event -> deliver(engine, event));
    ClmAutoConfiguration.set("clm.complaints.ticket-prefix", p.getTicketPrefix(), () -> builder.ticketPrefix(p.getTicketPrefix()));
    Duration tolerance = futureTolerance(properties);
    ClmAutoConfiguration.set("clm.complaints.future-tolerance", tolerance, () -> builder.futureTolerance(tolerance));
    TicketStore ticketStore = tickets.getIfAvailable();
    if (ticketStore != null) {
      builder.ticketStore(ticketStore);
    } else if (engineStore.getIfAvailable() != null) {
      LOG.log(Level.WARNING, "the lifecycle engine keeps its state in a store (the CustomerStore bean), but the"
          + " complaint desk keeps its tickets in memory: open complaints, their SLA clocks and the lifecycle events"
          + " waiting in the desk's outbox are lost on restart. Define a TicketStore bean (such as the tickets() of a"
          + " JdbcStore), or declare the application's JdbcStore bean with the type JdbcStore, whose tickets the desk"
          + " then keeps in the same database");
    }
    return builder.build();
  }

  /**
   * The desk's future tolerance: {@code clm.complaints.future-tolerance}, else the engine's ({@code
   * clm.future-tolerance}, else the engine's default). One longer than the engine's is refused: the
   * desk would accept an operation whose lifecycle event the engine refuses, and that event, with
   * every later one, would wait in the outbox until the engine's clock caught up.
   */
  static Duration futureTolerance(ClmProperties properties) {
    Duration engine = properties.getFutureTolerance() != null
        ? properties.getFutureTolerance()
        : Clm.Builder.DEFAULT_FUTURE_TOLERANCE;
    Duration desk = properties.getComplaints().getFutureTolerance();
    if (desk == null) {
      return engine;
    }
    if (desk.compareTo(engine) > 0) {
      String engineValue =
          properties.getFutureTolerance() != null ? engine.toString() : engine + " (not set: the engine's default)";
      throw new InvalidConfigurationPropertyValueException("clm.complaints.future-tolerance", desk,
          "longer than clm.future-tolerance " + engineValue + ": the engine would refuse the lifecycle events of "
              + "operations dated between the two, and they would wait in the desk's outbox; give at most " + engine
              + ", or leave it out to take the engine's");
    }
    return desk;
  }

  /**
   * Delivers one of the desk's lifecycle events to the engine. The outbox delivers in order and
   * keeps an event the sink throws on, with every later one, to send again; an event the engine
   * rejects because it does not know the customer ({@code clm.unknown-customers=REJECT}) would so
   * hold up every later event until that customer is registered, if ever. It is logged (the
   * customer masked), counted as rejected in {@code clm.engine.events} when there are meters, and
   * not sent again, as the engine's policy says of such events. Any other failure, such as the
   * store's, leaves it in the outbox.
   */
  static void deliver(LifecycleEngine engine, Event event) {
    try {
      engine.ingest(event);
    } catch (UnknownCustomerException e) {
      LOG.log(Level.WARNING, "complaint desk event " + event.getClass().getSimpleName()
          + " dropped: the lifecycle engine rejects events of customers it does not know: " + e.getMessage());
    }
  }

  private static ComplaintWorkflow workflow(String id) {
    try {
      return ComplaintDesk.findWorkflow(id);
    } catch (ClmException e) {
      throw new InvalidConfigurationPropertyValueException("clm.complaints.workflow", id, e.getMessage());
    }
  }

  /**
   * The calendar of the jurisdiction, or every day in UTC when none is set. One given without a
   * value (an unset variable, say) is refused: taken as every day, the desk would count its
   * deadlines over the jurisdiction's weekends and holidays without a word.
   */
  private static BusinessCalendar calendar(String jurisdiction) {
    if (jurisdiction == null) {
      return BusinessCalendar.everyDay(ZoneOffset.UTC);
    }
    if (jurisdiction.isBlank()) {
      throw new InvalidConfigurationPropertyValueException("clm.complaints.calendar", jurisdiction,
          "no value: give a jurisdiction, such as GB-ENG, or leave the property out for every day in UTC");
    }
    try {
      return HolidayCalendars.of(jurisdiction.strip());
    } catch (ClmException | IllegalArgumentException e) {
      throw new InvalidConfigurationPropertyValueException("clm.complaints.calendar", jurisdiction, e.getMessage());
    }
  }

  /**
   * The desk's tickets in the database of the {@link JdbcStore} bean, the one of {@link
   * ClmStoreAutoConfiguration} or the application's own (with or without a {@code DataSource}
   * bean, declared with the type {@code JdbcStore}: one declared as a {@code CustomerStore} is not
   * known to be a {@code JdbcStore} until it is created), unless the application defines its own
   * {@link TicketStore}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.clm.store.jdbc.JdbcStore")
  static class JdbcTickets {
    @Bean
    @ConditionalOnBean(JdbcStore.class)
    @ConditionalOnMissingBean(TicketStore.class)
    TicketStore clmTicketStore(JdbcStore store) {
      return store.tickets();
    }
  }

  /**
   * Counts the SLA events of the desk that has the meters, the starter's or the application's own,
   * when the application has a {@link MeterRegistry}: that desk's bean is wrapped so as to count
   * the SLA events its {@code advanceTo} emits.
   */
  @Bean
  static BeanPostProcessor clmComplaintDeskSlaEvents(
      ObjectProvider<MeterRegistry> meters, ConfigurableListableBeanFactory beans) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof ComplaintDesk desk) || !metered(beans, name)) {
          return bean;
        }
        MeterRegistry registry = meters.getIfAvailable();
        return registry == null ? bean : ComplaintDeskMeters.countingSlaEvents(desk, registry);
      }
    };
  }

  /** Whether the desk of this name has the meters: the only desk, or the one primary desk. */
  private static boolean metered(ConfigurableListableBeanFactory beans, String name) {
    List<String> desks = List.of(beans.getBeanNamesForType(ComplaintDesk.class, true, false));
    List<String> candidates = desks.size() == 1 ? desks : desks.stream()
        .filter(d -> beans.containsBeanDefinition(d) && beans.getBeanDefinition(d).isPrimary())
        .toList();
    return candidates.equals(List.of(name));
  }

  /**
   * The desk's meters, for one desk (or the primary one): their names carry no desk, so the
   * meters of several would be taken for one desk's.
   */
  @Bean
  @ConditionalOnSingleCandidate(ComplaintDesk.class)
  @ConditionalOnMissingBean(name = "clmComplaintDeskMeters")
  MeterBinder clmComplaintDeskMeters(ComplaintDesk desk) {
    return new ComplaintDeskMeters(desk);
  }
}
