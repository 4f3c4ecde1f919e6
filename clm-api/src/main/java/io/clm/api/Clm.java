package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.spi.ClmProvider;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.EngineConfig;
import io.clm.api.spi.PluginCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The entry point of clm. Build an engine:
 *
 * <pre>{@code
 * LifecycleEngine engine = Clm.builder()
 *     .model("banking-six-stage")
 *     .currency("EUR")
 *     .build();
 * }</pre>
 *
 * <p>and find plugins with {@link #plugins()}. The engine implementation (clm-core) is found with
 * {@link ServiceLoader}; exactly one must be on the class path or module path.
 */
@Stable
public final class Clm {

  private Clm() {}

  /**
   * Starts configuring an engine.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The plugins visible to the thread's context class loader (or this library's loader if there is
   * none).
   *
   * @return the registry; a plugin that cannot be loaded, or whose id another plugin claims too, is
   *     left out, logged and listed by {@link Plugins#problems()}, not fatal
   * @throws PluginConfigurationException if no or several engine implementations are present
   */
  public static Plugins plugins() {
    return plugins(defaultLoader());
  }

  /**
   * The plugins visible to a class loader.
   *
   * @param loader the loader to search
   * @return the registry
   * @throws PluginConfigurationException as {@link #plugins()}
   */
  public static Plugins plugins(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return provider(loader).plugins(loader);
  }

  private static ClassLoader defaultLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Clm.class.getClassLoader();
  }

  static ClmProvider provider(ClassLoader loader) {
    List<ClmProvider> found = new ArrayList<>();
    try {
      // The given loader in both worlds: on the module path it finds the provider in the loader's
      // module layer (and its parents), on the class path through META-INF/services.
      ServiceLoader<ClmProvider> services = ServiceLoader.load(ClmProvider.class, loader);
      for (ClmProvider p : services) {
        found.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginConfigurationException(
          "the clm engine implementation could not be loaded: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new PluginConfigurationException(
          "no clm engine implementation found: add io.clm:clm-core to the class path or module path");
    }
    if (found.size() > 1) {
      List<String> names = new ArrayList<>();
      found.forEach(p -> names.add(p.getClass().getName()));
      throw new PluginConfigurationException(
          "several clm engine implementations found, keep exactly one: " + names);
    }
    return found.get(0);
  }

  /**
   * Configures a {@link LifecycleEngine}. Every setter checks its argument at once and may be
   * called once; {@link #build()} checks the whole configuration. Not thread-safe.
   */
  public static final class Builder {
    /**
     * The longest duration any setting accepts: 36,500 days (a century), far beyond any use and
     * far below where milliseconds overflow a {@code long}.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(36_500);

    /**
     * How far past the clock an event's timestamp may lie unless {@link #futureTolerance} says
     * otherwise: 5 minutes. Also the default of {@link
     * io.clm.api.complaints.ComplaintDeskBuilder#futureTolerance}, so that what a desk accepts
     * the engine it feeds accepts too.
     */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private String modelId;
    private Map<String, Double> modelParameters;
    private LifecycleModel model;
    private Currency currency;
    private UnknownCustomers unknownCustomers;
    private Duration futureTolerance;
    private Duration trendWindow;
    private Duration deduplicationWindow;
    private Clock clock;
    private CustomerStore store;
    private Integer customersInMemory;
    private ClassLoader classLoader;
    private CustomerIdMask idMask;

    private Builder() {}

    /**
     * Uses a discovered model with its default parameters.
     *
     * @param id the model's id, such as {@code banking-six-stage}
     * @return this builder
     * @throws IllegalStateException if a model was set already
     */
    public Builder model(String id) {
      return model(id, Map.of());
    }

    /**
     * Uses a discovered model with some parameters overridden.
     *
     * @param id the model's id
     * @param parameters parameter names to values (see the model's documentation)
     * @return this builder
     * @throws IllegalStateException if a model was set already
     */
    public Builder model(String id, Map<String, Double> parameters) {
      requireUnset(modelId == null && model == null, "model");
      Objects.requireNonNull(id, "model id");
      this.modelParameters = Map.copyOf(parameters);
      this.modelId = id;
      return this;
    }

    /**
     * Uses a model built with {@link LifecycleModel#builder(String)}.
     *
     * @param model the model
     * @return this builder
     * @throws IllegalStateException if a model was set already
     */
    public Builder model(LifecycleModel model) {
      requireUnset(modelId == null && this.model == null, "model");
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the one currency of all amounts (required). Integrators convert foreign-currency
     * transactions to it before ingesting.
     *
     * @param code an ISO 4217 code such as {@code EUR}
     * @return this builder
     * @throws ValidationException if the code is unknown or has no fraction digits (such as {@code
     *     XXX}), see {@link Money#currency(String)}
     */
    public Builder currency(String code) {
      requireUnset(currency == null, "currency");
      this.currency = Money.currency(code);
      return this;
    }

    /**
     * Sets what happens to events for unknown customers (default {@link UnknownCustomers#CREATE}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder unknownCustomers(UnknownCustomers policy) {
      requireUnset(unknownCustomers == null, "unknownCustomers");
      this.unknownCustomers = Objects.requireNonNull(policy, "unknownCustomers");
      return this;
    }

    /**
     * Sets how far past the clock an event's timestamp may lie (default {@link
     * #DEFAULT_FUTURE_TOLERANCE}, 5 minutes).
     *
     * @param tolerance zero to {@link #MAX_DURATION}
     * @return this builder
     * @throws NullPointerException if {@code tolerance} is null
     * @throws ValidationException if negative or longer than {@link #MAX_DURATION}
     */
    public Builder futureTolerance(Duration tolerance) {
      requireUnset(futureTolerance == null, "futureTolerance");
      Objects.requireNonNull(tolerance, "futureTolerance");
      if (tolerance.isNegative()) {
        throw new ValidationException("futureTolerance " + tolerance + " is negative");
      }
      this.futureTolerance = notTooLong(tolerance, "futureTolerance");
      return this;
    }

    /**
     * Sets the length of the windows the volume trend compares (default 90 days).
     *
     * @param window one hour to {@link #MAX_DURATION}
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws ValidationException if shorter than an hour or longer than {@link #MAX_DURATION}
     */
    public Builder trendWindow(Duration window) {
      requireUnset(trendWindow == null, "trendWindow");
      Objects.requireNonNull(window, "trendWindow");
      if (window.compareTo(Duration.ofHours(1)) < 0) {
        throw new ValidationException("trendWindow " + window + " is shorter than one hour");
      }
      this.trendWindow = notTooLong(window, "trendWindow");
      return this;
    }

    /**
     * Bounds the memory used for idempotency: event ids are remembered only for events within
     * {@code window} of the customer's latest event, and an older event is rejected with {@link
     * InvalidEventException} because it can no longer be told from a duplicate. By default every
     * id is remembered.
     *
     * @param window one day to {@link #MAX_DURATION}
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws ValidationException if shorter than a day or longer than {@link #MAX_DURATION}
     */
    public Builder deduplicationWindow(Duration window) {
      requireUnset(deduplicationWindow == null, "deduplicationWindow");
      Objects.requireNonNull(window, "deduplicationWindow");
      if (window.compareTo(Duration.ofDays(1)) < 0) {
        throw new ValidationException("deduplicationWindow " + window + " is shorter than one day");
      }
      this.deduplicationWindow = notTooLong(window, "deduplicationWindow");
      return this;
    }

    private static Duration notTooLong(Duration d, String field) {
      if (d.compareTo(MAX_DURATION) > 0) {
        throw new ValidationException(field + " " + d + " is longer than " + MAX_DURATION.toDays() + " days");
      }
      return d;
    }

    /**
     * Sets the wall clock used for the future tolerance (default the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      requireUnset(this.clock == null, "clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Persists customers in the integrator's store (default: memory only).
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(CustomerStore store) {
      requireUnset(this.store == null, "store");
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Keeps at most about {@code max} customers in memory; the others stay in the {@link
     * #store(CustomerStore) store} until an event, a query or {@link LifecycleEngine#advanceTo}
     * needs them, and are then read back (default: every customer in memory). Memory then follows
     * {@code max}, not the population: a restart reads no customer's state into memory, {@code
     * advanceTo} reads only the customers the store lists as due, and counts stay exact. The
     * price is a store read for each customer not in memory. The bound is kept per lock stripe of
     * the engine, so it is rounded up to a multiple of 64; an {@code advanceTo} holds the due
     * customers of one stripe at a time beyond it. 0 keeps no customer in memory between
     * operations.
     *
     * @param max the most customers kept in memory, at least 0
     * @return this builder
     * @throws ValidationException if {@code max} is negative
     * @throws IllegalStateException if set already
     */
    public Builder customersInMemory(int max) {
      requireUnset(customersInMemory == null, "customersInMemory");
      if (max < 0) {
        throw new ValidationException("customersInMemory " + max + " is negative");
      }
      this.customersInMemory = max;
      return this;
    }

    /**
     * Sets the class loader that models and plugins are found with (default the thread's context
     * class loader).
     *
     * @param loader the loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader loader) {
      requireUnset(classLoader == null, "classLoader");
      this.classLoader = Objects.requireNonNull(loader, "classLoader");
      return this;
    }

    /**
     * Sets the keyed mask of the ids that erasure receipts show and of the tombstones kept for
     * erased ids (default: a mask under a random key of this engine, kept in memory only). Give a
     * mask under your own secret when receipts must match across restarts.
     *
     * @param mask the mask
     * @return this builder
     * @throws NullPointerException if {@code mask} is null
     * @throws IllegalStateException if set already
     */
    public Builder idMask(CustomerIdMask mask) {
      requireUnset(idMask == null, "idMask");
      this.idMask = Objects.requireNonNull(mask, "idMask");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return a new, empty engine
     * @throws IllegalStateException if the model or the currency is not set, or {@link
     *     #customersInMemory} is set without a store
     * @throws PluginConfigurationException if no or several engine implementations are present, or
     *     the model id is unknown, or the model with that id could not be loaded or is claimed by
     *     two plugins (the message says which and why). A broken plugin that this engine does not
     *     use does not stop it: it is logged and listed by {@link Plugins#problems()}
     * @throws InvalidModelException if a model parameter is unknown or out of range
     * @throws PluginFailureException if the model's provider throws anything else or returns null
     *     from {@code create}; the message names the provider's id and class
     */
    public LifecycleEngine build() {
      if (modelId == null && model == null) {
        throw new IllegalStateException("model is not set");
      }
      if (currency == null) {
        throw new IllegalStateException("currency is not set");
      }
      if (customersInMemory != null && store == null) {
        throw new IllegalStateException(
            "customersInMemory " + customersInMemory + " needs a store to keep the other customers in");
      }
      ClassLoader loader = classLoader != null ? classLoader : defaultLoader();
      ClmProvider provider = provider(loader);
      LifecycleModel resolved =
          model != null ? model : create(provider.plugins(loader).get(LifecycleModelProvider.class, modelId));
      return provider.engine(
          new EngineConfig(
              resolved,
              currency,
              unknownCustomers != null ? unknownCustomers : UnknownCustomers.CREATE,
              futureTolerance != null ? futureTolerance : DEFAULT_FUTURE_TOLERANCE,
              trendWindow != null ? trendWindow : Duration.ofDays(90),
              Optional.ofNullable(deduplicationWindow),
              clock != null ? clock : Clock.systemUTC(),
              Optional.ofNullable(store),
              loader,
              idMask != null ? idMask : CustomerIdMask.random(),
              customersInMemory != null ? OptionalInt.of(customersInMemory) : OptionalInt.empty()));
    }

    /**
     * Creates the model through the guard: a typed refusal (such as an unknown parameter) passes
     * through, anything else the provider throws, and null, is its failure.
     */
    private LifecycleModel create(LifecycleModelProvider modelProvider) {
      Map<String, Double> parameters = modelParameters;
      try {
        return PluginCalls.call(modelProvider, "Clm.builder().build()", "create", p -> p.create(parameters));
      } catch (PluginFailureException e) {
        if (e.getCause() instanceof ClmException refusal) {
          throw refusal;
        }
        throw e;
      }
    }

    private static void requireUnset(boolean unset, String field) {
      if (!unset) {
        throw new IllegalStateException(field + " was already set");
      }
    }
  }
}
