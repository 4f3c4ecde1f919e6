package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ConflictingEventException;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.complaints.BusinessCalendar;
import io.clm.complaints.InMemoryTicketStore;
import io.clm.store.jdbc.JdbcStore;
import io.clm.store.jdbc.JdbcStoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Meters asserted by name, tags and value after a known sequence of calls; health and info. */
class MetricsAndHealthTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmContexts.CLM)
      .withPropertyValues(ClmContexts.TWO_PROPERTIES)
      .withPropertyValues("clm.scheduling.enabled=false")
      .withUserConfiguration(Registries.class);

  @Test
  void engineMetersCountEachOutcomeAndStageChange() {
    runner.run(context -> {
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      engine.ingest(Events.firstTransaction("posting-1", "2500.00"));
      engine.ingest(Events.firstTransaction("posting-1", "2500.00"));
      assertThatThrownBy(() -> engine.ingest(Events.firstTransaction("posting-1", "99.00")))
          .isInstanceOf(ConflictingEventException.class);
      assertThatThrownBy(() -> engine.ingest(Events.transaction("posting-2", "C-1001", "10.00", "USD")))
          .isInstanceOf(InvalidEventException.class);
      engine.ingestAll(List.of(Events.firstTransaction("posting-3", "10.00"), Events.firstTransaction("posting-1", "2500.00")));

      assertThat(events(meters, "accepted", "none")).isEqualTo(2);
      assertThat(events(meters, "duplicate", "none")).isEqualTo(2);
      assertThat(events(meters, "conflict", "ConflictingEventException")).isEqualTo(1);
      assertThat(events(meters, "rejected", "InvalidEventException")).isEqualTo(1);
      assertThat(meters.get("clm.engine.stage.changes")
              .tags("model", "banking-six-stage", "from", "potential", "to", "development")
              .counter()
              .count())
          .isEqualTo(1);
      assertThat(meters.get("clm.engine.stage.changes").counters()).hasSize(1);
      assertThat(customers(meters, "development")).isEqualTo(1);
      assertThat(customers(meters, "potential")).isZero();
      assertThat(meters.get("clm.engine.customers").gauges()).hasSize(engine.model().stages().size());
      assertThat(operations(meters, "ingest")).isEqualTo(4);
      assertThat(operations(meters, "ingest-all")).isEqualTo(1);
      assertThat(meters.get("clm.engine.operation").tags("operation", "ingest", "error", "ConflictingEventException").timer().count())
          .isEqualTo(1);
    });
  }

  @Test
  void everyEngineHasItsOwnMeters() {
    // Two engines of one model, one per currency: one customer in EUR, two in GBP.
    runner.withUserConfiguration(ClmContexts.TwoEngines.class).run(context -> {
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      context.getBean("eurEngine", LifecycleEngine.class).ingest(Events.transaction("posting-1", "C-1001", "10.00", "EUR"));
      LifecycleEngine gbp = context.getBean("gbpEngine", LifecycleEngine.class);
      gbp.ingest(Events.transaction("posting-1", "C-1001", "10.00", "GBP"));
      gbp.ingest(Events.transaction("posting-2", "C-2002", "10.00", "GBP"));

      double development = meters.get("clm.engine.customers").tags("stage", "development").gauges().stream()
          .mapToDouble(Gauge::value).sum();
      assertThat(development).as("customers in development, both engines").isEqualTo(3);
      assertThat(meters.get("clm.engine.customers").tags("engine", "eurEngine", "stage", "development").gauge().value())
          .isEqualTo(1);
      assertThat(meters.get("clm.engine.customers").tags("engine", "gbpEngine", "stage", "development").gauge().value())
          .isEqualTo(2);
      // Each engine counts its own events and stage changes: one customer moved in EUR, two in GBP.
      for (String engine : List.of("eurEngine", "gbpEngine")) {
        double expected = engine.equals("eurEngine") ? 1 : 2;
        assertThat(meters.get("clm.engine.events").tags("engine", engine, "outcome", "accepted").counter().count())
            .as("events accepted by %s", engine).isEqualTo(expected);
        assertThat(meters.get("clm.engine.stage.changes").tags("engine", engine, "from", "potential", "to", "development")
            .counter().count()).as("stage changes of %s", engine).isEqualTo(expected);
      }
    });
  }

  @Test
  void deskMetersCountOpenTicketsByAgeAndEverySlaEvent() {
    runner.run(context -> {
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      context.getBean("clmComplaintDeskMeters", MeterBinder.class).bindTo(meters);
      desk.open(Events.complaint("C-1001", "2025-01-06T10:00:00Z"), "agent");
      assertThat(meters.get("clm.complaints.open").tag("age", "days-0-to-3").gauge().value()).isEqualTo(1);

      List<SlaEvent> emitted = desk.advanceTo(Instant.parse("2025-12-01T00:00:00Z"));
      assertThat(emitted).isNotEmpty();
      assertThat(meters.get("clm.complaints.open").tag("age", "over-56-days").gauge().value()).isEqualTo(1);
      assertThat(meters.get("clm.complaints.open").tag("age", "days-0-to-3").gauge().value()).isZero();
      assertCounted(meters, emitted);
    });
  }

  @Test
  void slaEventsOfADeskOfTheApplicationAreCountedToo() {
    runner.withUserConfiguration(ClmContexts.OwnDesk.class).run(context -> {
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      desk.open(Events.complaint("C-1001", "2025-01-06T10:00:00Z"), "agent");
      List<SlaEvent> emitted = desk.advanceTo(Instant.parse("2025-12-01T00:00:00Z"));
      assertThat(emitted).extracting(SlaEvent::kind).contains(SlaEvent.Kind.BREACH);
      assertCounted(context.getBean(MeterRegistry.class), emitted);
    });
  }

  @Test
  void slaEventsOfSeveralDesksWithoutAPrimaryAreNotCounted() {
    // The counter carries no desk tag: the events of several desks would be taken for one desk's.
    runner.withUserConfiguration(ClmContexts.TwoDesks.class).run(context -> {
      ComplaintDesk desk = context.getBean("ukDesk", ComplaintDesk.class);
      desk.open(Events.complaint("C-1001", "2025-01-06T10:00:00Z"), "agent");
      assertThat(desk.advanceTo(Instant.parse("2025-12-01T00:00:00Z"))).isNotEmpty();
      assertThat(context.getBean(MeterRegistry.class).find("clm.complaints.sla.events").counters()).isEmpty();
    });
  }

  @Test
  void slaEventsOfThePrimaryOfSeveralDesksAreCountedAndTheOthersNot() {
    runner.withUserConfiguration(PrimaryAndOtherDesk.class).run(context -> {
      ComplaintDesk primary = context.getBean("primaryDesk", ComplaintDesk.class);
      ComplaintDesk other = context.getBean("otherDesk", ComplaintDesk.class);
      other.open(Events.complaint("C-2002", "2025-01-06T10:00:00Z"), "agent");
      assertThat(other.advanceTo(Instant.parse("2025-12-01T00:00:00Z"))).isNotEmpty();
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThat(meters.find("clm.complaints.sla.events").counters()).as("counters after the other desk's events").isEmpty();

      primary.open(Events.complaint("C-1001", "2025-01-06T10:00:00Z"), "agent");
      List<SlaEvent> emitted = primary.advanceTo(Instant.parse("2025-12-01T00:00:00Z"));
      assertThat(emitted).isNotEmpty();
      assertCounted(meters, emitted);
      // The counting desk is a proxy: equal to itself, as a bean must be, and to nothing else.
      assertThat(primary.equals(primary)).isTrue();
      assertThat(primary.equals(other)).isFalse();
    });
  }

  /** The SLA counter holds exactly the emitted events, by kind, policy and target. */
  private static void assertCounted(MeterRegistry meters, List<SlaEvent> emitted) {
    Map<List<String>, Long> expected = emitted.stream().collect(Collectors.groupingBy(
        e -> List.of(tag(e.kind()), e.policyId(), tag(e.target())), Collectors.counting()));
    Map<List<String>, Long> counted = meters.get("clm.complaints.sla.events").counters().stream().collect(Collectors.toMap(
        c -> List.of(c.getId().getTag("kind"), c.getId().getTag("policy"), c.getId().getTag("target")),
        c -> (long) c.count()));
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void healthOfEngineDeskAndStore() {
    runner.withUserConfiguration(ClmContexts.H2.class).run(context -> {
      context.getBean(LifecycleEngine.class).ingest(Events.firstTransaction("posting-1", "2500.00"));
      Health engine = health(context.getBean("clmEngineHealthIndicator", HealthIndicator.class));
      assertThat(engine.getStatus()).isEqualTo(Status.UP);
      assertThat(engine.getDetails()).containsEntry("model", "banking-six-stage").containsEntry("customers", 1L);

      Health desk = health(context.getBean("clmComplaintDeskHealthIndicator", HealthIndicator.class));
      assertThat(desk.getStatus()).isEqualTo(Status.UP);
      assertThat(desk.getDetails()).containsEntry("outboxBacklog", 0).containsEntry("workflow", "standard");

      JdbcStore store = context.getBean(JdbcStore.class);
      Health storeHealth = health(context.getBean("clmStoreHealthIndicator", HealthIndicator.class));
      assertThat(storeHealth.getStatus()).isEqualTo(Status.UP);
      String current = Flyway.configure()
          .dataSource(store.dataSource())
          .table("clm_schema_history")
          .locations("classpath:META-INF/clm-store-jdbc/migration")
          .load()
          .info()
          .current()
          .getVersion()
          .getVersion();
      assertThat(storeHealth.getDetails()).containsEntry("schemaVersion", current).containsEntry("database", "H2");
    });
  }

  @Test
  void engineHealthIsDownWhenTheEngineCannotCountItsCustomers() {
    // With customers in memory bounded, the engine counts the others in its store when first asked.
    runner.withUserConfiguration(ClmContexts.H2.class)
        .withPropertyValues("clm.customers-in-memory=1")
        .run(context -> {
          try (Connection c = context.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            // The database loses its tables: every read of the store fails from now on.
            s.execute("DROP ALL OBJECTS");
          }
          Health engine = health(context.getBean("clmEngineHealthIndicator", HealthIndicator.class));
          assertThat(engine.getStatus()).isEqualTo(Status.DOWN);
          assertThat(engine.getDetails()).containsEntry("model", "banking-six-stage")
              .hasEntrySatisfying("error", e -> assertThat(e).asString().startsWith(JdbcStoreException.class.getName()));
        });
  }

  @Test
  void everyEngineHasItsOwnHealth() {
    runner.withUserConfiguration(ClmContexts.TwoEngines.class).run(context -> {
      context.getBean("eurEngine", LifecycleEngine.class).ingest(Events.transaction("posting-1", "C-1001", "10.00", "EUR"));
      LifecycleEngine gbp = context.getBean("gbpEngine", LifecycleEngine.class);
      gbp.ingest(Events.transaction("posting-1", "C-1001", "10.00", "GBP"));
      gbp.ingest(Events.transaction("posting-2", "C-2002", "10.00", "GBP"));

      HealthContributor engines = context.getBean("clmEngineHealthIndicator", HealthContributor.class);
      assertThat(engines).isInstanceOf(CompositeHealthContributor.class);
      CompositeHealthContributor composite = (CompositeHealthContributor) engines;
      assertThat(health((HealthIndicator) composite.getContributor("eurEngine")).getDetails()).containsEntry("customers", 1L);
      assertThat(health((HealthIndicator) composite.getContributor("gbpEngine")).getDetails()).containsEntry("customers", 2L);
    });
  }

  @Test
  void deskHealthIsDownWhenItsEventsAreRefused() {
    runner
        .withPropertyValues("clm.complaints.outbox-backlog-limit=1")
        .withUserConfiguration(RefusingDesk.class)
        .run(context -> {
          ComplaintDesk desk = context.getBean(ComplaintDesk.class);
          String ticket = desk.open(Events.complaint("C-9", "2025-01-06T10:00:00Z"), "agent").id();
          // A classified complaint of a known customer is reported to the lifecycle engine.
          desk.acknowledge(ticket, "agent", Instant.parse("2025-01-06T10:05:00Z"));
          desk.classify(ticket, "agent", Instant.parse("2025-01-06T10:06:00Z"));
          Health health = health(context.getBean("clmComplaintDeskHealthIndicator", HealthIndicator.class));
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("outboxBacklog", 1).containsEntry("outboxBacklogLimit", 1);
        });
  }

  @Test
  void deskHealthIsDownWhenItsTicketStoreFails() {
    runner.withUserConfiguration(ClmContexts.H2.class).run(context -> {
      try (Connection c = context.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
        // The database loses its tables: every read of the ticket store fails from now on.
        s.execute("DROP ALL OBJECTS");
      }
      Health desk = health(context.getBean("clmComplaintDeskHealthIndicator", HealthIndicator.class));
      assertThat(desk.getStatus()).isEqualTo(Status.DOWN);
      assertThat(desk.getDetails()).containsEntry("workflow", "standard")
          .hasEntrySatisfying("error", e -> assertThat(e).asString().startsWith(TicketStoreException.class.getName()));
    });
  }

  @Test
  void deskHealthDoesNotShowTheMessageOfAnExceptionOfTheApplicationsTicketStore() {
    runner.withUserConfiguration(FailingTickets.class).run(context -> {
      context.getBean(FailingTickets.class).failing.set(true);
      Health desk = health(context.getBean("clmComplaintDeskHealthIndicator", HealthIndicator.class));
      assertThat(desk.getStatus()).isEqualTo(Status.DOWN);
      // The application's code may put personal data in its messages; clm's own mask customer ids.
      assertThat(desk.getDetails()).containsEntry("workflow", "standard")
          .containsEntry("error", IllegalStateException.class.getName());
      assertThat(desk.getDetails().toString()).doesNotContain("Jane Doe").doesNotContain("C-1001");
    });
  }

  @Test
  void infoListsThePluginsWithVersionAndJar() {
    runner.run(context -> {
      Info.Builder info = new Info.Builder();
      context.getBean("clmInfoContributor", InfoContributor.class).contribute(info);
      @SuppressWarnings("unchecked")
      Map<String, List<Map<String, String>>> clm = (Map<String, List<Map<String, String>>>) info.build().get("clm");
      assertThat(clm.get("plugins")).anySatisfy(p -> {
        assertThat(p).containsEntry("id", "banking-six-stage").containsEntry("kind", "LifecycleModelProvider");
        assertThat(p.get("location")).contains("clm-core");
        assertThat(p).containsKey("version");
      });
      assertThat(clm.get("plugins")).anySatisfy(p -> assertThat(p).containsEntry("id", "uk-fca-disp"));
    });
  }

  private static double events(MeterRegistry meters, String outcome, String reason) {
    return meters.get("clm.engine.events").tags("outcome", outcome, "reason", reason).counter().count();
  }

  private static double customers(MeterRegistry meters, String stage) {
    return meters.get("clm.engine.customers").tags("model", "banking-six-stage", "stage", stage).gauge().value();
  }

  private static long operations(MeterRegistry meters, String operation) {
    return meters.get("clm.engine.operation").tag("operation", operation).timers().stream().mapToLong(Timer::count).sum();
  }

  private static Health health(HealthIndicator indicator) {
    return indicator.health();
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The application's own desk, whose event sink refuses every event: they stay in the outbox. */
  @Configuration(proxyBeanMethods = false)
  static class RefusingDesk {
    @Bean
    ComplaintDesk refusingDesk() {
      return ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("standard"))
          .calendar(BusinessCalendar.everyDay(ZoneOffset.UTC))
          .events(event -> {
            throw new IllegalStateException("engine unreachable");
          })
          .build();
    }
  }

  /** The application's own ticket store, which fails once told to, with personal data in its message. */
  @Configuration(proxyBeanMethods = false)
  static class FailingTickets {
    final AtomicBoolean failing = new AtomicBoolean();

    @Bean
    TicketStore ticketStore() {
      TicketStore memory = new InMemoryTicketStore();
      return (TicketStore) Proxy.newProxyInstance(
          TicketStore.class.getClassLoader(), new Class<?>[] {TicketStore.class}, (proxy, method, args) -> {
            if (failing.get()) {
              throw new IllegalStateException("no route to the file of Jane Doe, customer C-1001");
            }
            try {
              return method.invoke(memory, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PrimaryAndOtherDesk {
    @Bean
    @Primary
    ComplaintDesk primaryDesk() {
      return ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
          .calendar(BusinessCalendar.everyDay(ZoneOffset.UTC))
          .build();
    }

    @Bean
    ComplaintDesk otherDesk() {
      return ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
          .calendar(BusinessCalendar.everyDay(ZoneOffset.UTC))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registries {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meters) {
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
      return registry;
    }
  }
}
