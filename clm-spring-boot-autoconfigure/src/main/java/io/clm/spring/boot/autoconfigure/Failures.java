package io.clm.spring.boot.autoconfigure;

import io.clm.api.ClmException;

/**
 * A failure as logs and health details may show it: the exception's class and, for clm's own
 * exceptions ({@link ClmException}), which mask customer ids, its message. The message of any other
 * exception, and the stack trace, which repeats it and the causes' messages, are left out, since
 * the application's code (its own store, say) may have put personal data in them. The complaint
 * desk's outbox reports a sink's refusal the same way.
 */
final class Failures {
  private Failures() {}

  static String describe(Throwable e) {
    return e instanceof ClmException ? e.getClass().getName() + ": " + e.getMessage() : e.getClass().getName();
  }
}
