package io.clm.spring.boot.autoconfigure;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.CustomerIdMask;
import io.clm.api.ErasureKeyException;
import io.clm.api.InvalidModelException;
import io.clm.api.LifecycleEngine;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.Plugins;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerStore;
import io.clm.jackson.ClmJacksonModule;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle engine and the plugin registry from the {@code clm.*} properties, and clm's Jackson
 * module on the application's {@code ObjectMapper}. Each bean backs off when the application
 * defines its own. The engine keeps its state in the {@link CustomerStore} bean when there is one
 * ({@link ClmStoreAutoConfiguration}), in memory otherwise (refused with {@code
 * clm.store.use-data-source=true}, and logged when several {@code DataSource} beans have none
 * primary: {@link DataSourceChoice}), and takes the {@link CustomerIdMask}
 * bean, or else a mask under the key of {@code clm.id-mask-key}, as its id mask: the key of erased
 * customers' fingerprints, which must be the same on every start over a store. A refused key is
 * reported without its value, also in the report of the failed start ({@link
 * IdMaskKeyFailureAnalyzer}); with Actuator, its {@code configprops} and {@code env} endpoints never
 * show that key, nor a value that names it.
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
    requireValues("clm.model-parameters", context);
    set("clm.model-parameters", p.getModelParameters(), () -> builder.model(model, p.getModelParameters()));
    set("clm.currency", currency, () -> builder.currency(currency));
    set("clm.unknown-customers", p.getUnknownCustomers(), () -> builder.unknownCustomers(p.getUnknownCustomers()));
    set("clm.future-tolerance", p.getFutureTolerance(), () -> builder.futureTolerance(p.getFutureTolerance()));
    set("clm.trend-window", p.getTrendWindow(), () -> builder.trendWindow(p.getTrendWindow()));
    set("clm.deduplication-window", p.getDeduplicationWindow(), () -> builder.deduplicationWindow(p.getDeduplicationWindow()));
    CustomerStore customerStore = store.getIfAvailable();
    if (customerStore != null) {
      builder.store(customerStore);
    } else {
      DataSourceChoice.engineInMemory(context);
    }
    if (p.getCustomersInMemory() != null && customerStore == null) {
      throw new InvalidConfigurationPropertyValueException("clm.customers-in-memory", p.getCustomersInMemory(),
          "keeping only some customers in memory needs a CustomerStore bean to keep the others in");
    }
    set("clm.customers-in-memory", p.getCustomersInMemory(), () -> builder.customersInMemory(p.getCustomersInMemory()));
    // The key of erased customers' fingerprints: the same on every start, or a restart over a store
    // with erasures is refused. The application's bean, else the property.
    CustomerIdMask mask = idMask.getIfAvailable(() -> maskFromKey(p.getIdMaskKey()));
    if (mask != null) {
      builder.idMask(mask);
    }
    try {
      return builder.build();
    } catch (ErasureKeyException e) {
      // The store's erasures were fingerprinted under another key.
      throw new InvalidConfigurationPropertyValueException("clm.id-mask-key", "(secret, not shown)", e.getMessage());
    } catch (InvalidModelException e) {
      // The model refuses its parameters (an unknown name, a value out of range), or, without
      // parameters, is itself invalid.
      if (p.getModelParameters().isEmpty()) {
        throw new InvalidConfigurationPropertyValueException("clm.model", model, e.getMessage());
      }
      throw new InvalidConfigurationPropertyValueException("clm.model-parameters", p.getModelParameters(), e.getMessage());
    } catch (PluginConfigurationException | PluginFailureException e) {
      // The model id is resolved here, against the plugins on the class path. Any other failure,
      // such as the store's (unreachable, or holding records of another model or currency), is
      // no property's and stops the start as it is.
      throw new InvalidConfigurationPropertyValueException("clm.model", model, e.getMessage());
    }
  }

  /**
   * The mask under the key of {@code clm.id-mask-key}, or null when it is not set. A refused key is
   * reported without its value, which is a secret.
   */
  static CustomerIdMask maskFromKey(String key) {
    if (key == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationPropertyValueException("clm.id-mask-key", "(secret, not shown)", "not Base64");
    }
    try {
      return CustomerIdMask.withKey(bytes);
    } catch (ClmException e) {
      throw new InvalidConfigurationPropertyValueException("clm.id-mask-key", "(secret, not shown)", e.getMessage());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Refuses an entry of a map property that is given without a value, such as {@code
   * development.min-transactions=${MIN_TRANSACTIONS:}} with the variable unset: bound as a number,
   * it would be left out, and the model's default used in its place without a word.
   */
  private static void requireValues(String property, ApplicationContext context) {
    Map<String, String> raw = Binder.get(context.getEnvironment())
        .bind(property, Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    raw.forEach((name, value) -> {
      if (value == null || value.isBlank()) {
        throw new InvalidConfigurationPropertyValueException(
            property + "." + name, value, "no value: give one, or leave the property out for the model's default");
      }
    });
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

  /**
   * Masks {@code clm.id-mask-key}, a secret, in Actuator's {@code configprops} and {@code env}
   * endpoints, also when they are set to show values; and masks whole every value that names the
   * key, such as the JSON of {@code SPRING_APPLICATION_JSON} or the command line the JVM keeps as
   * {@code sun.java.command}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class Secrets {
    /** The key's names as the endpoints give them, without separators and in lower case. */
    private static final String ID_MASK_KEY = "clmidmaskkey";
    /** The key's name in a value that carries it (in JSON, under {@code clm}), in the same form. */
    private static final String NAMED_IN_VALUE = "idmaskkey";

    @Bean
    @ConditionalOnMissingBean(name = "clmIdMaskKeySanitizer")
    SanitizingFunction clmIdMaskKeySanitizer() {
      // clm.id-mask-key, clm.idMaskKey (configprops) and CLM_ID_MASK_KEY (the environment).
      return SanitizingFunction.sanitizeValue()
          .ifKeyMatches(key -> plain(key).equals(ID_MASK_KEY))
          .ifValueStringMatches(value -> plain(value).contains(NAMED_IN_VALUE));
    }

    private static String plain(String text) {
      return text.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
    }
  }
}
