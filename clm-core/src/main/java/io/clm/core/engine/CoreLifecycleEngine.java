package io.clm.core.engine;

import io.clm.api.BatchResult;
import io.clm.api.Cause;
import io.clm.api.Condition;
import io.clm.api.ClmException;
import io.clm.api.CorruptRecordException;
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
import io.clm.api.model.TransitionRule;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import io.clm.api.spi.EngineConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory lifecycle engine, optionally writing through to a {@link CustomerStore}. See
 * {@code docs/engine.md} for the full semantics.
 *
 * <p><b>Threading contract.</b> Every public method is thread-safe. Each customer has its own lock
 * (the state object's monitor, plus a claim flag that batches set on every customer they touch, in
 * customer id order, so that batches never deadlock). Events for one customer are applied one at a
 * time, events for different customers in parallel. The due-time index has its own lock, always
 * taken after a customer's. Snapshot export and import take the engine's write lock and so wait
 * for, and hold off, every other operation. Listeners run on the calling thread after the customer's
 * lock is released.
 */
final class CoreLifecycleEngine implements LifecycleEngine {
  private static final Logger LOG = LoggerFactory.getLogger(CoreLifecycleEngine.class);

  static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999Z");
  private static final long NONE = CustomerMetrics.NONE;
  private static final IngestResult DUPLICATE = new IngestResult(true, List.of());
  private static final IngestResult NO_CHANGE = new IngestResult(false, List.of());

  private final EngineConfig config;
  private final LifecycleModel model;
  final Shape shape;
  final List<String> stageIds;
  private final TransitionRule[][] rules;
  /** {@link #rules}' conditions, in arrays for the per-event loops. */
  private final Condition[][] conditions;
  private final int[][] targets;
  private final Cause.Rule[][] causes;
  private final boolean[] terminal;
  private final int initial;
  private final CustomerStore store;
  final CustomerCodec codec;
  private final EdgeChecks edge;

