package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.CLM;
import static io.clm.spring.boot.autoconfigure.ClmContexts.TWO_PROPERTIES;
import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.UnknownCustomerException;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.TicketStore;
import io.clm.api.spi.CustomerStore;
import io.clm.spring.boot.autoconfigure.ClmContexts.H2;
import io.clm.store.jdbc.JdbcStore;
import io.clm.store.jdbc.JdbcStoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store the engine and the desk keep their state in (a data source, a store of the
 * application's, or none), its bound on customers in memory, and the id mask keying the
 * fingerprints of erased customers.
 */
class StoreAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CLM);

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

  /** An exception and its causes, outermost first. */
  private static List<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).toList();
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

  /** One in-memory database for every context of a test class, to restart over it. */
  @Configuration(proxyBeanMethods = false)
  static class SharedH2 {
    @Bean
    JdbcDataSource dataSource() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:clm-shared-" + StoreAutoConfigurationTest.class.hashCode() + ";DB_CLOSE_DELAY=-1");
      return h2;
    }
  }
}
