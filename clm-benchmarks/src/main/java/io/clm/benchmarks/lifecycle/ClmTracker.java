package io.clm.benchmarks.lifecycle;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.Event;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** clm's engine, built through the public API exactly as an application builds it. */
final class ClmTracker implements LifecycleTracker {
  private final LifecycleEngine engine;

  ClmTracker() {
    this(null);
  }

  /** With a deduplication window, or remembering every event id when {@code window} is null. */
  ClmTracker(Duration window) {
    this.engine = newEngine(window);
  }

  static LifecycleEngine newEngine() {
    return newEngine(null);
  }

  /** The benchmark's engine, with a deduplication window, or none when {@code window} is null. */
  static LifecycleEngine newEngine(Duration window) {
    Clm.Builder b = Clm.builder().model("banking-six-stage").currency("EUR");
    if (window != null) {
      b.deduplicationWindow(window);
    }
    return b.build();
  }

  LifecycleEngine engine() {
    return engine;
  }

  @Override
  public int accept(Event event) {
    return engine.ingest(event).changes().size();
  }

  @Override
  public Map<String, Long> stageCounts() {
    return new LinkedHashMap<>(engine.stageCounts());
  }

  @Override
  public Object stateRoot() {
    return engine;
  }
}
