package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.ClmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class ClockSchedulerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void aTickAdvancesEveryClockToTheWallClockEvenWhenOneFails() {
    List<String> advanced = new ArrayList<>();
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("failing", now -> {
              throw new IllegalStateException("database down");
            }),
            new ScheduledAdvance("engine", now -> advanced.add("engine@" + now))),
        Duration.ofMinutes(1),
        Clock.fixed(NOW, ZoneOffset.UTC));
    scheduler.tick();
    assertThat(advanced).containsExactly("engine@" + NOW);
  }

  @Test
  void aFailingAdvanceIsLoggedWithTheMessageOnlyOfClmsOwnExceptions() {
    // An application's store may put a customer's id in its message; clm's own exceptions mask it.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("engine of the application", now -> {
              throw new IllegalStateException("no row for customer C-1001");
            }),
            new ScheduledAdvance("engine of clm", now -> {
              throw new ClmException("the store of customer C-***42 is read-only");
            })),
        Duration.ofMinutes(1),
        Clock.fixed(NOW, ZoneOffset.UTC));
    try (CapturedLog log = new CapturedLog(ClockScheduler.class)) {
      scheduler.tick();
      assertThat(log.records()).as("no stack trace, which would carry the message").allSatisfy(r -> assertThat(r.getThrown()).isNull());
      assertThat(log.messages(Level.WARNING)).satisfiesExactly(
          first -> assertThat(first)
              .contains("engine of the application", NOW.toString(), "java.lang.IllegalStateException")
              .doesNotContain("C-1001"),
          second -> assertThat(second)
              .contains("engine of clm", "io.clm.api.ClmException: the store of customer C-***42 is read-only"));
    }
  }

  @Test
  void anErrorInAnAdvanceDoesNotStopTheSchedule() throws Exception {
    AtomicInteger failing = new AtomicInteger();
    CountDownLatch advancedAfterTheError = new CountDownLatch(3);
    // A plugin's rule that needs a class missing from the class path fails with an Error, not an
    // exception; thrown out of the scheduled task, it would cancel every later tick without a word.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("failing", now -> {
              if (failing.getAndIncrement() == 0) {
                throw new NoClassDefFoundError("com/example/MissingRule");
              }
            }),
            new ScheduledAdvance("engine", now -> advancedAfterTheError.countDown())),
        Duration.ofMillis(10),
        Clock.systemUTC());
    scheduler.start();
    try {
      assertThat(advancedAfterTheError.await(10, TimeUnit.SECONDS)).as("ticks after the error").isTrue();
      assertThat(failing.get()).as("advances of the failing clock").isGreaterThanOrEqualTo(3);
    } finally {
      scheduler.stop();
    }
  }

  @Test
  void startsAndStopsOnce() {
    ClockScheduler scheduler = new ClockScheduler(List.of(), Duration.ofMinutes(1), Clock.systemUTC());
    scheduler.start();
    scheduler.start();
    assertThat(scheduler.isRunning()).isTrue();
    scheduler.stop();
    assertThat(scheduler.isRunning()).isFalse();
    scheduler.stop();
    assertThat(scheduler.isRunning()).isFalse();
  }

  @Test
  void stopLetsATickUnderWayFinishUninterrupted() throws Exception {
    CountDownLatch ticking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    // An advance that is writing to the store when the application stops: an interrupt could
    // abort the write half-way.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine", now -> {
          ticking.countDown();
          try {
            release.await();
            finished.set(true);
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
        })),
        Duration.ofMillis(10),
        Clock.systemUTC());
    scheduler.start();
    assertThat(ticking.await(10, TimeUnit.SECONDS)).as("a tick started").isTrue();
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release.countDown();
    });
    releaser.start();
    scheduler.stop();
    releaser.join();
    assertThat(interrupted).as("the tick under way was interrupted").isFalse();
    assertThat(finished).as("the tick under way finished before stop returned").isTrue();
    assertThat(scheduler.isRunning()).isFalse();
  }
}
