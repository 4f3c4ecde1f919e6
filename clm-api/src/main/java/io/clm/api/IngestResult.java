package io.clm.api;

import io.clm.api.annotation.Stable;
import java.util.List;
import java.util.Objects;

/**
 * What ingesting one event did.
 *
 * @param duplicate true if the event's id had been seen before: nothing changed
 * @param changes the stage changes the event caused, in order (empty if none)
 */
@Stable
public record IngestResult(boolean duplicate, List<StageChange> changes) {
  /**
   * Copies the changes.
   *
   * @param duplicate true if the event's id had been seen before: nothing changed
   * @param changes the stage changes the event caused, in order (empty if none)
   */
  public IngestResult {
    changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    if (duplicate && !changes.isEmpty()) {
      throw new IllegalArgumentException("a duplicate changes nothing");
    }
  }
}
