package io.clm.benchmarks.lifecycle;

import io.clm.api.event.Event;
import java.util.Map;

/**
 * Keeps every customer's lifecycle stage as events arrive: clm, or a general-purpose state machine
 * library driven the way its documentation describes for many entities. One instance serves one
 * population.
 */
public interface LifecycleTracker {

  /**
   * Applies one event.
   *
   * @param event the event
   * @return the number of stage changes it caused
   */
  int accept(Event event);

  /**
   * Customers per stage id, for checking that implementations agree.
   *
   * @return stage id to count
   */
  Map<String, Long> stageCounts();

  /**
   * What the tracker holds for its customers, for heap measurements; the tracker itself when that
   * is all.
   *
   * @return the root object of the tracker's per-customer state
   */
  Object stateRoot();
}
