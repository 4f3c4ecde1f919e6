package io.clm.spring.boot.autoconfigure;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.Plugins;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerStore;
import io.clm.jackson.ClmJacksonModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle engine and the plugin registry from the {@code clm.*} properties, and clm's Jackson
 * module on the application's {@code ObjectMapper}. Each bean backs off when the application
 * defines its own. The engine keeps its state in the {@link CustomerStore} bean when there is one
 * ({@link ClmStoreAutoConfiguration}), in memory otherwise, and takes the {@link CustomerIdMask}
 * bean, when there is one, as its id mask: the key of erased customers' fingerprints, which must be
 * the same on every start over a store.
 */
@Experimental
@AutoConfiguration(after = ClmStoreAutoConfiguration.class)
@EnableConfigurationProperties(ClmProperties.class)
public class ClmAutoConfiguration {

  /** Created by Spring. */
  public ClmAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  Plugins clmPlugins(ApplicationContext context) {
    return Clm.plugins(context.getClassLoader());
  }

  @Bean
  @ConditionalOnMissingBean
  LifecycleEngine clmEngine(
      ClmProperties properties,
      ObjectProvider<CustomerStore> store,
      ObjectProvider<CustomerIdMask> idMask,
      ApplicationContext context) {
    Clm.Builder builder = Clm.builder().classLoader(context.getClassLoader());
    String model = required("clm.model", properties.getModel(), "a lifecycle model id, such as banking-six-stage");
    String currency = required("clm.currency", properties.getCurrency(), "an ISO 4217 currency code, such as EUR");
    ClmProperties p = properties;
    set("clm.model-parameters", p.getModelParameters(), () -> builder.model(model, p.getModelParameters()));
    set("clm.currency", currency, () -> builder.currency(currency));
    set("clm.unknown-customers", p.getUnknownCustomers(), () -> builder.unknownCustomers(p.getUnknownCustomers()));
    set("clm.future-tolerance", p.getFutureTolerance(), () -> builder.futureTolerance(p.getFutureTolerance()));
    set("clm.trend-window", p.getTrendWindow(), () -> builder.trendWindow(p.getTrendWindow()));
    set("clm.deduplication-window", p.getDeduplicationWindow(), () -> builder.deduplicationWindow(p.getDeduplicationWindow()));
    store.ifAvailable(builder::store);
    // The key of erased customers' fingerprints: the same on every start, or a restart over a store
    // with erasures is refused.
    idMask.ifAvailable(builder::idMask);
    try {
      return builder.build();
    } catch (ClmException e) {
      // The model id is resolved here, against the plugins on the class path.
      throw new InvalidConfigurationPropertyValueException("clm.model", model, e.getMessage());
    }
  }

  /** Applies a property that is set, reporting a value the builder refuses as that property's. */
  static void set(String property, Object value, Runnable apply) {
    if (value == null) {
      return;
    }
    try {
      apply.run();
    } catch (ClmException | IllegalArgumentException e) {
      throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
    }
  }

  private static String required(String property, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationPropertyValueException(property, value, property + " is not set: give " + what);
    }
    return value.strip();
  }

  /** clm's Jackson module, which Spring Boot registers with the application's {@code ObjectMapper}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.clm.jackson.ClmJacksonModule", "com.fasterxml.jackson.databind.ObjectMapper"})
  static class Jackson {
    @Bean
    @ConditionalOnMissingBean
    ClmJacksonModule clmJacksonModule() {
      return new ClmJacksonModule();
    }
  }
}
