package io.clm.spring.boot.autoconfigure;

import io.clm.api.LifecycleEngine;
import io.clm.api.PluginInfo;
import io.clm.api.Plugins;
import io.clm.api.annotation.Experimental;
import io.clm.store.jdbc.JdbcStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health for the engine ({@code clmEngine}; with several engine beans, one component of it
 * per engine, by bean name; DOWN too when the scheduled advance has not advanced its clock for
 * {@code clm.scheduling.stale-after}) and the store ({@code clmStore}: reachable within {@code
 * clm.store.health-timeout}, schema version), and an
 * info contributor ({@code clm.plugins}) listing the discovered plugins with their versions and
 * jars. Each backs off when the application defines a bean of that name.
 * The complaint desk's health: {@link ClmComplaintDeskHealthAutoConfiguration}.
 */
@Experimental
@AutoConfiguration(after = ClmAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class ClmHealthAutoConfiguration {

  /** Created by Spring. */
  public ClmHealthAutoConfiguration() {}

  /**
   * The health of the engine, or with several engines, one component per engine by bean name: a
   * single engine bean, or the primary one, would leave the others unreported.
   */
  @Bean
  @ConditionalOnBean(LifecycleEngine.class)
  @ConditionalOnMissingBean(name = "clmEngineHealthIndicator")
  HealthContributor clmEngineHealthIndicator(ListableBeanFactory beans, ObjectProvider<ClockScheduler> scheduler) {
    Map<String, LifecycleEngine> engines = beans.getBeansOfType(LifecycleEngine.class);
    if (engines.size() == 1) {
      var only = engines.entrySet().iterator().next();
      return engineHealth(only.getKey(), only.getValue(), scheduler);
    }
    Map<String, HealthIndicator> each = new LinkedHashMap<>();
    engines.forEach((name, engine) -> each.put(name, engineHealth(name, engine, scheduler)));
    return CompositeHealthContributor.fromMap(each);
  }

  /**
   * UP with the customer count; DOWN when the engine cannot count its customers (with {@code
   * clm.customers-in-memory}, the first count reads the store, which may fail: {@link
   * FailedHealth}), or when the scheduler has not advanced its clock for {@code
   * clm.scheduling.stale-after} (see docs/observability.md).
   */
  private static HealthIndicator engineHealth(String name, LifecycleEngine engine, ObjectProvider<ClockScheduler> scheduler) {
    return () -> {
      String model = engine.model().id();
      long customers;
      try {
        customers = engine.customerCount();
      } catch (RuntimeException e) {
        // Thrown on, it would fail the whole health endpoint instead of reporting this component.
        return AdvanceHealth.of(FailedHealth.down(e).withDetail("model", model), scheduler, ScheduledAdvance.engine(name))
            .build();
      }
      Health.Builder health = Health.up().withDetail("model", model).withDetail("customers", customers);
      return AdvanceHealth.of(health, scheduler, ScheduledAdvance.engine(name)).build();
    };
  }

  @Bean
  @ConditionalOnBean(Plugins.class)
  @ConditionalOnMissingBean(name = "clmInfoContributor")
  InfoContributor clmInfoContributor(Plugins plugins) {
    return builder -> {
      List<Map<String, String>> list = plugins.list().stream().map(ClmHealthAutoConfiguration::describe).toList();
      builder.withDetail("clm", Map.of("plugins", list, "problems", plugins.problems()));
    };
  }

  private static Map<String, String> describe(PluginInfo p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("kind", p.kind());
    m.put("version", p.version());
    m.put("location", p.location());
    return m;
  }

  /**
   * The health of the JDBC store: one query on a connection, and the version of its schema, within
   * {@code clm.store.health-timeout} ({@link StoreHealth}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.clm.store.jdbc.JdbcStore")
  @EnableConfigurationProperties(ClmProperties.class)
  static class Store {
    @Bean
    @ConditionalOnBean(JdbcStore.class)
    @ConditionalOnMissingBean(name = "clmStoreHealthIndicator")
    HealthIndicator clmStoreHealthIndicator(JdbcStore store, ClmProperties properties) {
      Duration timeout = properties.getStore().getHealthTimeout();
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new InvalidConfigurationPropertyValueException(
            "clm.store.health-timeout", timeout, "the timeout must be more than zero");
      }
      DurationProperties.requireAtMostMax("clm.store.health-timeout", timeout);
      return new StoreHealth(store, timeout)::health;
    }
  }
}
