package io.clm.benchmarks.lifecycle;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/** clm's engine, built through the public API exactly as an application builds it. */
final class ClmTracker implements LifecycleTracker {
  private final LifecycleEngine engine;

  ClmTracker() {
    this.engine = newEngine();
  }

  static LifecycleEngine newEngine() {
    return Clm.builder().model("banking-six-stage").currency("EUR").build();
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
