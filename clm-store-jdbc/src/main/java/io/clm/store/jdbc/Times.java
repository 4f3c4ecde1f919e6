package io.clm.store.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Instants as the schema stores them: microseconds since the epoch in a BIGINT. */
final class Times {
  private Times() {}

  static Optional<Instant> micros(Optional<Instant> due) {
    Objects.requireNonNull(due, "due");
    due.ifPresent(Times::toMicros);
    return due.map(d -> d.truncatedTo(ChronoUnit.MICROS));
  }

  static long toMicros(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant " + t + " is beyond what the store keeps in microseconds", e);
    }
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
