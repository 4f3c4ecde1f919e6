package io.clm.spring.boot.autoconfigure;

import io.clm.api.BatchResult;
import io.clm.api.ConflictingEventException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.IllegalTransitionException;
import io.clm.api.IngestResult;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.StageChangeListener;
import io.clm.api.UnknownCustomerException;
import io.clm.api.ValidationException;
import io.clm.api.event.Event;
import io.clm.api.model.LifecycleModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An engine with meters and observations around it (names and tags: docs/observability.md). Every
 * call goes to the engine it wraps; {@code ingest}, {@code ingestAll} and {@code advanceTo} run in
 * an observation named {@value #OPERATION} and count the events by outcome.
 */
final class ObservedEngine implements LifecycleEngine {
  static final String OPERATION = "clm.engine.operation";
  static final String EVENTS = "clm.engine.events";
  static final String STAGE_CHANGES = "clm.engine.stage.changes";
  static final String CUSTOMERS = "clm.engine.customers";

  private final String name;
  private final LifecycleEngine engine;
  private final MeterRegistry meters;
  private final ObservationRegistry observations;

  /**
   * Wraps an engine.
   *
   * @param name the engine's bean name, the {@code engine} tag of its meters: two engines of one
   *     model would otherwise share one gauge per stage, which reads the first engine only, and
   *     add up their events and stage changes
   */
  ObservedEngine(String name, LifecycleEngine engine, MeterRegistry meters, ObservationRegistry observations) {
    this.name = name;
    this.engine = engine;
    this.meters = meters;
    this.observations = observations;
    String model = engine.model().id();
    engine.addListener(change -> Counter.builder(STAGE_CHANGES)
        .description("Stage changes, by engine, model, from and to stage")
        .tags("engine", name, "model", model, "from", change.from(), "to", change.to())
        .register(meters)
        .increment());
    for (var stage : engine.model().stages()) {
      String id = stage.id();
      Gauge.builder(CUSTOMERS, engine, e -> e.stageCounts().getOrDefault(id, 0L))
          .description("Customers per stage, erased customers counted in the stage they left")
          .tags("engine", name, "model", model, "stage", id)
          .register(meters);
    }
  }

  /** The engine this one wraps. */
  LifecycleEngine engine() {
    return engine;
  }

  @Override
  public LifecycleModel model() {
    return engine.model();
  }

  @Override
  public IngestResult ingest(Event event) {
    IngestResult result = observe("ingest", () -> {
      try {
        return engine.ingest(event);
      } catch (RuntimeException e) {
        refused(e);
        throw e;
      }
    });
    count(result.duplicate() ? "duplicate" : "accepted", "none", 1);
    return result;
  }

  @Override
  public BatchResult ingestAll(List<? extends Event> events) {
    BatchResult result = observe("ingest-all", () -> {
      try {
        return engine.ingestAll(events);
      } catch (RuntimeException e) {
        refused(e);
        throw e;
      }
    });
    count("accepted", "none", result.accepted());
    count("duplicate", "none", result.duplicates());
    return result;
  }

  @Override
  public List<StageChange> advanceTo(Instant now) {
    return observe("advance-to", () -> engine.advanceTo(now));
  }

  private <T> T observe(String operation, Supplier<T> call) {
    return Observation.createNotStarted(OPERATION, observations)
        .contextualName("clm " + operation)
        .lowCardinalityKeyValue("operation", operation)
        .observe(call);
  }

  /** Counts the event an exception refused: a conflict, a rejection by reason, or a failure. */
  private void refused(RuntimeException e) {
    String reason = e.getClass().getSimpleName();
    if (e instanceof ConflictingEventException) {
      count("conflict", reason, 1);
    } else if (e instanceof InvalidEventException
        || e instanceof UnknownCustomerException
        || e instanceof IllegalTransitionException
        || e instanceof ValidationException
        || e instanceof NullPointerException) {
      count("rejected", reason, 1);
    } else {
      count("failed", reason, 1);
    }
  }

  private void count(String outcome, String reason, long n) {
    if (n > 0) {
      Counter.builder(EVENTS)
          .description("Events offered to the engine, by engine, outcome and the reason of a refusal")
          .tags("engine", name, "outcome", outcome, "reason", reason)
          .register(meters)
          .increment(n);
    }
  }

  @Override
  public boolean register(CustomerId customer, Instant since) {
    return engine.register(customer, since);
  }

  @Override
  public Optional<Customer> customer(CustomerId customer) {
    return engine.customer(customer);
  }

  @Override
  public List<StageChange> history(CustomerId customer) {
    return engine.history(customer);
  }

  @Override
  public void forEachCustomer(Consumer<Customer> action) {
    engine.forEachCustomer(action);
  }

  @Override
  public long customerCount() {
    return engine.customerCount();
  }

  @Override
  public Map<String, Long> stageCounts() {
    return engine.stageCounts();
  }

  @Override
  public AutoCloseable addListener(StageChangeListener listener) {
    return engine.addListener(listener);
  }

  @Override
  public Erasure erase(CustomerId customer) {
    return engine.erase(customer);
  }

  @Override
  public void exportSnapshot(OutputStream out) {
    engine.exportSnapshot(out);
  }

  @Override
  public void importSnapshot(InputStream in) {
    engine.importSnapshot(in);
  }

  @Override
  public int lane(CustomerId customer, int lanes) {
    return engine.lane(customer, lanes);
  }
}
