package io.clm.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;

/**
 * The scheduled advance in an engine's or a desk's health: DOWN, with the {@code lastAdvance}
 * detail and, when an advance failed since, {@code advanceError} (as {@link Failures#describe}
 * gives it), when the clock has not been advanced for {@code clm.scheduling.stale-after}. Without
 * the scheduler ({@code clm.scheduling.enabled=false}) the health is left as it is.
 */
final class AdvanceHealth {
  private AdvanceHealth() {}

  static Health.Builder of(Health.Builder health, ObjectProvider<ClockScheduler> scheduler, String advance) {
    ClockScheduler s = scheduler.getIfAvailable();
    if (s == null) {
      return health;
    }
    s.stalled(advance).ifPresent(stalled -> {
      health.down().withDetail("lastAdvance", stalled.lastAdvance().toString());
      if (stalled.failure() != null) {
        health.withDetail("advanceError", stalled.failure());
      }
    });
    return health;
  }
}
