package io.clm.spring.boot.autoconfigure;

import io.clm.api.LifecycleEngine;
import io.clm.api.annotation.Experimental;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters and observations for every {@link LifecycleEngine} bean, the application's
 * own included, when the application has a {@link MeterRegistry} (Spring Boot's Actuator gives it
 * one): events by outcome, stage changes, customers per stage, and an observation around {@code
 * ingest}, {@code ingestAll} and {@code advanceTo} that Boot turns into a timer and, with a tracer,
 * into spans. The meters are listed in docs/observability.md.
 */
@Experimental
@AutoConfiguration(after = ClmAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
public class ClmMetricsAutoConfiguration {

  /** Created by Spring. */
  public ClmMetricsAutoConfiguration() {}

  @Bean
  static BeanPostProcessor clmEngineObservation(
      ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof LifecycleEngine engine) || bean instanceof ObservedEngine) {
          return bean;
        }
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
          return bean;
        }
        return new ObservedEngine(name, engine, registry, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
      }
    };
  }
}
