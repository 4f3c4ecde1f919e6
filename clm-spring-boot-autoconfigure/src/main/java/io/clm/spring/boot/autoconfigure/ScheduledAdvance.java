package io.clm.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A clock that the scheduler advances to the wall clock: the engine's, the complaint desk's.
 *
 * @param name what it advances, for the log and the health: {@link #engine} or {@link #desk}
 * @param advance moves the clock to the given time
 */
record ScheduledAdvance(String name, Consumer<Instant> advance) {
  ScheduledAdvance {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(advance, "advance");
  }

  /** The name of the advance of the engine bean of that name. */
  static String engine(String bean) {
    return "engine " + bean;
  }

  /** The name of the advance of the complaint desk bean of that name. */
  static String desk(String bean) {
    return "complaint desk " + bean;
  }
}
