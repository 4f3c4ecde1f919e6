package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.ClmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    CountDownLatch advancesOfTheFailingClock = new CountDownLatch(3);
    CountDownLatch advancesOfTheOtherClock = new CountDownLatch(3);
    // A plugin's rule that needs a class missing from the class path fails with an Error, not an
    // exception; thrown out of the scheduled task, it would cancel every later advance without a word.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("failing", now -> {
              advancesOfTheFailingClock.countDown();
              if (failing.getAndIncrement() == 0) {
                throw new NoClassDefFoundError("com/example/MissingRule");
              }
            }),
            new ScheduledAdvance("engine", now -> advancesOfTheOtherClock.countDown())),
        Duration.ofMillis(10),
        Clock.systemUTC());
    scheduler.start();
    try {
      assertThat(advancesOfTheFailingClock.await(10, TimeUnit.SECONDS)).as("advances of the failing clock, the error's included")
          .isTrue();
      assertThat(advancesOfTheOtherClock.await(10, TimeUnit.SECONDS)).as("advances of the other clock").isTrue();
    } finally {
      scheduler.stop();
    }
  }

  @Test
  void anAdvanceThatHangsDoesNotHoldUpTheOtherClocks() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch otherAdvances = new CountDownLatch(3);
    // The first clock's store call never returns; the second clock's SLA deadlines must still fire.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("engine a", now -> {
              hanging.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }),
            new ScheduledAdvance("complaint desk b", now -> otherAdvances.countDown())),
        Duration.ofMillis(10),
        Clock.systemUTC());
    scheduler.start();
    try {
      assertThat(hanging.await(10, TimeUnit.SECONDS)).as("the first clock's advance hangs").isTrue();
      assertThat(otherAdvances.await(10, TimeUnit.SECONDS)).as("advances of the other clock meanwhile").isTrue();
    } finally {
      never.countDown();
      scheduler.stop();
    }
  }

  @Test
  void eachClockIsAdvancedOnADaemonThreadNamedAfterIt() throws Exception {
    Map<String, Thread> threads = new ConcurrentHashMap<>();
    CountDownLatch advanced = new CountDownLatch(2);
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("engine clmEngine", now -> {
              threads.putIfAbsent("engine", Thread.currentThread());
              advanced.countDown();
            }),
            new ScheduledAdvance("complaint desk clmComplaintDesk", now -> {
              threads.putIfAbsent("desk", Thread.currentThread());
              advanced.countDown();
            })),
        Duration.ofMillis(10),
        Clock.systemUTC());
    scheduler.start();
    try {
      assertThat(advanced.await(10, TimeUnit.SECONDS)).as("both clocks advanced").isTrue();
    } finally {
      scheduler.stop();
    }
    assertThat(threads.get("engine").getName()).isEqualTo("clm-clock-engine-clmEngine");
    assertThat(threads.get("desk").getName()).isEqualTo("clm-clock-complaint-desk-clmComplaintDesk");
    assertThat(threads.values()).allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName() + " is a daemon").isTrue());
  }

  @Test
  void stopInterruptsAnAdvanceStillHangingAfterTheGraceAndDoesNotWaitForIt() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicInteger otherAdvances = new AtomicInteger();
    // A store call that neither returns nor answers the interrupt: the stop must not wait for it.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("engine a", now -> {
              hanging.countDown();
              while (release.getCount() > 0) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  interrupted.countDown();
                }
              }
            }),
            new ScheduledAdvance("complaint desk b", now -> otherAdvances.incrementAndGet())),
        Duration.ofMillis(10),
        Duration.ofMillis(30),
        Duration.ofMillis(200),
        Clock.systemUTC());
    try (CapturedLog log = new CapturedLog(ClockScheduler.class)) {
      scheduler.start();
      assertThat(hanging.await(10, TimeUnit.SECONDS)).as("the advance hangs").isTrue();
      long started = System.nanoTime();
      scheduler.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time the stop took").isLessThan(Duration.ofSeconds(5));
      assertThat(scheduler.isRunning()).isFalse();
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hanging advance was interrupted").isTrue();
      assertThat(log.messages(Level.WARNING)).filteredOn(m -> m.contains("interrupting")).singleElement().asString()
          .contains("engine a", "PT0.2S");
      int afterStop = otherAdvances.get();
      Thread.sleep(100);
      assertThat(otherAdvances).as("advances of the other clock after the stop").hasValue(afterStop);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aRestartStartsNoSecondAdvanceOfAClockWhoseAdvanceStillHangs() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger advancesOfA = new AtomicInteger();
    AtomicInteger underWayOfA = new AtomicInteger();
    AtomicInteger mostAtOnceOfA = new AtomicInteger();
    AtomicInteger advancesOfB = new AtomicInteger();
    // The first advance of "engine a" does not answer the stop's interrupt: its thread goes on
    // running after the stop, and must still be the only advance of that clock after a restart.
    ClockScheduler scheduler = new ClockScheduler(
        List.of(
            new ScheduledAdvance("engine a", now -> {
              mostAtOnceOfA.accumulateAndGet(underWayOfA.incrementAndGet(), Math::max);
              try {
                if (advancesOfA.incrementAndGet() == 1) {
                  hanging.countDown();
                  while (release.getCount() > 0) {
                    try {
                      release.await();
                    } catch (InterruptedException e) {
                      // not answered
                    }
                  }
                }
              } finally {
                underWayOfA.decrementAndGet();
              }
            }),
            new ScheduledAdvance("complaint desk b", now -> advancesOfB.incrementAndGet())),
        Duration.ofMillis(10),
        Duration.ofMinutes(1),
        Duration.ofMillis(100),
        Clock.systemUTC());
    try {
      scheduler.start();
      assertThat(hanging.await(10, TimeUnit.SECONDS)).as("the advance hangs").isTrue();
      scheduler.stop();
      scheduler.start();
      int atRestart = advancesOfB.get();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (advancesOfB.get() < atRestart + 10 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(advancesOfB.get()).as("advances of the other clock after the restart").isGreaterThanOrEqualTo(atRestart + 10);
      assertThat(advancesOfA).as("advances of the hanging clock started, the hanging one included").hasValue(1);

      release.countDown();
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (advancesOfA.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(advancesOfA.get()).as("advances of that clock once the hanging one returned").isGreaterThanOrEqualTo(3);
      assertThat(mostAtOnceOfA).as("advances of that clock under way at once").hasValue(1);
    } finally {
      release.countDown();
      scheduler.stop();
    }
  }

  @Test
  void aStopOnAnInterruptedThreadStopsEveryClockAndKeepsTheInterrupt() throws Exception {
    CountDownLatch ticking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ClockScheduler scheduler = new ClockScheduler(
        List.of(new ScheduledAdvance("engine", now -> {
          ticking.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })),
        Duration.ofMillis(10),
        Clock.systemUTC());
    scheduler.start();
    try {
      assertThat(ticking.await(10, TimeUnit.SECONDS)).as("a tick started").isTrue();
      Thread.currentThread().interrupt();
      scheduler.stop();
      assertThat(Thread.interrupted()).as("the stopping thread's interrupt, kept").isTrue();
      assertThat(scheduler.isRunning()).isFalse();
    } finally {
      Thread.interrupted();
      release.countDown();
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
