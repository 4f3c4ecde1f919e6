package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * Told of every stage change, after it is stored. Listeners are called on the thread that ingested
 * the event, in registration order, after the customer's lock is released; a listener that throws is
 * logged (by class name) and does not affect the change or other listeners. Keep listeners fast, or
 * hand the change to your own executor.
 */
@FunctionalInterface
@Stable
public interface StageChangeListener {
  /**
   * Called once per stage change.
   *
   * @param change the change
   */
  void onStageChange(StageChange change);
}
