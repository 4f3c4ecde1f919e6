package io.clm.core.engine;

import io.clm.api.BatchResult;
import io.clm.api.ConflictingEventException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.CustomerMetrics;
import io.clm.api.Erasure;
import io.clm.api.IngestResult;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.StageChangeListener;
import io.clm.api.UnknownCustomerException;
import io.clm.api.UnknownCustomers;
import io.clm.api.event.Event;
import io.clm.api.event.ManualMove;
import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.EngineConfig;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.Tombstone;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The in-memory lifecycle engine, optionally writing through to a {@link
 * io.clm.api.spi.CustomerStore}: orchestration over its parts. See {@code docs/engine.md} for the
 * full semantics.
 *
 * <p>The parts: {@link Stripes} (the customers and their due index, in lock stripes), {@link
 * FactFold} (an event's facts), {@link SeenIds} (idempotency), {@link StageRules} (rule evaluation
 * and stage transitions), {@link WriteThrough} (the store, with rollback), {@link Residency} (which
 * customers are in memory), {@link BatchIngest} (all-or-nothing batches), {@link DueEvaluation}
 * ({@code advanceTo}), {@link ErasedIds} (erasure), {@link Listeners} and {@link Snapshots}.
 *
 * <p><b>Threading contract.</b> Every public method is thread-safe. An operation on a customer
 * holds the lock of the customer's stripe; events for one customer are applied one at a time,
 * events for customers of different stripes in parallel, and no lock or counter is shared by all
 * events. Batches lock their customers' stripes in ascending order, so they never deadlock;
 * snapshot export and import lock every stripe. Listeners run on the calling thread after the
 * stripe's lock is released.
 */
final class CoreLifecycleEngine implements LifecycleEngine {
  static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999Z");
  /** {@link #MIN_TIME} and {@link #MAX_TIME} as epoch milliseconds, the range of a record's instants. */
  static final long MIN_MILLIS = MIN_TIME.toEpochMilli();
  static final long MAX_MILLIS = MAX_TIME.toEpochMilli();
  private static final long NONE = CustomerMetrics.NONE;
  private static final IngestResult DUPLICATE = new IngestResult(true, List.of());
  private static final IngestResult NO_CHANGE = new IngestResult(false, List.of());

  private final EngineConfig config;
  private final LifecycleModel model;
  final Shape shape;
  final List<String> stageIds;
  final StageRules rules;
  final CustomerCodec codec;
  final WriteThrough store;
  private final EdgeChecks edge;

  final Stripes customers = new Stripes();
  final Residency residency;
  private final Listeners listeners = new Listeners();
  /** Fingerprints of erased customers, to the stage index each was in. */
  final ErasedIds erased;
  final AtomicLongArray erasedPerStage;
  private final AtomicLong advancedTo = new AtomicLong(Long.MIN_VALUE);
  /** How many customers {@link #advanceTo} evaluated: proves it touches only due customers. */
  final LongAdder timeEvaluations = new LongAdder();

  CoreLifecycleEngine(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.model = config.model();
    if (config.trendWindow().compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException("trendWindow " + config.trendWindow() + " is shorter than one hour");
    }
    if (config.futureTolerance().isNegative()) {
      throw new IllegalArgumentException("futureTolerance " + config.futureTolerance() + " is negative");
    }
    long dedup = config.deduplicationWindow().map(Duration::toMillis).orElse(-1L);
    List<String> ids = new ArrayList<>();
    model.stages().forEach(s -> ids.add(s.id()));
    this.stageIds = List.copyOf(ids);
    int n = stageIds.size();
    this.rules = new StageRules(model, stageIds);
    this.shape = new Shape(config.currency(), config.trendWindow().toMillis(), n, dedup, rules);
    this.codec = new CustomerCodec(shape, stageIds, model.id());
    this.erased = new ErasedIds(config.idMask());
    this.store = new WriteThrough(config.store().orElse(null), codec, rules, erased);
    this.edge = new EdgeChecks(config, shape);
    this.erasedPerStage = new AtomicLongArray(n);
    this.residency = new Residency(config.customersInMemory(), customers, store, n,
        (stripe, s) -> schedule(stripe, s, Math.max(s.time, s.stageEnteredAt)));
    store.restore(this::restoreTombstone);
    if (!residency.partial()) {
      store.scan(true, this::restoreCustomer);
    }
  }

