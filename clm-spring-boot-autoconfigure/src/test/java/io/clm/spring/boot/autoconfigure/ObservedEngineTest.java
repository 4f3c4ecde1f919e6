package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.clm.api.BatchResult;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.IngestResult;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.UnknownCustomerException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine with meters around it answers every call as the engine it wraps, and counts every refusal. */
class ObservedEngineTest {
  private static final Instant SINCE = Instant.parse("2026-01-06T00:00:00Z");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmContexts.CLM)
      .withPropertyValues(ClmContexts.TWO_PROPERTIES)
      .withPropertyValues("clm.scheduling.enabled=false")
      .withUserConfiguration(MetricsAndHealthTest.Registries.class);

  @Test
  void everyCallIsAnsweredAsTheEngineItWrapsAnswersIt() {
    runner.run(context -> {
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      assertThat(engine).isInstanceOf(ObservedEngine.class);
      assertThat(((ObservedEngine) engine).engine()).isNotNull().isNotInstanceOf(ObservedEngine.class);

      IngestResult first = engine.ingest(Events.firstTransaction("posting-1", "2500.00"));
      assertThat(first.duplicate()).isFalse();
      assertThat(first.changes()).singleElement().satisfies(c -> assertThat(List.of(c.from(), c.to()))
          .containsExactly("potential", "development"));
      BatchResult batch = engine.ingestAll(List.of(
          Events.transaction("posting-2", "C-2002", "10.00", "EUR"), Events.firstTransaction("posting-1", "2500.00")));
      assertThat(List.of(batch.accepted(), batch.duplicates(), batch.changes().size())).containsExactly(1, 1, 1);

      List<StageChange> heard = new ArrayList<>();
      AutoCloseable listening = engine.addListener(heard::add);
      assertThat(engine.register(CustomerId.of("C-3003"), SINCE)).as("a new customer").isTrue();
      assertThat(engine.register(CustomerId.of("C-3003"), SINCE)).as("a known customer").isFalse();
      engine.ingest(Events.transaction("posting-3", "C-3003", "10.00", "EUR"));
      listening.close();
      engine.ingest(Events.transaction("posting-4", "C-4004", "10.00", "EUR"));
      assertThat(heard).singleElement().satisfies(c -> assertThat(c.customer()).isEqualTo(CustomerId.of("C-3003")));

      assertThat(engine.customer(CustomerId.of("C-1001"))).map(Customer::stage).hasValue("development");
      assertThat(engine.customer(CustomerId.of("C-9999"))).isEmpty();
      assertThat(engine.history(CustomerId.of("C-1001"))).singleElement()
          .satisfies(c -> assertThat(c.to()).isEqualTo("development"));
      List<String> ids = new ArrayList<>();
      engine.forEachCustomer(c -> ids.add(c.id().value()));
      assertThat(ids).containsExactlyInAnyOrder("C-1001", "C-2002", "C-3003", "C-4004");
      assertThat(engine.customerCount()).isEqualTo(4);
      assertThat(engine.stageCounts()).containsEntry("development", 4L);
      LifecycleEngine wrapped = ((ObservedEngine) engine).engine();
      List<Integer> lanes = new ArrayList<>();
      for (String id : List.of("C-1001", "C-2002", "C-3003", "C-4004")) {
        lanes.add(engine.lane(CustomerId.of(id), 7));
        assertThat(lanes.get(lanes.size() - 1)).as("lane of " + id).isEqualTo(wrapped.lane(CustomerId.of(id), 7));
      }
      assertThat(lanes).as("lanes of the four customers").anyMatch(lane -> lane != 0);

      ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
      engine.exportSnapshot(snapshot);
      LifecycleEngine copy = Clm.builder().model("banking-six-stage").currency("EUR").build();
      copy.importSnapshot(new ByteArrayInputStream(snapshot.toByteArray()));
      assertThat(copy.customer(CustomerId.of("C-2002"))).map(Customer::stage).hasValue("development");

      assertThat(engine.erase(CustomerId.of("C-4004")).stageAtErasure()).isEqualTo("development");
      assertThat(engine.customer(CustomerId.of("C-4004"))).isEmpty();

      // A year without business and no product held: development-dormant.
      assertThat(engine.advanceTo(Instant.parse("2027-01-05T10:00:00Z")))
          .extracting(StageChange::customer, StageChange::to)
          .containsExactlyInAnyOrder(
              tuple(CustomerId.of("C-1001"), "termination"),
              tuple(CustomerId.of("C-2002"), "termination"),
              tuple(CustomerId.of("C-3003"), "termination"));
    });
  }

  @Test
  void aSnapshotIsImportedIntoTheEngineItWraps() {
    LifecycleEngine source = Clm.builder().model("banking-six-stage").currency("EUR").build();
    source.ingest(Events.transaction("posting-1", "C-5005", "10.00", "EUR"));
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    source.exportSnapshot(snapshot);
    runner.run(context -> {
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      engine.importSnapshot(new ByteArrayInputStream(snapshot.toByteArray()));
      assertThat(((ObservedEngine) engine).engine().customer(CustomerId.of("C-5005"))).map(Customer::stage)
          .hasValue("development");
    });
  }

  @Test
  void everyRefusalIsCountedByOutcomeAndReasonInABatchToo() {
    runner.withPropertyValues("clm.unknown-customers=REJECT").run(context -> {
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThatThrownBy(() -> engine.ingest(Events.firstTransaction("posting-1", "10.00")))
          .isInstanceOf(UnknownCustomerException.class);
      assertThatThrownBy(() -> engine.ingest(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> engine.ingestAll(List.of(Events.transaction("posting-2", "C-1001", "10.00", "USD"))))
          .isInstanceOf(InvalidEventException.class);

      assertThat(events(meters)).containsOnly(
          Map.entry("rejected UnknownCustomerException", 1.0),
          Map.entry("rejected NullPointerException", 1.0),
          Map.entry("rejected InvalidEventException", 1.0));
    });
  }

  @Test
  void aFailureOfTheEngineIsCountedAsFailedAndAnEmptyBatchCountsNothing() {
    runner.withUserConfiguration(FlakyEngine.class).run(context -> {
      LifecycleEngine engine = context.getBean(LifecycleEngine.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      engine.ingestAll(List.of());
      assertThat(events(meters)).as("counters after an empty batch").isEmpty();
      context.getBean(FlakyEngine.class).failing.set(true);
      assertThatThrownBy(() -> engine.ingest(Events.firstTransaction("posting-1", "10.00")))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> engine.ingestAll(List.of(Events.firstTransaction("posting-1", "10.00"))))
          .isInstanceOf(IllegalStateException.class);
      assertThat(events(meters)).containsOnly(Map.entry("failed IllegalStateException", 2.0));
    });
  }

  /** The counts of {@code clm.engine.events}, by outcome and reason. */
  private static Map<String, Double> events(MeterRegistry meters) {
    Map<String, Double> counts = new TreeMap<>();
    meters.find(ObservedEngine.EVENTS).counters().forEach(c -> counts.merge(
        c.getId().getTag("outcome") + " " + c.getId().getTag("reason"), c.count(), Double::sum));
    return counts;
  }

  /** The application's own engine, whose store fails once told to. */
  @Configuration(proxyBeanMethods = false)
  static class FlakyEngine {
    final AtomicBoolean failing = new AtomicBoolean();

    @Bean
    LifecycleEngine flakyEngine() {
      LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR").build();
      return (LifecycleEngine) Proxy.newProxyInstance(
          LifecycleEngine.class.getClassLoader(), new Class<?>[] {LifecycleEngine.class}, (proxy, method, args) -> {
            if (failing.get() && method.getName().startsWith("ingest")) {
              throw new IllegalStateException("the store is down");
            }
            try {
              return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
