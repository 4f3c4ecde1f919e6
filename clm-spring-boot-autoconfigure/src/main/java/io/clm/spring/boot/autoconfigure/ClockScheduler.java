package io.clm.spring.boot.autoconfigure;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * Advances the clocks to the wall clock at a fixed interval, one after the other on a daemon thread
 * of its own that starts and stops with the application context. A failing advance is logged, as {@link
 * Failures#describe} gives the failure (the message only of clm's own exceptions, no stack trace),
 * and tried again at the next tick; it does not stop the others. An error counts as a failure too (a plugin's rule
 * whose class is missing, say): let out of the tick, it would cancel every later tick, and the
 * clocks would stop without a word. On stop, a tick under way is left to finish (up to 10
 * seconds, then interrupted) and no further tick starts.
 *
 * <p>It keeps, per clock, when it last advanced it and when an advance last failed, for the health
 * ({@link #stalled}): a clock not advanced for longer than the stale-after duration, because its
 * advance fails, or because a tick hangs (the clocks after it in the tick wait too), is reported.
 * A second thread checks at every interval whether the tick under way has run longer than the
 * interval, and logs it once per tick; it never starts a second tick.
 */
final class ClockScheduler implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(ClockScheduler.class.getName());

  private final List<ScheduledAdvance> advances;
  private final Duration interval;
  private final Duration staleAfter;
  private final Clock clock;
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();
  private volatile Tick running;
  private ScheduledExecutorService executor;

  /** A clock not advanced for three intervals is stalled. */
  ClockScheduler(List<ScheduledAdvance> advances, Duration interval, Clock clock) {
    this(advances, interval, interval.multipliedBy(3), clock);
  }

  ClockScheduler(List<ScheduledAdvance> advances, Duration interval, Duration staleAfter, Clock clock) {
    this.advances = List.copyOf(advances);
    this.interval = interval;
    this.staleAfter = staleAfter;
    this.clock = clock;
    began(clock.instant());
  }

  /**
   * When the clock of that name was last advanced, and why it was not since, when that is longer
   * ago than the stale-after duration; empty while it is advanced in time, or for a name this
   * scheduler does not advance.
   */
  Optional<Stalled> stalled(String name) {
    Progress p = progress.get(name);
    if (p == null || Duration.between(p.lastAdvance(), clock.instant()).compareTo(staleAfter) <= 0) {
      return Optional.empty();
    }
    boolean failedSince = p.lastFailure() != null && p.lastFailure().isAfter(p.lastAdvance());
    return Optional.of(new Stalled(p.lastAdvance(), failedSince ? p.failure() : null));
  }

  /** Advances every clock once, now. */
  void tick() {
    var now = clock.instant();
    Tick tick = new Tick(now);
    running = tick;
    try {
      for (ScheduledAdvance a : advances) {
        tick.advancing = a.name();
        try {
          a.advance().accept(now);
          progress.compute(a.name(), (name, p) -> new Progress(now, p.lastFailure(), p.failure()));
        } catch (RuntimeException | Error e) {
          String failure = Failures.describe(e);
          progress.compute(a.name(), (name, p) -> new Progress(p.lastAdvance(), now, failure));
          LOG.log(Level.WARNING, "advancing the " + a.name() + " to " + now + " failed, trying again at the next tick: "
              + failure);
        }
      }
    } finally {
      running = null;
    }
  }

  /** Logs, once per tick, a tick that has been running for longer than the interval. */
  void watch() {
    Tick tick = running;
    if (tick != null && Duration.between(tick.started, clock.instant()).compareTo(interval) > 0
        && tick.reported.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "the clm clock tick started at " + tick.started + " has been running for longer than "
          + interval + ", advancing the " + tick.advancing + "; the clocks after it wait, and no further tick starts until it returns");
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    began(clock.instant());
    executor = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "clm-clock");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    // A periodic task never runs twice at once: a tick that hangs delays the next, and only the
    // watch, a task of its own, can see it.
    executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    executor.scheduleAtFixedRate(this::watch, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** A fresh start counts as an advance: the health counts from it until the first tick. */
  private void began(Instant now) {
    for (ScheduledAdvance a : advances) {
      progress.merge(a.name(), new Progress(now, null, null),
          (old, fresh) -> new Progress(fresh.lastAdvance(), old.lastFailure(), old.failure()));
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    // No further tick; a tick under way finishes, since an interrupt could abort its store writes
    // half-way. Only a tick still running after the wait is interrupted.
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "the clm clock thread did not finish its tick within 10 seconds; interrupting it");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  /**
   * A clock not advanced for longer than the stale-after duration.
   *
   * @param lastAdvance when it was last advanced, or when the scheduler started
   * @param failure the last failure since, as {@link Failures#describe} gives it, or null (a tick
   *     that hangs, say)
   */
  record Stalled(Instant lastAdvance, String failure) {}

  private record Progress(Instant lastAdvance, Instant lastFailure, String failure) {}

  /** The tick under way. */
  private static final class Tick {
    final Instant started;
    final AtomicBoolean reported = new AtomicBoolean();
    volatile String advancing;

    Tick(Instant started) {
      this.started = started;
    }
  }
}