  @Override
  public LifecycleModel model() {
    return model;
  }

  private UnknownCustomerException unknown(CustomerId id) {
    return new UnknownCustomerException("customer " + id.masked() + " is unknown");
  }

  private UnknownCustomerException erasedException(CustomerId id) {
    return new UnknownCustomerException("customer " + id.masked() + " was erased");
  }

  boolean isErased(CustomerId id) {
    return erased.contains(id);
  }

  /** Refuses a customer not held: erased, or unknown when unknown customers are refused. */
  void admit(CustomerId id, boolean registering) {
    if (isErased(id)) {
      throw erasedException(id);
    }
    if (!registering && config.unknownCustomers() == UnknownCustomers.REJECT) {
      throw unknown(id);
    }
  }

  /** A new customer for the first event of {@code id}, not yet held; see {@link #admit}. */
  CustomerState fresh(CustomerId id, long at, boolean registering) {
    admit(id, registering);
    CustomerState s = new CustomerState(id, shape);
    s.initFresh(rules.initial, at);
    return s;
  }

  private void restoreTombstone(Tombstone t) {
    erasedPerStage.incrementAndGet(erased.restore(t, stageIds, model.id()));
  }

  private void restoreCustomer(CustomerState s) {
    Stripes.Stripe stripe = customers.of(s);
    if (stripe.customers.putIfAbsent(s) != null) {
      throw WriteThrough.listedTwice(s.id());
    }
    schedule(stripe, s, Math.max(s.time, s.stageEnteredAt));
  }

  // ------------------------------------------------------------------ ingest

  @Override
  public IngestResult ingest(Event event) {
    long at = edge.checkEvent(event);
    long fp = Fingerprints.of(event.id());
    long content = Fingerprints.content(event);
    CustomerId id = event.customer();
    Stripes.Stripe stripe = customers.of(id);
    List<StageChange> changes;
    stripe.lock();
    try {
      CustomerState s = residency.held(stripe, id);
      boolean fresh = s == null;
      if (fresh) {
        s = fresh(id, at, false);
      }
      CustomerState backup = fresh ? null : store.backup(s);
      int before = s.historySize();
      if (!apply(s, event, at, fp, content)) {
        return DUPLICATE;
      }
      changes = s.historySince(before, id);
      if (store.enabled()) {
        store.save(s, backup, List.of(new SeenEvent(fp, content, at)), changes);
      }
      if (fresh) {
        stripe.customers.putIfAbsent(s);
      }
      schedule(stripe, s, Math.max(s.time, s.stageEnteredAt));
    } finally {
      residency.trim(stripe);
      stripe.unlock();
    }
    if (changes == null) {
      return NO_CHANGE;
    }
    listeners.tell(changes);
    return new IngestResult(false, changes);
  }

