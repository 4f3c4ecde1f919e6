package io.clm.api.spi;

import io.clm.api.CustomerIdMask;
import io.clm.api.UnknownCustomers;
import io.clm.api.annotation.Internal;
import io.clm.api.model.LifecycleModel;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An engine's configuration, as validated by {@link io.clm.api.Clm.Builder}.
 *
 * @param model the lifecycle model
 * @param currency the one currency of all amounts the engine accepts
 * @param unknownCustomers what to do with events for unknown customers
 * @param futureTolerance how far past the clock an event's timestamp may lie
 * @param trendWindow the length of the windows the volume trend compares
 * @param deduplicationWindow how far back from a customer's latest event ids are remembered; empty
 *     to remember every id
 * @param clock the wall clock, for the future tolerance
 * @param store where customers are persisted; empty to keep them in memory only
 * @param classLoader where plugins were found
 * @param idMask the keyed mask for the ids that erasure receipts show and the tombstones an engine
 *     keeps of erased ids; its key is never written to a snapshot or a store
 * @param customersInMemory how many customers the engine keeps in memory at most, the rest staying
 *     in the store until an operation needs them; empty to keep every customer in memory. Only
 *     with a store
 */
@Internal
public record EngineConfig(
    LifecycleModel model,
    Currency currency,
    UnknownCustomers unknownCustomers,
    Duration futureTolerance,
    Duration trendWindow,
    Optional<Duration> deduplicationWindow,
    Clock clock,
    Optional<CustomerStore> store,
    ClassLoader classLoader,
    CustomerIdMask idMask,
    OptionalInt customersInMemory) {

  /**
   * Checks that nothing is null.
   *
   * @param model the lifecycle model
   * @param currency the one currency of all amounts the engine accepts
   * @param unknownCustomers what to do with events for unknown customers
   * @param futureTolerance how far past the clock an event's timestamp may lie
   * @param trendWindow the length of the windows the volume trend compares
   * @param deduplicationWindow how far back from a customer's latest event ids are remembered; empty
   *     to remember every id
   * @param clock the wall clock, for the future tolerance
   * @param store where customers are persisted; empty to keep them in memory only
   * @param classLoader where plugins were found
   * @param idMask the keyed mask for the ids that erasure receipts show and the tombstones an engine keeps of erased ids; its key is never written to a snapshot or a store
   * @param customersInMemory how many customers the engine keeps in memory at most; empty for all
   * @throws IllegalArgumentException if {@code customersInMemory} is negative, or set without a
   *     store
   */
  public EngineConfig {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(unknownCustomers, "unknownCustomers");
    Objects.requireNonNull(futureTolerance, "futureTolerance");
    Objects.requireNonNull(trendWindow, "trendWindow");
    Objects.requireNonNull(deduplicationWindow, "deduplicationWindow");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(classLoader, "classLoader");
    Objects.requireNonNull(idMask, "idMask");
    Objects.requireNonNull(customersInMemory, "customersInMemory");
    if (customersInMemory.isPresent() && customersInMemory.getAsInt() < 0) {
      throw new IllegalArgumentException("customersInMemory " + customersInMemory.getAsInt() + " is negative");
    }
    if (customersInMemory.isPresent() && store.isEmpty()) {
      throw new IllegalArgumentException(
          "customersInMemory " + customersInMemory.getAsInt() + " needs a store to keep the other customers in");
    }
  }

  /**
   * A configuration with a random mask of its own that keeps every customer in memory.
   *
   * @param model the lifecycle model
   * @param currency the one currency of all amounts the engine accepts
   * @param unknownCustomers what to do with events for unknown customers
   * @param futureTolerance how far past the clock an event's timestamp may lie
   * @param trendWindow the length of the windows the volume trend compares
   * @param deduplicationWindow how far back ids are remembered; empty for every id
   * @param clock the wall clock
   * @param store where customers are persisted; empty for memory only
   * @param classLoader where plugins were found
   */
  public EngineConfig(
      LifecycleModel model,
      Currency currency,
      UnknownCustomers unknownCustomers,
      Duration futureTolerance,
      Duration trendWindow,
      Optional<Duration> deduplicationWindow,
      Clock clock,
      Optional<CustomerStore> store,
      ClassLoader classLoader) {
    this(model, currency, unknownCustomers, futureTolerance, trendWindow, deduplicationWindow, clock, store, classLoader,
        CustomerIdMask.random(), OptionalInt.empty());
  }
}
