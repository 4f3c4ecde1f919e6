package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.ClmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** What the scheduler tells the health about clocks it could not advance, on a clock the test moves. */
class ClockSchedulerStalledTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration THREE_MINUTES = Duration.ofMinutes(3);

  private final MovableClock clock = new MovableClock(START);

  @Test
  void aFreshSchedulerCountsItsStartAsTheLastAdvance() {
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {})), MINUTE, THREE_MINUTES, clock);
    clock.set(START.plus(THREE_MINUTES));
    assertThat(scheduler.stalled("engine a")).as("exactly stale-after after the start").isEmpty();
    clock.set(START.plus(THREE_MINUTES).plusSeconds(1));
    assertThat(scheduler.stalled("engine a")).hasValue(new ClockScheduler.Stalled(START, null));
    assertThat(scheduler.stalled("engine b")).as("a clock it does not advance").isEmpty();
  }

  @Test
  void aFailingAdvanceIsStalledAfterStaleAfterAndNoLongerOnceItSucceeds() {
    AtomicBoolean failing = new AtomicBoolean(true);
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {
          if (failing.get()) {
            throw new IllegalStateException("no row for customer C-1001");
          }
        }), new ScheduledAdvance("complaint desk b", now -> {
          throw new ClmException("the ticket store of customer C-***42 is read-only");
        })),
        MINUTE, THREE_MINUTES, clock);
    for (int minute = 1; minute <= 4; minute++) {
      clock.set(START.plus(Duration.ofMinutes(minute)));
      scheduler.tick();
    }
    assertThat(scheduler.stalled("engine a"))
        .as("the message of another exception than clm's is left out")
        .hasValue(new ClockScheduler.Stalled(START, "java.lang.IllegalStateException"));
    assertThat(scheduler.stalled("complaint desk b")).hasValue(new ClockScheduler.Stalled(
        START, "io.clm.api.ClmException: the ticket store of customer C-***42 is read-only"));

    failing.set(false);
    clock.set(START.plus(Duration.ofMinutes(5)));
    scheduler.tick();
    assertThat(scheduler.stalled("engine a")).isEmpty();
    clock.set(START.plus(Duration.ofMinutes(8)).plusSeconds(1));
    assertThat(scheduler.stalled("engine a")).as("no tick for more than stale-after since the success")
        .hasValue(new ClockScheduler.Stalled(START.plus(Duration.ofMinutes(5)), null));
  }

  @Test
  void aRestartCountsAsAnAdvanceExceptForAClockWhoseLastAdvanceFailed() {
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {
          throw new IllegalStateException("database down");
        }), new ScheduledAdvance("complaint desk b", now -> {})),
        MINUTE, THREE_MINUTES, clock);
    clock.set(START.plus(MINUTE));
    scheduler.tick();
    scheduler.start();
    scheduler.stop();
    // Stopped for longer than stale-after, then started again (the context's stop and start).
    Instant restart = START.plus(Duration.ofMinutes(10));
    clock.set(restart);
    scheduler.start();
    try {
      assertThat(scheduler.stalled("engine a")).as("failing before the restart, and not advanced since")
          .hasValue(new ClockScheduler.Stalled(START, "java.lang.IllegalStateException"));
      assertThat(scheduler.stalled("complaint desk b")).as("advanced before the stop").isEmpty();
      clock.set(restart.plus(THREE_MINUTES).plusSeconds(1));
      assertThat(scheduler.stalled("complaint desk b")).as("not advanced for stale-after since the restart")
          .hasValue(new ClockScheduler.Stalled(restart, null));
    } finally {
      scheduler.stop();
    }
  }

  @Test
  void aRestartDoesNotCountAsAnAdvanceOfAClockWhoseAdvanceStillHangs() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // An advance that does not answer the stop's interrupt: its thread goes on hanging.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {
          hanging.countDown();
          while (release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException e) {
              // not answered
            }
          }
        })),
        Duration.ofMillis(10), THREE_MINUTES, Duration.ofMillis(100), clock);
    scheduler.start();
    try {
      assertThat(hanging.await(10, TimeUnit.SECONDS)).as("the advance hangs").isTrue();
      scheduler.stop();
      clock.set(START.plus(Duration.ofMinutes(10)));
      scheduler.start();
      assertThat(scheduler.stalled("engine a")).hasValue(new ClockScheduler.Stalled(START, null));
    } finally {
      release.countDown();
      scheduler.stop();
    }
  }

  @Test
  void aHangingAdvanceIsStalledAndLoggedOnce() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {}), new ScheduledAdvance("engine b", now -> {
          hanging.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })),
        MINUTE, THREE_MINUTES, clock);
    clock.set(START.plus(MINUTE));
    Thread ticking = new Thread(scheduler::tick);
    try (CapturedLog log = new CapturedLog(ClockScheduler.class)) {
      ticking.start();
      assertThat(hanging.await(10, TimeUnit.SECONDS)).as("the tick reached the hanging advance").isTrue();
      scheduler.watch();
      assertThat(log.messages(Level.WARNING)).as("within the interval").isEmpty();
      clock.set(START.plus(MINUTE).plus(MINUTE));
      scheduler.watch();
      assertThat(log.messages(Level.WARNING)).as("running for exactly the interval").isEmpty();
      clock.set(START.plus(MINUTE).plus(MINUTE).plusSeconds(1));
      scheduler.watch();
      scheduler.watch();
      assertThat(log.messages(Level.WARNING)).singleElement().asString()
          .contains("engine b", START.plus(MINUTE).toString(), "PT1M");

      clock.set(START.plus(THREE_MINUTES).plusSeconds(1));
      assertThat(scheduler.stalled("engine a")).as("advanced before the hang").isEmpty();
      assertThat(scheduler.stalled("engine b")).hasValue(new ClockScheduler.Stalled(START, null));
    } finally {
      release.countDown();
      ticking.join();
    }
    assertThat(scheduler.stalled("engine b")).as("advanced once the hang ended").isEmpty();
  }

  @Test
  void aRunningSchedulerAdvancesTheOtherClocksWhileOneHangs() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Scheduled every 10 milliseconds of real time, to the instant the test sets.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {
          hanging.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }), new ScheduledAdvance("complaint desk b", now -> {})),
        Duration.ofMillis(10), THREE_MINUTES, clock);
    scheduler.start();
    try {
      assertThat(hanging.await(10, TimeUnit.SECONDS)).as("the engine's advance hangs").isTrue();
      clock.set(START.plus(THREE_MINUTES).plusSeconds(1));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (scheduler.stalled("complaint desk b").isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(scheduler.stalled("complaint desk b")).as("the desk's clock, advanced while the engine's hangs").isEmpty();
      assertThat(scheduler.stalled("engine a")).hasValue(new ClockScheduler.Stalled(START, null));
    } finally {
      release.countDown();
      scheduler.stop();
    }
  }

  @Test
  void aRunningSchedulerLogsATickThatHangsWithoutStartingAnother() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ticks = new AtomicInteger();
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine a", now -> {
          ticks.incrementAndGet();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })),
        Duration.ofMillis(50), Clock.systemUTC());
    try (CapturedLog log = new CapturedLog(ClockScheduler.class)) {
      scheduler.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (log.messages(Level.WARNING).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      assertThat(log.messages(Level.WARNING)).as("one warning for the tick that hangs").singleElement().asString()
          .contains("engine a", "PT0.05S");
      assertThat(ticks).as("ticks started").hasValue(1);
    } finally {
      release.countDown();
      scheduler.stop();
    }
  }

  /** A clock the test sets. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
