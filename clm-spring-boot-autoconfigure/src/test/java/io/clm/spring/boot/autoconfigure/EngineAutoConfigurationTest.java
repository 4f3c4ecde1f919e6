package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.CLM;
import static io.clm.spring.boot.autoconfigure.ClmContexts.TWO_PROPERTIES;
import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.IngestResult;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.Plugins;
import io.clm.api.spi.CustomerStore;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine and the plugin registry from the properties, an engine of the application's, and the Jackson module. */
class EngineAutoConfigurationTest {
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
  void aModelParameterReachesTheEngine() {
    // Two transactions as a prospect open the relationship, not the default one.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.model-parameters.development.min-transactions=2")
        .run(context -> {
          LifecycleEngine engine = context.getBean(LifecycleEngine.class);
          engine.ingest(Events.firstTransaction("posting-1", "10.00"));
          assertThat(engine.customer(CustomerId.of("C-1001")).orElseThrow().stage()).as("after one").isEqualTo("potential");
          engine.ingest(Events.firstTransaction("posting-2", "10.00"));
          assertThat(engine.customer(CustomerId.of("C-1001")).orElseThrow().stage()).as("after two").isEqualTo("development");
        });
  }

  @Test
  void aModelParameterWithoutAValueIsReportedAsThatProperty() {
    // Such as development.min-transactions=${MIN_TRANSACTIONS:} with the variable unset: not the model's default.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.model-parameters.development.min-transactions=")
        .run(context -> assertRefused(context, "clm.model-parameters.development.min-transactions", "no value"));
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

  /** A type of the application's. */
  record OwnAmount(BigDecimal amount) {}

  @Configuration(proxyBeanMethods = false)
  static class OwnEngine {
    @Bean
    LifecycleEngine myEngine() {
      return Clm.builder().model("four-stage").currency("GBP").build();
    }
  }
}
