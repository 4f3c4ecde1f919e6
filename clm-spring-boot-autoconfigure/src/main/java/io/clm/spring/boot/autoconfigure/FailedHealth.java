package io.clm.spring.boot.autoconfigure;

import org.springframework.boot.actuate.health.Health;

/**
 * DOWN for a component that could not be read, with the failure in the {@code error} detail as
 * {@link Failures#describe} gives it: the exception's class and, for clm's own exceptions, which
 * mask customer ids, its message. The message of any other exception is left out, since the
 * application's code (its own store, say) may have put personal data in it, and health details may
 * be shown to anyone who can reach the endpoint.
 */
final class FailedHealth {
  private FailedHealth() {}

  static Health.Builder down(Exception e) {
    return Health.down().withDetail("error", Failures.describe(e));
  }
}