  /**
   * Applies an event to a state: checks first (nothing changes if a check fails), then records the
   * facts, moves the stage for a manual move and evaluates the rules.
   *
   * @return false for a duplicate
   */
  boolean apply(CustomerState s, Event event, long at, long fp, long content) {
    if (shape.dedupWindowMillis >= 0 && s.time != NONE && at < s.time - shape.dedupWindowMillis) {
      throw new InvalidEventException(
          "event '"
              + event.id()
              + "' at "
              + event.at()
              + " is older than the deduplication window "
              + Duration.ofMillis(shape.dedupWindowMillis)
              + " before the latest event of customer "
              + s.id().masked());
    }
    int slot = SeenIds.find(s, fp);
    if (slot >= 0) {
      if (Fingerprints.sameContent(s.seen[slot + 1], content, event)) {
        return false;
      }
      throw new ConflictingEventException(
          "event '" + event.id() + "' was applied to customer " + s.id().masked() + " before with other content");
    }
    ManualMove move = event instanceof ManualMove ? (ManualMove) event : null;
    if (move != null) {
      rules.checkManualMove(s, move);
    }
    long minor = FactFold.precheck(s, event, at);
    if (s.cycle == Integer.MAX_VALUE) {
      rules.checkCycle(s, event, at, minor, move);
    }
    if (!SeenIds.makeRoom(s, shape.dedupWindowMillis >= 0 && s.time != NONE ? s.time - shape.dedupWindowMillis : NONE)) {
      throw new InvalidEventException("customer " + s.id().masked() + " remembers " + s.seenCount
          + " event ids, as many as one table holds, and event '" + event.id()
          + "' is refused; a deduplication window lets the engine forget old ids");
    }
    FactFold.record(s, event, at, minor);
    SeenIds.insert(s, fp, content, at);
    long now = Math.max(s.time, s.stageEnteredAt);
    if (move != null) {
      rules.manualMove(s, move, now);
    }
    rules.evaluate(s, now);
    return true;
  }

  /** Recomputes when the customer's time-driven rules can next fire, and queues it if earlier. */
  void schedule(Stripes.Stripe stripe, CustomerState s, long now) {
    long due = rules.dueOf(s, now);
    s.due = due;
    if (due < s.queued) {
      stripe.due.add(due, s);
    }
  }

  @Override
  public BatchResult ingestAll(List<? extends Event> events) {
    Objects.requireNonNull(events, "events");
    long[] ats = new long[events.size()];
    long[] fps = new long[events.size()];
    long[] contents = new long[events.size()];
    for (int i = 0; i < events.size(); i++) {
      ats[i] = edge.checkEvent(events.get(i));
      fps[i] = Fingerprints.of(events.get(i).id());
      contents[i] = Fingerprints.content(events.get(i));
    }
    if (events.isEmpty()) {
      return new BatchResult(0, 0, List.of());
    }
    BatchResult result = new BatchIngest(this, events, ats, fps, contents).run();
    listeners.tell(result.changes());
    return result;
  }

  // ------------------------------------------------------------------ registration and time

