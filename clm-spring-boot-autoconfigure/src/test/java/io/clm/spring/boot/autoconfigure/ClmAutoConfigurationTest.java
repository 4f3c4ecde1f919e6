package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.Clm;
import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.IngestResult;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.Plugins;
import io.clm.api.UnknownCustomerException;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.spi.CustomerStore;
import io.clm.store.jdbc.JdbcStore;
import io.clm.store.jdbc.JdbcStoreException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The engine, the plugin registry, the store and the Jackson module: properties and back-off. */
class ClmAutoConfigurationTest {
  static final AutoConfigurations CLM = AutoConfigurations.of(
      ClmStoreAutoConfiguration.class,
      ClmAutoConfiguration.class,
      ClmComplaintDeskAutoConfiguration.class,
      ClmComplaintDeskHealthAutoConfiguration.class,
      ClmMetricsAutoConfiguration.class,
      ClmHealthAutoConfiguration.class,
      ClmSchedulingAutoConfiguration.class);

  static final String[] TWO_PROPERTIES = {"clm.model=banking-six-stage", "clm.currency=EUR"};

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CLM);

  @Test
  void twoPropertiesGiveAnEngineInMemoryAndThePluginRegistry() {
    runner.withPropertyValues(TWO_PROPERTIES).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(LifecycleEngine.class).hasSingleBean(Plugins.class);
      assertThat(context).doesNotHaveBean(CustomerStore.class);
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      assertThat(engine.model().id()).isEqualTo("banking-six-stage");
      // The README's quick start: a first transaction moves the customer from potential to development.
      IngestResult result = engine.ingest(Events.firstTransaction("posting-1", "2500.00"));
      assertThat(result.changes()).singleElement().satisfies(c -> {
        assertThat(c.from()).isEqualTo("potential");
        assertThat(c.to()).isEqualTo("development");
      });
      assertThat(context.getBean(Plugins.class).list()).anySatisfy(p -> assertThat(p.id()).isEqualTo("banking-six-stage"));
    });
  }

  @Test
  void propertiesReachTheEngine() {
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.unknown-customers=REJECT")
        .run(context -> {
          LifecycleEngine engine = context.getBean(LifecycleEngine.class);
          assertThat(engine.register(CustomerId.of("C-1001"), Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
          assertThat(engine.ingest(Events.firstTransaction("posting-1", "2500.00")).changes()).hasSize(1);
          // REJECT: a transaction of a customer never registered is refused.
          assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> engine.ingest(
                  Events.transaction("posting-2", "C-2002", "10.00", "EUR"))))
              .isInstanceOf(io.clm.api.UnknownCustomerException.class);
        });
  }

  @Test
  void anEngineOfTheApplicationWins() {
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(OwnEngine.class).run(context -> {
      assertThat(context).hasSingleBean(LifecycleEngine.class);
      assertThat(context.getBean(LifecycleEngine.class).model().id()).isEqualTo("four-stage");
    });
  }

  @Test
  void anEngineOfTheApplicationNeedsNoProperties() {
    runner.withUserConfiguration(OwnEngine.class).run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aMissingCurrencyIsReportedAsThatProperty() {
    runner.withPropertyValues("clm.model=banking-six-stage")
        .run(context -> assertRefused(context, "clm.currency"));
  }

  @Test
  void aBadValueIsReportedWithItsPropertyAndValue() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.deduplication-window=1h")
        .run(context -> assertRefused(context, "clm.deduplication-window", "PT1H"));
  }

  @Test
  void anUnknownModelIsReportedAsThatProperty() {
    runner.withPropertyValues("clm.model=no-such-model", "clm.currency=EUR")
        .run(context -> assertRefused(context, "clm.model", "no-such-model"));
  }

  @Test
  void anUnknownModelParameterIsReportedAsThatProperty() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.model-parameters.no-such-parameter=1")
        .run(context -> assertRefused(context, "clm.model-parameters", "no-such-parameter"));
  }

  @Test
  void aModelParameterWithoutAValueIsReportedAsThatProperty() {
    // Such as development.min-transactions=${MIN_TRANSACTIONS:} with the variable unset: not the model's default.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.model-parameters.development.min-transactions=")
        .run(context -> assertRefused(context, "clm.model-parameters.development.min-transactions", "no value"));
  }

  @Test
  void aStoreThatCannotBeReadAtStartIsNotReportedAsAProperty() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:clm-unreadable-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    ApplicationContextRunner overOneDatabase = runner.withPropertyValues(TWO_PROPERTIES).withBean(JdbcDataSource.class, () -> h2);
    overOneDatabase.run(context -> context.getBean(LifecycleEngine.class).ingest(Events.firstTransaction("posting-1", "2500.00")));

    // The store holds EUR customers: a start in GBP is refused by the store's records, not by clm.model.
    overOneDatabase.withPropertyValues("clm.currency=GBP").run(context -> {
      assertThat(context).hasFailed();
      assertThat(causes(context.getStartupFailure()))
          .noneMatch(InvalidConfigurationPropertyValueException.class::isInstance)
          .anySatisfy(e -> assertThat(e).isInstanceOf(CorruptRecordException.class).hasMessageContaining("not GBP"));
    });

    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE CLM_CUSTOMER");
    }
    overOneDatabase.run(context -> {
      assertThat(context).hasFailed();
      assertThat(causes(context.getStartupFailure()))
          .noneMatch(InvalidConfigurationPropertyValueException.class::isInstance)
          .anySatisfy(e -> assertThat(e).isInstanceOf(JdbcStoreException.class));
    });
  }

  @Test
  void aDataSourceHoldsTheEngineState() {
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(H2.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(JdbcStore.class);
      context.getBean(LifecycleEngine.class).ingest(Events.firstTransaction("posting-1", "2500.00"));
      assertThat(context.getBean(JdbcStore.class).count()).isEqualTo(1);
    });
  }

  @Test
  void customersInMemoryBoundsAnEngineOverTheDataSource() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.customers-in-memory=0")
        .withUserConfiguration(H2.class).run(context -> {
          assertThat(context).hasNotFailed();
          LifecycleEngine engine = context.getBean(LifecycleEngine.class);
          engine.ingest(Events.firstTransaction("posting-1", "2500.00"));
          assertThat(engine.customerCount()).isEqualTo(1);
          assertThat(engine.customer(CustomerId.of("C-1001")).orElseThrow().stage()).isEqualTo("development");
        });
  }

  @Test
  void customersInMemoryWithoutAStoreIsReportedAsThatProperty() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.customers-in-memory=1000")
        .run(context -> assertRefused(context, "clm.customers-in-memory", "1000"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.customers-in-memory=-1")
        .withUserConfiguration(H2.class)
        .run(context -> assertRefused(context, "clm.customers-in-memory", "-1"));
  }

  @Test
  void anIdMaskBeanKeysTheFingerprintsOfErasedCustomers() {
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(H2.class, OwnMask.class).run(context -> {
      assertThat(context).hasNotFailed();
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      engine.ingest(Events.firstTransaction("posting-1", "2500.00"));
      engine.erase(CustomerId.of("C-1001"));
      assertThat(context.getBean(JdbcStore.class).tombstones()).singleElement()
          .satisfies(t -> assertThat(t.check()).isEqualTo(OwnMask.MASK.keyCheck()));
    });
  }

  @Test
  void theIdMaskKeyPropertyKeysTheFingerprintsAcrossRestarts() {
    byte[] secret = new byte[32];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (i * 7 + 1);
    }
    String key = "clm.id-mask-key=" + Base64.getEncoder().encodeToString(secret);
    ApplicationContextRunner overOneDatabase = runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(SharedH2.class);
    overOneDatabase.withPropertyValues(key).run(context -> {
      assertThat(context).hasNotFailed();
      context.getBean(LifecycleEngine.class).ingest(Events.firstTransaction("posting-1", "2500.00"));
      context.getBean(LifecycleEngine.class).erase(CustomerId.of("C-1001"));
      assertThat(context.getBean(JdbcStore.class).tombstones()).singleElement()
          .satisfies(t -> assertThat(t.check()).isEqualTo(CustomerIdMask.withKey(secret).keyCheck()));
    });
    overOneDatabase.withPropertyValues(key).run(context -> assertThatThrownBy(
            () -> context.getBean(LifecycleEngine.class).ingest(Events.firstTransaction("posting-2", "10.00")))
        .as("restarted with the same key, the erased customer stays erased")
        .isInstanceOf(UnknownCustomerException.class));
    overOneDatabase.run(context -> {
      assertRefused(context, "clm.id-mask-key");
      assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(Base64.getEncoder().encodeToString(secret));
    });
  }

  @Test
  void aShortOrMalformedIdMaskKeyIsRefusedWithoutShowingIt() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.id-mask-key=" + shortKey).run(context -> {
      assertRefused(context, "clm.id-mask-key", "16 bytes");
      assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(shortKey);
    });
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.id-mask-key=not base64!")
        .run(context -> {
          assertRefused(context, "clm.id-mask-key", "not Base64");
          assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("not base64!");
        });
  }

  @Test
  void theDeskKeepsItsTicketsInTheSameDatabase() {
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(H2.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(TicketStore.class);
      String id = context.getBean(ComplaintDesk.class).open(Events.complaint("C-1001", "2026-01-05T10:00:00Z"), "agent").id();
      try (JdbcStore reopened = JdbcStore.builder().dataSource(context.getBean(DataSource.class)).build()) {
        assertThat(reopened.tickets().find(id)).as("the ticket, read through a second store on the same database")
            .hasValueSatisfying(t -> assertThat(t.complaint().customer()).contains(CustomerId.of("C-1001")));
      }
    });
  }

  @Test
  void theDeskKeepsItsTicketsInAJdbcStoreOfTheApplicationWithoutADataSource() {
    // The application's own JdbcStore, with its own connection pool and no DataSource bean.
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(OwnJdbcStore.class).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class).hasSingleBean(TicketStore.class);
      String id = context.getBean(ComplaintDesk.class).open(Events.complaint("C-1001", "2026-01-05T10:00:00Z"), "agent").id();
      try (JdbcStore reopened = JdbcStore.builder().url(OwnJdbcStore.URL).build()) {
        assertThat(reopened.tickets().find(id)).as("the ticket, read through a second store on the same database")
            .hasValueSatisfying(t -> assertThat(t.complaint().customer()).contains(CustomerId.of("C-1001")));
      }
    });
  }

  @Test
  void theDataSourceCanBeLeftAlone() {
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.store.use-data-source=false")
        .withUserConfiguration(H2.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CustomerStore.class));
  }

  @Test
  void theJacksonModuleJoinsTheApplicationsMapper() {
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .run(context -> {
          ObjectMapper mapper = context.getBean(ObjectMapper.class);
          // The documented form of Money (ClmJacksonModule): the amount as a string.
          assertThat(mapper.writeValueAsString(Money.of("12.50", "EUR")))
              .isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
          // The application's own types are written as before: a BigDecimal as a JSON number.
          assertThat(mapper.writeValueAsString(new OwnAmount(new BigDecimal("12.50"))))
              .isEqualTo("{\"amount\":12.50}");
        });
  }

  @Test
  void theComplaintDeskComesWithTheEngineAndCanBeSwitchedOff() {
    runner.withPropertyValues(TWO_PROPERTIES).run(context -> {
      assertThat(context).hasSingleBean(ComplaintDesk.class);
      assertThat(context.getBean(ComplaintDesk.class).workflow().id()).isEqualTo("standard");
    });
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.complaints.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ComplaintDesk.class));
  }

  @Test
  void complaintPropertiesReachTheDesk() {
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.complaints.workflow=uk-fca-disp", "clm.complaints.calendar=GB-ENG", "clm.complaints.ticket-prefix=UK-")
        .run(context -> {
          ComplaintDesk desk = context.getBean(ComplaintDesk.class);
          assertThat(desk.workflow().id()).isEqualTo("uk-fca-disp");
          assertThat(desk.open(Events.complaint("C-1001", "2026-01-05T10:00:00Z"), "agent").id()).startsWith("UK-");
        });
  }

  @Test
  void aComplaintOfACustomerTheEngineRejectsDoesNotHoldUpTheOthers() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.unknown-customers=REJECT", "clm.scheduling.enabled=false")
        .run(context -> {
          LifecycleEngine engine = context.getBean(LifecycleEngine.class);
          ComplaintDesk desk = context.getBean(ComplaintDesk.class);
          engine.register(CustomerId.of("C-1001"), Instant.parse("2026-01-01T00:00:00Z"));
          // A classified complaint is reported to the engine, which does not know C-9 and rejects it.
          for (String customer : List.of("C-9", "C-1001")) {
            String hour = customer.equals("C-9") ? "10" : "11";
            String ticket = desk.open(Events.complaint(customer, "2026-01-06T" + hour + ":00:00Z"), "agent").id();
            desk.acknowledge(ticket, "agent", Instant.parse("2026-01-06T" + hour + ":05:00Z"));
            desk.classify(ticket, "agent", Instant.parse("2026-01-06T" + hour + ":06:00Z"));
          }
          assertThat(desk.pendingEvents()).as("events waiting in the outbox").isZero();
          assertThat(engine.customer(CustomerId.of("C-1001")).orElseThrow()
                  .metric(Metric.OPEN_COMPLAINTS, Instant.parse("2026-01-06T11:07:00Z")))
              .as("the known customer's complaint reached the engine").isEqualTo(1.0);
          assertThat(engine.customer(CustomerId.of("C-9"))).isEmpty();
        });
  }

  @Test
  void anUnknownWorkflowIsReportedAsThatProperty() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.workflow=nowhere")
        .run(context -> assertRefused(context, "clm.complaints.workflow", "nowhere"));
  }

  @Test
  void anOutboxBacklogLimitBelowOneIsReportedAsThatProperty() {
    // A limit of 0 or less would keep the desk's health DOWN whatever its backlog.
    for (String limit : new String[] {"0", "-5"}) {
      runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.outbox-backlog-limit=" + limit)
          .run(context -> assertRefused(context, "clm.complaints.outbox-backlog-limit", "'" + limit + "'", "at least 1"));
    }
  }

  @Test
  void anOutboxBacklogLimitTheDeskNeverCountsUpToIsReportedAsThatProperty() {
    // ComplaintDesk.pendingEvents counts up to 10,000: from 10,001 the health could never be DOWN.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.outbox-backlog-limit=10001")
        .run(context -> assertRefused(context, "clm.complaints.outbox-backlog-limit", "'10001'", "at most 10000"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.outbox-backlog-limit=10000")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aDeskOfTheApplicationWins() {
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(OwnDesk.class).run(context -> {
      assertThat(context).hasSingleBean(ComplaintDesk.class);
      assertThat(context.getBean(ComplaintDesk.class).workflow().id()).isEqualTo("us-cfpb");
    });
  }

  @Test
  void theClocksAreScheduledUnlessSwitchedOff() {
    AtomicReference<ClockScheduler> scheduler = new AtomicReference<>();
    runner.withPropertyValues(TWO_PROPERTIES).run(context -> {
      assertThat(context).hasSingleBean(ClockScheduler.class);
      scheduler.set(context.getBean(ClockScheduler.class));
      assertThat(scheduler.get().isRunning()).isTrue();
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      Instant before = Instant.now();
      scheduler.get().tick();
      assertThat(desk.now()).as("the desk's clock").isAfterOrEqualTo(before);
    });
    assertThat(scheduler.get().isRunning()).as("stopped with the context").isFalse();
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.scheduling.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ClockScheduler.class));
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.scheduling.interval=10ms")
        .run(context -> assertThat(context.getStartupFailure())
            .rootCause()
            .hasMessageContaining("clm.scheduling.interval"));
  }

  @Test
  void anIntervalBeyondAHundredYearsIsReportedAsThatProperty() {
    // 2,562,047,788,016 hours is more milliseconds than a long holds.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.scheduling.interval=PT2562047788016H").run(context ->
        assertRefused(context, "clm.scheduling.interval", "PT2562047788016H", "at most 36500 days"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.scheduling.interval=36501d").run(context ->
        assertRefused(context, "clm.scheduling.interval", "PT876024H", "at most 36500 days"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.scheduling.interval=36500d").run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(ClockScheduler.class));
  }

  @Test
  void theScheduledAdvanceMovesTheClockOfEveryEngine() {
    // Two engines, one per currency; the primary one feeds the complaint desk.
    runner.withUserConfiguration(TwoEngines.class).run(context -> {
      assertThat(context).hasNotFailed();
      LifecycleEngine eur = context.getBean("eurEngine", LifecycleEngine.class);
      LifecycleEngine gbp = context.getBean("gbpEngine", LifecycleEngine.class);
      for (LifecycleEngine engine : List.of(eur, gbp)) {
        String currency = engine == eur ? "EUR" : "GBP";
        engine.ingest(new Transaction("posting-1", CustomerId.of("C-1001"), Instant.parse("2020-01-06T10:00:00Z"),
            Direction.CREDIT, Money.of("2500.00", currency), ProductType.CURRENT_ACCOUNT, Channel.MOBILE));
      }
      context.getBean(ClockScheduler.class).tick();
      // development-dormant (docs/models.md): a year without a transaction and no product held.
      assertThat(eur.customer(CustomerId.of("C-1001")).orElseThrow().stage()).isEqualTo("termination");
      assertThat(gbp.customer(CustomerId.of("C-1001")).orElseThrow().stage()).as("the second engine").isEqualTo("termination");
    });
  }

  @Test
  void everyDeskOfTheApplicationIsAdvancedAndReported() {
    // Two desks of the application's, one per jurisdiction, neither of them primary.
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(TwoDesks.class).run(context -> {
      assertThat(context).hasNotFailed();
      ComplaintDesk uk = context.getBean("ukDesk", ComplaintDesk.class);
      ComplaintDesk us = context.getBean("usDesk", ComplaintDesk.class);
      // The desk meters carry no desk tag: with several desks and no primary one, there are none.
      assertThat(context).doesNotHaveBean("clmComplaintDeskMeters");
      Instant before = Instant.now();
      assertThat(uk.now()).isBefore(before);
      assertThat(us.now()).isBefore(before);
      context.getBean(ClockScheduler.class).tick();
      assertThat(uk.now()).isAfterOrEqualTo(before);
      assertThat(us.now()).as("the second desk").isAfterOrEqualTo(before);

      HealthContributor desks = context.getBean("clmComplaintDeskHealthIndicator", HealthContributor.class);
      assertThat(desks).isInstanceOf(CompositeHealthContributor.class);
      CompositeHealthContributor composite = (CompositeHealthContributor) desks;
      assertThat(((HealthIndicator) composite.getContributor("ukDesk")).health().getDetails())
          .containsEntry("workflow", "uk-fca-disp");
      assertThat(((HealthIndicator) composite.getContributor("usDesk")).health().getDetails())
          .containsEntry("workflow", "us-cfpb");
    });
  }

  /** The context failed at start on a property, whose name and value the message gives. */
  private static void assertRefused(AssertableApplicationContext context, String... mentioned) {
    assertThat(context).hasFailed();
    assertThat(context.getStartupFailure())
        .rootCause()
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .message()
        .contains(mentioned);
  }

  /** An exception and its causes, outermost first. */
  private static List<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).toList();
  }

  /** A type of the application's. */
  record OwnAmount(BigDecimal amount) {}

  @Configuration(proxyBeanMethods = false)
  static class OwnEngine {
    @Bean
    LifecycleEngine myEngine() {
      return Clm.builder().model("four-stage").currency("GBP").build();
    }
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
  static class OwnJdbcStore {
    static final String URL = "jdbc:h2:mem:clm-own-store-" + OwnJdbcStore.class.hashCode() + ";DB_CLOSE_DELAY=-1";

    @Bean
    JdbcStore myStore() {
      return JdbcStore.builder().url(URL).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMask {
    static final CustomerIdMask MASK = CustomerIdMask.random();

    @Bean
    CustomerIdMask idMask() {
      return MASK;
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

  /** One in-memory database for every context of a test class, to restart over it. */
  @Configuration(proxyBeanMethods = false)
  static class SharedH2 {
    @Bean
    JdbcDataSource dataSource() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:clm-shared-" + ClmAutoConfigurationTest.class.hashCode() + ";DB_CLOSE_DELAY=-1");
      return h2;
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
