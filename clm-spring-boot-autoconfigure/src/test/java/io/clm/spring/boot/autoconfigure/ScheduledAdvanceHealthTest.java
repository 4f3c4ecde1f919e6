package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.complaints.BusinessCalendar;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The health of an engine or a desk whose clock the scheduler cannot advance, in a running
 * application: the scheduler ticks every second and a clock is stale after one second.
 */
class ScheduledAdvanceHealthTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmContexts.CLM)
      .withPropertyValues(ClmContexts.TWO_PROPERTIES);

  private final ApplicationContextRunner ticking = runner
      .withPropertyValues("clm.scheduling.interval=1s", "clm.scheduling.stale-after=1s");

  @Test
  void aDeskWhoseAdvanceFailsIsDownUntilAnAdvanceSucceeds() {
    ticking.withUserConfiguration(FailingDesk.class).run(context -> {
      HealthIndicator desk = context.getBean("clmComplaintDeskHealthIndicator", HealthIndicator.class);
      Instant started = Instant.now();
      // With stale-after equal to the interval, the health may read DOWN just before the first
      // advance, which has not failed yet: wait for the failure.
      Health down = await(desk, h -> h.getStatus().equals(Status.DOWN) && h.getDetails().containsKey("advanceError"));
      // The message of an exception of the application's own is left out: it may carry personal data.
      assertThat(down.getDetails())
          .containsEntry("advanceError", IllegalStateException.class.getName())
          .containsEntry("workflow", "standard")
          .hasEntrySatisfying("lastAdvance", last -> assertThat(Instant.parse((String) last))
              .isBetween(started.minusSeconds(30), started));
      assertThat(down.getDetails().toString()).doesNotContain("C-1001");

      context.getBean(FailingDesk.class).failing.set(false);
      Health up = await(desk, h -> h.getStatus().equals(Status.UP));
      assertThat(up.getDetails()).doesNotContainKeys("lastAdvance", "advanceError");
    });
  }

  @Test
  void eachEngineReportsItsOwnAdvance() {
    ticking.withUserConfiguration(FailingEngine.class).run(context -> {
      CompositeHealthContributor engines = (CompositeHealthContributor) context.getBean("clmEngineHealthIndicator");
      HealthIndicator failing = (HealthIndicator) engines.getContributor("failingEngine");
      HealthIndicator working = (HealthIndicator) engines.getContributor("workingEngine");
      Health down = await(failing, h -> h.getStatus().equals(Status.DOWN) && h.getDetails().containsKey("advanceError"));
      assertThat(down.getDetails()).containsKey("lastAdvance")
          .containsEntry("advanceError", IllegalStateException.class.getName())
          .containsEntry("model", "four-stage");
      // Read at once, it may be read just before its own advance of this interval.
      await(working, h -> h.getStatus().equals(Status.UP));
    });
  }

  @Test
  void withoutSchedulingTheHealthDoesNotConsiderAdvances() throws Exception {
    // Passes on the code before the scheduled advance counted in the health too: nothing changes.
    runner.withPropertyValues("clm.scheduling.enabled=false", "clm.scheduling.interval=1s", "clm.scheduling.stale-after=1s")
        .withUserConfiguration(FailingDesk.class)
        .run(context -> {
          Thread.sleep(2_500);
          Health desk = context.getBean("clmComplaintDeskHealthIndicator", HealthIndicator.class).health();
          assertThat(desk.getStatus()).isEqualTo(Status.UP);
          assertThat(desk.getDetails()).doesNotContainKeys("lastAdvance", "advanceError");
        });
  }

  @Test
  void aStaleAfterShorterThanTheIntervalIsRefused() {
    runner.withPropertyValues("clm.scheduling.interval=1m", "clm.scheduling.stale-after=30s")
        .run(context -> assertRefused(context, "clm.scheduling.stale-after", "PT30S", "at least the interval"));
  }

  @Test
  void aStaleAfterOfMoreThan36500DaysIsRefused() {
    runner.withPropertyValues("clm.scheduling.stale-after=36501d")
        .run(context -> assertRefused(context, "clm.scheduling.stale-after", "PT876024H", "36500 days"));
  }

  private static Health await(HealthIndicator indicator, Predicate<Health> condition) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    Health health = indicator.health();
    while (!condition.test(health) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      health = indicator.health();
    }
    assertThat(health).as("health within 15 seconds").matches(condition);
    return health;
  }

  /** What is asked of it, of the object, or its exception. */
  private static Object delegate(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The application's own desk, whose advance fails, with personal data in its message, while told to. */
  @Configuration(proxyBeanMethods = false)
  static class FailingDesk {
    final AtomicBoolean failing = new AtomicBoolean(true);

    @Bean
    ComplaintDesk failingDesk() {
      ComplaintDesk desk = ComplaintDesk.builder()
          .workflow(ComplaintDesk.findWorkflow("standard"))
          .calendar(BusinessCalendar.everyDay(ZoneOffset.UTC))
          .build();
      return (ComplaintDesk) Proxy.newProxyInstance(
          ComplaintDesk.class.getClassLoader(), new Class<?>[] {ComplaintDesk.class}, (proxy, method, args) -> {
            if (method.getName().equals("advanceTo") && failing.get()) {
              throw new IllegalStateException("ticket store unreachable while reading customer C-1001");
            }
            return delegate(desk, method, args);
          });
    }
  }

  /** Two engines of the application's own (the desk's is the primary one); the first fails on every advance. */
  @Configuration(proxyBeanMethods = false)
  static class FailingEngine {
    @Bean
    LifecycleEngine failingEngine() {
      LifecycleEngine engine = Clm.builder().model("four-stage").currency("GBP").build();
      return (LifecycleEngine) Proxy.newProxyInstance(
          LifecycleEngine.class.getClassLoader(), new Class<?>[] {LifecycleEngine.class}, (proxy, method, args) -> {
            if (method.getName().equals("advanceTo")) {
              throw new IllegalStateException("store down");
            }
            return delegate(engine, method, args);
          });
    }

    @Bean
    @Primary
    LifecycleEngine workingEngine() {
      return Clm.builder().model("four-stage").currency("EUR").build();
    }
  }
}
