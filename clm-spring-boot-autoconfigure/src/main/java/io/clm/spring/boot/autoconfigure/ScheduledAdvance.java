package io.clm.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A clock that the scheduler advances to the wall clock: the engine's, the complaint desk's.
 *
 * @param name what it advances, for the log
 * @param advance moves the clock to the given time
 */
record ScheduledAdvance(String name, Consumer<Instant> advance) {
  ScheduledAdvance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(advance, "advance");
  }
}
