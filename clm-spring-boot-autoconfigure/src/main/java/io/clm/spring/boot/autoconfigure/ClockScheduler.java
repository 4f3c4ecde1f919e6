package io.clm.spring.boot.autoconfigure;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Advances the clocks to the wall clock at a fixed interval, on one daemon thread of its own that
 * starts and stops with the application context. A failing advance is logged, as {@link
 * Failures#describe} gives the failure (the message only of clm's own exceptions, no stack trace),
 * and tried again at the next tick; it does not stop the others. An error counts as a failure too (a plugin's rule
 * whose class is missing, say): let out of the tick, it would cancel every later tick, and the
 * clocks would stop without a word. On stop, a tick under way is left to finish (up to 10
 * seconds, then interrupted) and no further tick starts.
 */
final class ClockScheduler implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(ClockScheduler.class.getName());

  private final List<ScheduledAdvance> advances;
  private final Duration interval;
  private final Clock clock;
  private ScheduledExecutorService executor;

  ClockScheduler(List<ScheduledAdvance> advances, Duration interval, Clock clock) {
    this.advances = List.copyOf(advances);
    this.interval = interval;
    this.clock = clock;
  }

  /** Advances every clock once, now. */
  void tick() {
    var now = clock.instant();
    for (ScheduledAdvance a : advances) {
      try {
        a.advance().accept(now);
      } catch (RuntimeException | Error e) {
        LOG.log(Level.WARNING, "advancing the " + a.name() + " to " + now + " failed, trying again at the next tick: "
            + Failures.describe(e));
      }
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "clm-clock");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
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
}