  final CustomerTable customers = new CustomerTable();
  final DueIndex dueIndex = new DueIndex();
  private final CopyOnWriteArrayList<Registration> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  /** Fingerprints of erased customers, to the stage index each was in. */
  final ErasedIds erased;
  final AtomicLongArray erasedPerStage;
  final AtomicLong known = new AtomicLong();
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
    this.shape = new Shape(config.currency(), config.trendWindow().toMillis(), n, dedup);
    this.rules = new TransitionRule[n][];
    this.conditions = new Condition[n][];
    this.targets = new int[n][];
    this.causes = new Cause.Rule[n][];
    this.terminal = new boolean[n];
    for (int i = 0; i < n; i++) {
      List<TransitionRule> out = model.rulesFrom(stageIds.get(i));
      rules[i] = out.toArray(new TransitionRule[0]);
      targets[i] = new int[out.size()];
      causes[i] = new Cause.Rule[out.size()];
      conditions[i] = new Condition[out.size()];
      for (int j = 0; j < out.size(); j++) {
        targets[i][j] = model.indexOf(out.get(j).to());
        causes[i][j] = new Cause.Rule(out.get(j).id());
        conditions[i][j] = out.get(j).condition();
      }
      terminal[i] = model.isTerminal(stageIds.get(i));
    }
    this.initial = model.indexOf(model.initialStage());
    this.store = config.store().orElse(null);
    this.codec = new CustomerCodec(shape, stageIds, model.id());
    this.edge = new EdgeChecks(config, shape);
    this.erasedPerStage = new AtomicLongArray(n);
    this.erased = new ErasedIds(config.idMask());
    if (store != null) {
      restoreFrom(store);
    }
  }

  EngineConfig config() {
    return config;
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

  // ------------------------------------------------------------------ customer lookup and locks

  /** The state for an id, creating a NEW placeholder in the map if absent. */
  private CustomerState stateFor(CustomerId id) {
    CustomerState s = customers.get(id);
    if (s != null) {
      return s;
    }
    if (isErased(id)) {
      throw erasedException(id);
    }
    CustomerState fresh = new CustomerState(id, shape);
    CustomerState prev = customers.putIfAbsent(fresh);
    return prev != null ? prev : fresh;
  }

  /** Under the lock: a NEW placeholder for an erased customer is discarded and refused. */
  private void refuseErased(CustomerState s) {
    if (s.status == CustomerState.NEW && isErased(s.id)) {
      discard(s);
      throw erasedException(s.id);
    }
  }

  /**
   * Restart: reads every stored customer and the tombstones, so that counts, histories and the
   * due index are those of the engine that wrote the store.
   */
  private void restoreFrom(CustomerStore from) {
    List<Tombstone> tombstones = from.tombstones();
    tombstones.stream()
        .filter(t -> t.scheme() == Tombstone.Scheme.SALTED)
        .findFirst()
        .ifPresent(t -> erased.salt = t.check());
    for (Tombstone t : tombstones) {
      int stage = stageIds.indexOf(t.stage());
      if (stage < 0) {
        throw new CorruptRecordException(
            "a tombstone of the store is in stage '" + t.stage() + "', not a stage of model '" + model.id() + "'");
      }
      switch (t.scheme()) {
        case KEYED -> {
          erased.requireKey("the customer store", t.check());
          erased.keyed.put(t.fingerprint(), stage);
        }
        case SALTED -> {
          if (t.check() != erased.salt) {
            throw new CorruptRecordException("a salted tombstone of the store has another salt than the first");
          }
          erased.salted.put(t.fingerprint(), stage);
        }
      }
      erasedPerStage.incrementAndGet(stage);
    }
    from.scan(
        stored -> {
          CustomerState s = decode(stored);
          s.status = CustomerState.LIVE;
          if (customers.putIfAbsent(s) != null) {
            throw new CorruptRecordException("the store lists customer " + s.id.masked() + " twice");
          }
          known.incrementAndGet();
          schedule(s, Math.max(s.time, s.stageEnteredAt));
        });
  }

  /** A stored customer as state: its record, its seen events and its history. */
  CustomerState decode(StoredCustomer stored) {
    CustomerId id = stored.record().customer();
    CustomerState s = codec.decodeState(id, stored.record().state());
    for (SeenEvent e : stored.seen()) {
      s.seenAdd(e.id(), e.content(), e.at(), NONE);
    }
    for (HistoryEntry h : stored.history()) {
      s.append(codec.decodeChange(id, h.change()));
    }
    return s;
  }

  private void discard(CustomerState s) {
    s.status = CustomerState.DEAD;
    customers.remove(s.id, s);
  }

  private static void awaitUnclaimed(CustomerState s) {
    boolean interrupted = false;
    while (s.claimed) {
      try {
        s.wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A known customer's state; null if unknown. */
  private CustomerState lookup(CustomerId id) {
    CustomerState s = customers.get(id);
    if (s == null) {
      return null;
    }
    synchronized (s) {
      awaitUnclaimed(s);
      return s.status == CustomerState.LIVE ? s : null;
    }
  }

  // ------------------------------------------------------------------ ingest

  @Override
  public IngestResult ingest(Event event) {
    long at = edge.checkEvent(event);
    long fp = Fingerprints.of(event.id());
    CustomerId id = event.customer();
    List<StageChange> changes;
    lifecycle.readLock().lock();
    try {
      while (true) {
        CustomerState s = customers.get(id);
        if (s == null && config.unknownCustomers() == UnknownCustomers.REJECT) {
          throw isErased(id) ? erasedException(id) : unknown(id);
        }
        if (s == null) {
          s = stateFor(id);
        }
        synchronized (s) {
          awaitUnclaimed(s);
          if (s.status == CustomerState.DEAD) {
            continue;
          }
          boolean fresh = false;
          if (s.status == CustomerState.NEW) {
            refuseErased(s);
            if (s.status == CustomerState.NEW) {
              if (config.unknownCustomers() == UnknownCustomers.REJECT) {
                discard(s);
                throw unknown(id);
              }
              s.initFresh(initial, at);
              fresh = true;
            }
          }
          try {
            changes = ingestLocked(s, event, at, fp, fresh);
          } catch (RuntimeException e) {
            if (fresh) {
              discard(s);
            }
            throw e;
          }
          break;
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    if (changes == null) {
      return DUPLICATE;
    }
    if (changes.isEmpty()) {
      return NO_CHANGE;
    }
    notifyListeners(changes);
    return new IngestResult(false, changes);
  }

  /** Applies one event under the customer's lock; null for a duplicate. */
  private List<StageChange> ingestLocked(
      CustomerState s, Event event, long at, long fp, boolean fresh) {
    CustomerState backup = store != null ? s.copy() : null;
    List<StageChange> changes = new ArrayList<>(0);
    if (!apply(s, event, at, fp, changes)) {
      if (fresh) {
        discard(s);
      }
      return null;
    }
    if (store != null) {
      try {
        store.write(StoreBatch.of(List.of(write(s, List.of(new SeenEvent(fp, s.seen[s.seenFind(fp) + 1], at)), changes))));
      } catch (RuntimeException e) {
        s.copyFrom(backup);
        throw storeFailure(s.id, e);
      }
    }
    if (fresh) {
      s.status = CustomerState.LIVE;
      known.incrementAndGet();
    }
    schedule(s, Math.max(s.time, s.stageEnteredAt));
    return changes;
  }

  private static ClmException storeFailure(CustomerId id, RuntimeException e) {
    if (e instanceof ClmException) {
      return (ClmException) e;
    }
    return new ClmException(
        "the customer store failed to save customer " + id.masked() + ": " + e.getClass().getName(), e);
  }

  /** What the store gets for a customer: its record, and the seen events and changes to append. */
  private StoreBatch.Write write(CustomerState s, List<SeenEvent> seen, List<StageChange> changes) {
    int n = s.history == null ? 0 : s.history.length;
    List<HistoryEntry> entries = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      entries.add(new HistoryEntry(n - changes.size() + i, codec.encodeChange(changes.get(i))));
    }
    long now = Math.max(s.time, s.stageEnteredAt);
    return new StoreBatch.Write(new CustomerRecord(s.id, dueOf(s, now), codec.encodeState(s)), seen, entries);
  }

  /**
   * Applies an event to a state: checks first (nothing changes if a check fails), then records the
   * facts, moves the stage for a manual move and evaluates the rules.
   *
   * @return false for a duplicate
   */
  private boolean apply(CustomerState s, Event event, long at, long fp, List<StageChange> changes) {
    if (shape.dedupWindowMillis >= 0 && s.time != NONE && at < s.time - shape.dedupWindowMillis) {
      throw new InvalidEventException(
          "event '"
              + event.id()
              + "' at "
              + event.at()
              + " is older than the deduplication window "
              + Duration.ofMillis(shape.dedupWindowMillis)
              + " before the latest event of customer "
              + s.id.masked());
    }
    long content = Fingerprints.content(event);
    int slot = s.seenFind(fp);
    if (slot >= 0) {
      if (s.seen[slot + 1] == content) {
        return false;
      }
      throw new ConflictingEventException(
          "event '" + event.id() + "' was applied to customer " + s.id.masked() + " before with other content");
    }
    ManualMove move = event instanceof ManualMove ? (ManualMove) event : null;
    if (move != null) {
      model.checkManualMove(stageIds.get(s.stage), move.toStage());
    }
    long minor = s.precheck(event, at);
    s.record(event, at, minor);
    s.seenAdd(fp, content, at, shape.dedupWindowMillis >= 0 ? s.time - shape.dedupWindowMillis : NONE);
    long now = Math.max(s.time, s.stageEnteredAt);
    if (move != null) {
      int from = s.stage;
      int to = model.indexOf(move.toStage());
      StageChange change =
          new StageChange(
              s.id,
              stageIds.get(from),
              stageIds.get(to),
              Instant.ofEpochMilli(now),
              new Cause.Manual(move.actor(), move.reason()),
              Map.of());
      s.moveTo(to, now, terminal[from]);
      s.append(change);
      changes.add(change);
    }
    evaluate(s, now, changes);
    return true;
  }

  /** Fires the first rule that holds, repeatedly, at most once per stage of the model. */
  private void evaluate(CustomerState s, long now, List<StageChange> changes) {
    for (int moves = 0; moves < stageIds.size(); moves++) {
      TransitionRule[] out = rules[s.stage];
      Condition[] tests = conditions[s.stage];
      int fired = -1;
      for (int i = 0; i < tests.length; i++) {
        if (tests[i].test(s, now)) {
          fired = i;
          break;
        }
      }
      if (fired < 0) {
        return;
      }
      int from = s.stage;
      int to = targets[from][fired];
      Map<String, Double> evidence = new HashMap<>();
      out[fired].condition().collectEvidence(s, now, evidence);
      StageChange change =
          new StageChange(
              s.id, stageIds.get(from), stageIds.get(to), Instant.ofEpochMilli(now), causes[from][fired], evidence);
      s.moveTo(to, now, terminal[from]);
      s.append(change);
      changes.add(change);
    }
  }

  /** When the customer's time-driven rules can next fire, after {@code now}. */
  private long dueOf(CustomerState s, long now) {
    long due = Long.MAX_VALUE;
    Condition[] tests = conditions[s.stage];
    for (int i = 0; i < tests.length; i++) {
      due = Math.min(due, tests[i].nextChange(s, now));
    }
    return due;
  }

  /** Recomputes when the customer's time-driven rules can next fire, and queues it if earlier. */
  private void schedule(CustomerState s, long now) {
    long due = dueOf(s, now);
    s.due = due;
    if (due < s.queued) {
      dueIndex.add(due, s);
    }
  }

  // ------------------------------------------------------------------ batches

  @Override
  public BatchResult ingestAll(List<? extends Event> events) {
    Objects.requireNonNull(events, "events");
    int n = events.size();
    long[] ats = new long[n];
    long[] fps = new long[n];
    for (int i = 0; i < n; i++) {
      ats[i] = edge.checkEvent(events.get(i));
      fps[i] = Fingerprints.of(events.get(i).id());
    }
    if (n == 0) {
      return new BatchResult(0, 0, List.of());
    }
    int accepted = 0;
    int duplicates = 0;
    List<StageChange> all = new ArrayList<>();
    lifecycle.readLock().lock();
    try {
      for (Event e : events) {
        if (!customers.containsKey(e.customer())) {
          if (isErased(e.customer())) {
            throw erasedException(e.customer());
          }
          if (config.unknownCustomers() == UnknownCustomers.REJECT) {
            throw unknown(e.customer());
          }
        }
      }
      TreeMap<CustomerId, CustomerState> claimed = new TreeMap<>();
      try {
        for (Event e : events) {
          claimed.putIfAbsent(e.customer(), null);
        }
        for (Map.Entry<CustomerId, CustomerState> entry : claimed.entrySet()) {
          entry.setValue(claim(entry.getKey()));
        }
        Map<CustomerState, CustomerState> copies = new IdentityHashMap<>();
        Map<CustomerState, List<StageChange>> appended = new LinkedHashMap<>();
        Map<CustomerState, Boolean> fresh = new IdentityHashMap<>();
        Map<CustomerState, List<SeenEvent>> newSeen = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
          Event e = events.get(i);
          CustomerState s = claimed.get(e.customer());
          CustomerState c = copies.get(s);
          if (c == null) {
            refuseErased(s);
            c = s.copy();
            if (s.status == CustomerState.NEW) {
              if (config.unknownCustomers() == UnknownCustomers.REJECT) {
                throw unknown(s.id);
              }
              c.initFresh(initial, ats[i]);
              fresh.put(s, true);
            }
            copies.put(s, c);
            appended.put(s, new ArrayList<>());
          }
          List<StageChange> changes = appended.get(s);
          int before = changes.size();
          if (apply(c, e, ats[i], fps[i], changes)) {
            newSeen.computeIfAbsent(s, k -> new ArrayList<>()).add(new SeenEvent(fps[i], c.seen[c.seenFind(fps[i]) + 1], ats[i]));
            accepted++;
            all.addAll(changes.subList(before, changes.size()));
          } else {
            duplicates++;
          }
        }
        if (store != null) {
          List<StoreBatch.Write> writes = new ArrayList<>();
          CustomerId first = null;
          for (Map.Entry<CustomerState, List<StageChange>> entry : appended.entrySet()) {
            CustomerState c = copies.get(entry.getKey());
            List<SeenEvent> seen = newSeen.getOrDefault(entry.getKey(), List.of());
            if (!seen.isEmpty()) {
              writes.add(write(c, seen, entry.getValue()));
              first = first == null ? c.id : first;
            }
          }
          if (!writes.isEmpty()) {
            try {
              store.write(StoreBatch.of(writes));
            } catch (RuntimeException e) {
              throw storeFailure(first, e);
            }
          }
        }
        for (Map.Entry<CustomerState, CustomerState> entry : copies.entrySet()) {
          CustomerState s = entry.getKey();
          CustomerState c = entry.getValue();
          if (fresh.containsKey(s)) {
            if (c.seenCount == 0) {
              continue;
            }
            c.status = CustomerState.LIVE;
            known.incrementAndGet();
          }
          s.copyFrom(c);
          schedule(s, Math.max(s.time, s.stageEnteredAt));
        }
      } finally {
        for (CustomerState s : claimed.values()) {
          if (s != null) {
            synchronized (s) {
              if (s.status == CustomerState.NEW) {
                discard(s);
              }
              s.claimed = false;
              s.notifyAll();
            }
          }
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    notifyListeners(all);
    return new BatchResult(accepted, duplicates, all);
  }

  private CustomerState claim(CustomerId id) {
    while (true) {
      CustomerState s = stateFor(id);
      synchronized (s) {
        awaitUnclaimed(s);
        if (s.status == CustomerState.DEAD) {
          continue;
        }
        s.claimed = true;
        return s;
      }
    }
  }

  // ------------------------------------------------------------------ registration and time

  @Override
  public boolean register(CustomerId customer, Instant since) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(since, "since");
    long at = edge.checkTime(since, null, customer);
    List<StageChange> changes = new ArrayList<>(0);
    lifecycle.readLock().lock();
    try {
      while (true) {
        CustomerState s = stateFor(customer);
        synchronized (s) {
          awaitUnclaimed(s);
          if (s.status == CustomerState.DEAD) {
            continue;
          }
          if (s.status == CustomerState.LIVE) {
            return false;
          }
          refuseErased(s);
          CustomerState backup = s.copy();
          s.initFresh(initial, at);
          evaluate(s, at, changes);
          if (store != null) {
            try {
              store.write(StoreBatch.of(List.of(write(s, List.of(), changes))));
            } catch (RuntimeException e) {
              s.copyFrom(backup);
              discard(s);
              throw storeFailure(customer, e);
            }
          }
          s.status = CustomerState.LIVE;
          known.incrementAndGet();
          schedule(s, at);
          break;
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    notifyListeners(changes);
    return true;
  }

  @Override
  public List<StageChange> advanceTo(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant clamped = now.isAfter(MAX_TIME) ? MAX_TIME : now.isBefore(MIN_TIME) ? MIN_TIME : now;
    long t = clamped.toEpochMilli();
    List<StageChange> all = new ArrayList<>();
    RuntimeException failure = null;
    lifecycle.readLock().lock();
    try {
      long previous;
      do {
        previous = advancedTo.get();
        if (t < previous) {
          return List.of();
        }
      } while (!advancedTo.compareAndSet(previous, t));
      for (DueIndex.Entry entry : dueIndex.pollUpTo(t)) {
        CustomerState s = entry.state;
        synchronized (s) {
          awaitUnclaimed(s);
          if (s.status != CustomerState.LIVE || entry.at != s.queued) {
            continue;
          }
          s.queued = Long.MAX_VALUE;
          if (s.due > t) {
            if (s.due != Long.MAX_VALUE) {
              dueIndex.add(s.due, s);
            }
            continue;
          }
          timeEvaluations.increment();
          long at = Math.max(t, Math.max(s.time, s.stageEnteredAt));
          CustomerState backup = store != null ? s.copy() : null;
          List<StageChange> changes = new ArrayList<>(0);
          evaluate(s, at, changes);
          if (store != null && !changes.isEmpty()) {
            try {
              store.write(StoreBatch.of(List.of(write(s, List.of(), changes))));
            } catch (RuntimeException e) {
              s.copyFrom(backup);
              s.queued = Long.MAX_VALUE;
              changes.clear();
              if (failure == null) {
                failure = storeFailure(s.id, e);
              }
            }
          }
          schedule(s, at);
          all.addAll(changes);
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    all.sort(Comparator.comparing(StageChange::at).thenComparing(StageChange::customer));
    notifyListeners(all);
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(all);
  }

  // ------------------------------------------------------------------ queries

  @Override
  public Optional<Customer> customer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    lifecycle.readLock().lock();
    try {
      CustomerState s = lookup(customer);
      if (s == null) {
        return Optional.empty();
      }
      synchronized (s) {
        awaitUnclaimed(s);
        return s.status == CustomerState.LIVE ? Optional.of(s.toCustomer(stageIds)) : Optional.empty();
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public List<StageChange> history(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    lifecycle.readLock().lock();
    try {
      CustomerState s = lookup(customer);
      if (s == null) {
        return List.of();
      }
      synchronized (s) {
        awaitUnclaimed(s);
        return s.status == CustomerState.LIVE ? s.historyList() : List.of();
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void forEachCustomer(Consumer<Customer> action) {
    Objects.requireNonNull(action, "action");
    for (CustomerState s : customers.values()) {
      Customer c = null;
      synchronized (s) {
        awaitUnclaimed(s);
        if (s.status == CustomerState.LIVE) {
          c = s.toCustomer(stageIds);
        }
      }
      if (c != null) {
        action.accept(c);
      }
    }
  }

  @Override
  public long customerCount() {
    return known.get();
  }

  @Override
  public Map<String, Long> stageCounts() {
    long[] counts = new long[stageIds.size()];
    lifecycle.readLock().lock();
    try {
      for (CustomerState s : customers.values()) {
        synchronized (s) {
          awaitUnclaimed(s);
          if (s.status == CustomerState.LIVE) {
            counts[s.stage]++;
          }
        }
      }
      for (int i = 0; i < counts.length; i++) {
        counts[i] += erasedPerStage.get(i);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    Map<String, Long> result = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      result.put(stageIds.get(i), counts[i]);
    }
    return java.util.Collections.unmodifiableMap(result);
  }

  // ------------------------------------------------------------------ listeners

  private static final class Registration {
    final StageChangeListener listener;

    Registration(StageChangeListener listener) {
      this.listener = listener;
    }
  }

  @Override
  public AutoCloseable addListener(StageChangeListener listener) {
    Registration r = new Registration(Objects.requireNonNull(listener, "listener"));
    listeners.add(r);
    return () -> listeners.remove(r);
  }

  private void notifyListeners(List<StageChange> changes) {
    if (changes.isEmpty() || listeners.isEmpty()) {
      return;
    }
    for (StageChange change : changes) {
      for (Registration r : listeners) {
        try {
          r.listener.onStageChange(change);
        } catch (RuntimeException e) {
          LOG.warn(
              "stage change listener {} threw {}; ignored",
              r.listener.getClass().getName(),
              e.getClass().getName());
        }
      }
    }
  }

  // ------------------------------------------------------------------ erasure

  @Override
  public Erasure erase(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    lifecycle.readLock().lock();
    try {
      if (customers.get(customer) == null && isErased(customer)) {
        throw erasedException(customer);
      }
      CustomerState s = lookup(customer);
      if (s == null) {
        throw unknown(customer);
      }
      synchronized (s) {
        awaitUnclaimed(s);
        if (s.status != CustomerState.LIVE) {
          throw unknown(customer);
        }
        int removed = s.history == null ? 0 : s.history.length;
        int stage = s.stage;
        long fingerprint = erased.fingerprint(customer);
        if (store != null) {
          try {
            store.write(
                StoreBatch.erase(
                    customer, new Tombstone(Tombstone.Scheme.KEYED, erased.keyCheck, fingerprint, stageIds.get(stage))));
          } catch (RuntimeException e) {
            throw storeFailure(customer, e);
          }
        }
        erased.keyed.put(fingerprint, stage);
        erasedPerStage.incrementAndGet(stage);
        s.clear();
        discard(s);
        known.decrementAndGet();
        return new Erasure(customer.masked(), config.clock().instant(), removed, stageIds.get(stage));
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  // ------------------------------------------------------------------ snapshots

  @Override
  public void exportSnapshot(OutputStream out) {
    Objects.requireNonNull(out, "out");
    lifecycle.writeLock().lock();
    try {
      Snapshots.write(this, out);
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public void importSnapshot(InputStream in) {
    Objects.requireNonNull(in, "in");
    Snapshots.Contents contents = Snapshots.read(this, in);
    lifecycle.writeLock().lock();
    try {
      if (store != null) {
        try {
          store.write(replacement(contents));
        } catch (RuntimeException e) {
          throw e instanceof ClmException ? (ClmException) e
              : new ClmException("the customer store failed to import the snapshot: " + e.getClass().getName(), e);
        }
      }
      customers.clear();
      dueIndex.clear();
      known.set(0);
      for (CustomerState s : contents.customers) {
        s.status = CustomerState.LIVE;
        customers.put(s);
        known.incrementAndGet();
        schedule(s, Math.max(s.time, s.stageEnteredAt));
      }
      erased.replaceWith(contents.keyed, contents.salt, contents.salted);
      for (int i = 0; i < stageIds.size(); i++) {
        erasedPerStage.set(i, 0);
      }
      for (int stage : erased.stages()) {
        erasedPerStage.incrementAndGet(stage);
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  /** The batch that makes a store hold exactly a snapshot's contents. */
  private StoreBatch replacement(Snapshots.Contents contents) {
    List<StoreBatch.Write> writes = new ArrayList<>(contents.customers.size());
    for (CustomerState s : contents.customers) {
      List<SeenEvent> seen = new ArrayList<>(s.seenCount);
      for (long[] row : s.seenSorted()) {
        seen.add(new SeenEvent(row[0], row[1], row[2]));
      }
      writes.add(write(s, seen, s.historyList()));
    }
    ErasedIds imported = new ErasedIds(config.idMask());
    imported.replaceWith(contents.keyed, contents.salt, contents.salted);
    List<Tombstone> tombstones = imported.tombstones(stageIds);
    return new StoreBatch(writes, List.of(), tombstones, Optional.empty(), true);
  }

  /** For snapshots: every live customer, sorted by id. Call under the write lock. */
  List<CustomerState> liveSorted() {
    List<CustomerState> live = new ArrayList<>();
    for (CustomerState s : customers.values()) {
      if (s.status == CustomerState.LIVE) {
        live.add(s);
      }
    }
    live.sort(Comparator.comparing(s -> s.id));
    return live;
  }

  /** The masked form only: no customer data. */
  @Override
  public String toString() {
    return "LifecycleEngine[model=" + model.id() + ", currency=" + shape.currency + "]";
  }
}
