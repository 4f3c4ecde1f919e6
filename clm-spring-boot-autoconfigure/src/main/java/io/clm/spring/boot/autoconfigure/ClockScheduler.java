package io.clm.spring.boot.autoconfigure;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * Advances the clocks to the wall clock at a fixed interval, each on a daemon thread of its own
 * (named {@code clm-clock-} and the clock's name, such as {@code clm-clock-engine-clmEngine}) that
 * starts and stops with the application context: an advance that hangs holds up the next advances
 * of its own clock only. A failing advance is logged, as {@link Failures#describe} gives the
 * failure (the message only of clm's own exceptions, no stack trace), and tried again at the next
 * interval. An error counts as a failure too (a plugin's rule whose class is missing, say): let out
 * of the scheduled task, it would cancel every later advance of that clock, and it would stop
 * without a word. On stop, an advance under way is left to finish (up to 10 seconds for all of
 * them together, then the threads still advancing are interrupted) and no further advance starts.
 * A thread that does not answer the interrupt goes on with its advance; until it returns, no other
 * advance of that clock starts, after a restart of the scheduler either.
 *
 * <p>It keeps, per clock, when it last advanced it and when an advance last failed, for the health
 * ({@link #stalled}): a clock not advanced for longer than the stale-after duration, because its
 * advance fails or hangs, is reported. A further thread checks at every interval whether an
 * advance under way has run longer than the interval, and logs it once per advance; it never
 * starts a second advance of the same clock.
 */
final class ClockScheduler implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(ClockScheduler.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final List<ScheduledAdvance> advances;
  private final Duration interval;
  private final Duration staleAfter;
  private final Duration stopGrace;
  private final Clock clock;
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private Map<String, ScheduledExecutorService> executors;
  private ScheduledExecutorService watcher;

  /** A clock not advanced for three intervals is stalled. */
  ClockScheduler(List<ScheduledAdvance> advances, Duration interval, Clock clock) {
    this(advances, interval, interval.multipliedBy(3), clock);
  }

  ClockScheduler(List<ScheduledAdvance> advances, Duration interval, Duration staleAfter, Clock clock) {
    this(advances, interval, staleAfter, STOP_GRACE, clock);
  }

  /**
   * @param stopGrace how long {@link #stop} waits for the advances under way before it interrupts
   *     the threads still advancing
   */
  ClockScheduler(List<ScheduledAdvance> advances, Duration interval, Duration staleAfter, Duration stopGrace,
      Clock clock) {
    this.advances = List.copyOf(advances);
    this.interval = interval;
    this.staleAfter = staleAfter;
    this.stopGrace = stopGrace;
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
    return Optional.of(new Stalled(p.lastAdvance(), p.failedSinceAdvance() ? p.failure() : null));
  }

  /** Advances every clock once, now, one after the other on the calling thread. */
  void tick() {
    Instant now = clock.instant();
    for (ScheduledAdvance a : advances) {
      advance(a, now);
    }
  }

  /**
   * Advances one clock to now; a failure is recorded and logged, never thrown. Does nothing while
   * another advance of that clock is under way: one of before a restart, whose thread did not answer
   * the stop's interrupt, or one of a tick on another thread.
   */
  private void advance(ScheduledAdvance a, Instant now) {
    Running r = new Running(now);
    if (running.putIfAbsent(a.name(), r) != null) {
      return;
    }
    try {
      a.advance().accept(now);
      progress.compute(a.name(), (name, p) -> new Progress(now, p.lastFailure(), p.failure()));
    } catch (RuntimeException | Error e) {
      String failure = Failures.describe(e);
      progress.compute(a.name(), (name, p) -> new Progress(p.lastAdvance(), now, failure));
      LOG.log(Level.WARNING, "advancing the " + a.name() + " to " + now + " failed, trying again at the next tick: "
          + failure);
    } finally {
      running.remove(a.name(), r);
    }
  }

  /** Logs, once per advance, an advance that has been running for longer than the interval. */
  void watch() {
    Instant now = clock.instant();
    running.forEach((name, r) -> {
      if (Duration.between(r.started, now).compareTo(interval) > 0 && r.reported.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "advancing the " + name + " to " + r.started + " has been running for longer than "
            + interval + "; no further advance of it starts until it returns, the other clocks go on");
      }
    });
  }

  @Override
  public synchronized void start() {
    if (executors != null) {
      return;
    }
    began(clock.instant());
    long millis = interval.toMillis();
    executors = new LinkedHashMap<>();
    for (ScheduledAdvance a : advances) {
      ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
          daemon("clm-clock-" + a.name().replace(' ', '-')));
      executors.put(a.name(), executor);
      // A periodic task never runs twice at once: an advance that hangs delays the next of its
      // clock only, and only the watch, on a thread of its own, can see it.
      executor.scheduleWithFixedDelay(() -> advance(a, clock.instant()), millis, millis, TimeUnit.MILLISECONDS);
    }
    watcher = Executors.newSingleThreadScheduledExecutor(daemon("clm-clock-watch"));
    watcher.scheduleAtFixedRate(this::watch, millis, millis, TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * A fresh start counts as an advance: the health counts from it until the first tick. So does a
   * restart, except for a clock whose last advance failed or is still under way (a thread that did
   * not answer the stop's interrupt): its health goes on counting from its last advance.
   */
  private void began(Instant now) {
    for (ScheduledAdvance a : advances) {
      progress.merge(a.name(), new Progress(now, null, null), (old, fresh) -> old.failedSinceAdvance()
          || running.containsKey(a.name()) ? old : new Progress(fresh.lastAdvance(), old.lastFailure(), old.failure()));
    }
  }

  @Override
  public synchronized void stop() {
    if (executors == null) {
      return;
    }
    // No further advance; one under way finishes, since an interrupt could abort its store writes
    // half-way. Only a thread still advancing after the wait is interrupted; one that does not
    // answer the interrupt is a daemon and does not keep the JVM from exiting.
    watcher.shutdownNow();
    executors.values().forEach(ScheduledExecutorService::shutdown);
    long deadline = System.nanoTime() + stopGrace.toNanos();
    boolean interrupted = false;
    for (Map.Entry<String, ScheduledExecutorService> e : executors.entrySet()) {
      ScheduledExecutorService executor = e.getValue();
      try {
        if (!interrupted && !executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          LOG.log(Level.WARNING, "advancing the " + e.getKey() + " did not finish within " + stopGrace
              + " of the stop; interrupting its thread");
        }
      } catch (InterruptedException ie) {
        interrupted = true;
      }
      executor.shutdownNow();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    executors = null;
    watcher = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executors != null;
  }

  /**
   * A clock not advanced for longer than the stale-after duration.
   *
   * @param lastAdvance when it was last advanced, or when the scheduler started
   * @param failure the last failure since, as {@link Failures#describe} gives it, or null (an
   *     advance that hangs, say)
   */
  record Stalled(Instant lastAdvance, String failure) {}

  private record Progress(Instant lastAdvance, Instant lastFailure, String failure) {
    boolean failedSinceAdvance() {
      return lastFailure != null && lastFailure.isAfter(lastAdvance);
    }
  }

  /** An advance under way. */
  private static final class Running {
    final Instant started;
    final AtomicBoolean reported = new AtomicBoolean();

    Running(Instant started) {
      this.started = started;
    }
  }
}
