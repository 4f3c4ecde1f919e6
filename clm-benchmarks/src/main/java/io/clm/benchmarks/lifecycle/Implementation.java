package io.clm.benchmarks.lifecycle;

import io.clm.benchmarks.peers.ColumnarTracker;
import io.clm.benchmarks.peers.ObjectsTracker;
import io.clm.benchmarks.peers.SpringStatemachineTracker;
import io.clm.benchmarks.peers.SquirrelTracker;
import io.clm.benchmarks.peers.Stateless4jTracker;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The implementations the lifecycle benchmarks compare. */
public enum Implementation {
  /** clm's engine, with its full metrics, history and idempotency. */
  CLM(ClmTracker::new),
  /** The same rules by hand over columns of primitive arrays, one row per customer, no library. */
  COLUMNAR(ColumnarTracker::new),
  /** The same rules by hand over one object per customer, no library. */
  OBJECTS(ObjectsTracker::new),
  /** stateless4j: one shared configuration, one machine per customer over external state. */
  STATELESS4J(Stateless4jTracker::new),
  /** squirrel-foundation: one shared builder, one machine per customer. */
  SQUIRREL(SquirrelTracker::new),
  /** Spring Statemachine: one machine restored from and persisted to each customer's record. */
  SPRING(SpringStatemachineTracker::new);

  private final Supplier<LifecycleTracker> factory;

  Implementation(Supplier<LifecycleTracker> factory) {
    this.factory = factory;
  }

  /**
   * A new, empty tracker.
   *
   * @return the tracker
   */
  public LifecycleTracker create() {
    return factory.get();
  }

  /**
   * The implementation named on a command line or in a JMH parameter.
   *
   * @param name for example {@code clm} or {@code spring}
   * @return the implementation
   * @throws IllegalArgumentException naming the implementations there are, if none has that name
   */
  public static Implementation named(String name) {
    String label = name.toLowerCase(Locale.ROOT);
    for (Implementation i : values()) {
      if (i.label().equals(label)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown implementation '" + name + "'; known: "
        + Arrays.stream(values()).map(Implementation::label).collect(Collectors.joining(", ")));
  }

  /**
   * The lowercase name used in parameters and reports.
   *
   * @return the name
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