  @Override
  public boolean register(CustomerId customer, Instant since) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(since, "since");
    long at = edge.checkTime(since, null, customer);
    List<StageChange> changes;
    Stripes.Stripe stripe = customers.of(customer);
    stripe.lock();
    try {
      if (residency.held(stripe, customer) != null) {
        return false;
      }
      CustomerState s = fresh(customer, at, true);
      rules.evaluate(s, at);
      changes = s.historySince(0, customer);
      store.save(s, null, List.of(), changes);
      stripe.customers.putIfAbsent(s);
      schedule(stripe, s, at);
    } finally {
      residency.trim(stripe);
      stripe.unlock();
    }
    listeners.tell(changes);
    return true;
  }

  @Override
  public List<StageChange> advanceTo(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant clamped = now.isAfter(MAX_TIME) ? MAX_TIME : now.isBefore(MIN_TIME) ? MIN_TIME : now;
    long t = clamped.toEpochMilli();
    long previous;
    do {
      previous = advancedTo.get();
      if (t < previous) {
        return List.of();
      }
    } while (!advancedTo.compareAndSet(previous, t));
    DueEvaluation run = new DueEvaluation(this, t);
    run.run();
    listeners.tell(run.changes());
    if (run.failure() != null) {
      throw run.failure();
    }
    return List.copyOf(run.changes());
  }

  // ------------------------------------------------------------------ queries

  @Override
  public Optional<Customer> customer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    Stripes.Stripe stripe = customers.of(customer);
    stripe.lock();
    try {
      CustomerState s = residency.held(stripe, customer);
      return s == null ? Optional.empty() : Optional.of(s.toCustomer(stageIds));
    } finally {
      residency.trim(stripe);
      stripe.unlock();
    }
  }

  @Override
  public List<StageChange> history(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    Stripes.Stripe stripe = customers.of(customer);
    stripe.lock();
    try {
      CustomerState s = residency.held(stripe, customer);
      return s == null ? List.of() : s.historyList();
    } finally {
      residency.trim(stripe);
      stripe.unlock();
    }
  }

  @Override
  public void forEachCustomer(Consumer<Customer> action) {
    Objects.requireNonNull(action, "action");
    if (residency.partial()) {
      store.scan(true, s -> action.accept(s.toCustomer(stageIds)));
    } else {
      customers.forEachView(s -> s.toCustomer(stageIds), action);
    }
  }

  @Override
  public int lane(CustomerId customer, int lanes) {
    Objects.requireNonNull(customer, "customer");
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes " + lanes + " is below 1");
    }
    return Stripes.lane(customer, lanes);
  }

  @Override
  public long customerCount() {
    residency.count();
    return customers.count();
  }

  @Override
  public Map<String, Long> stageCounts() {
    residency.count();
    long[] counts = customers.stageCounts(stageIds.size());
    Map<String, Long> result = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      result.put(stageIds.get(i), counts[i] + erasedPerStage.get(i));
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public AutoCloseable addListener(StageChangeListener listener) {
    return listeners.add(listener);
  }

  // ------------------------------------------------------------------ erasure

  @Override
  public Erasure erase(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    Stripes.Stripe stripe = customers.of(customer);
    stripe.lock();
    try {
      CustomerState s = residency.held(stripe, customer);
      if (s == null) {
        throw isErased(customer) ? erasedException(customer) : unknown(customer);
      }
      int removed = s.historySize();
      int stage = s.stage;
      long fingerprint = erased.fingerprint(customer);
      store.erase(customer, new Tombstone(Tombstone.Scheme.KEYED, erased.keyCheck, fingerprint, stageIds.get(stage)));
      erased.keyed.put(fingerprint, stage);
      erasedPerStage.incrementAndGet(stage);
      stripe.customers.remove(s);
      stripe.due.remove(s);
      s.clear();
      return new Erasure(config.idMask().mask(customer), config.clock().instant(), removed, stageIds.get(stage));
    } finally {
      residency.trim(stripe);
      stripe.unlock();
    }
  }

  // ------------------------------------------------------------------ snapshots

  @Override
  public void exportSnapshot(OutputStream out) {
    Objects.requireNonNull(out, "out");
    customers.lockAll();
    try {
      Snapshots.write(this, out);
    } finally {
      customers.unlockAll();
    }
  }

  @Override
  public void importSnapshot(InputStream in) {
    Objects.requireNonNull(in, "in");
    Snapshots.Contents contents = Snapshots.read(this, in);
    customers.lockAll();
    try {
      if (store.enabled()) {
        ErasedIds imported = new ErasedIds(config.idMask());
        imported.replaceWith(contents.keyed, contents.salt, contents.salted);
        store.replace(store.replacement(contents.customers, imported.tombstones(stageIds)));
      }
      customers.clear();
      if (residency.partial()) {
        residency.uncount();
      } else {
        for (CustomerState s : contents.customers) {
          Stripes.Stripe stripe = customers.of(s);
          stripe.customers.put(s);
          schedule(stripe, s, Math.max(s.time, s.stageEnteredAt));
        }
      }
      erased.replaceWith(contents.keyed, contents.salt, contents.salted);
      for (int i = 0; i < stageIds.size(); i++) {
        erasedPerStage.set(i, 0);
      }
      for (int stage : erased.stages()) {
        erasedPerStage.incrementAndGet(stage);
      }
    } finally {
      customers.unlockAll();
    }
  }

  /**
   * For snapshots: every customer, sorted by id. Call with every stripe locked. An engine that
   * keeps only some customers in memory reads them all from the store for this.
   */
  List<CustomerState> liveSorted() {
    List<CustomerState> live;
    if (residency.partial()) {
      live = new ArrayList<>();
      store.scan(true, live::add);
    } else {
      live = customers.all();
    }
    live.sort(CustomerState::compareIds);
    return live;
  }

  /** The masked form only: no customer data. */
  @Override
  public String toString() {
    return "LifecycleEngine[model=" + model.id() + ", currency=" + shape.currency + "]";
  }
}
