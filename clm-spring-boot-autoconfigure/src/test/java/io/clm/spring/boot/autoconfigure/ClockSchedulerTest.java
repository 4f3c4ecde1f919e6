package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
}
