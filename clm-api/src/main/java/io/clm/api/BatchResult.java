package io.clm.api;

import io.clm.api.annotation.Stable;
import java.util.List;
import java.util.Objects;

/**
 * What ingesting a batch did. A batch is all-or-nothing: if any event is invalid, none is applied
 * and the exception names the event; so a result always describes a batch that was applied whole.
 *
 * @param accepted events applied
 * @param duplicates events ignored because their id had been seen (before or earlier in the batch)
 * @param changes the stage changes the batch caused, in order
 */
@Stable
public record BatchResult(int accepted, int duplicates, List<StageChange> changes) {
  /**
   * Validates and copies.
   *
   * @param accepted events applied
   * @param duplicates events ignored because their id had been seen (before or earlier in the batch)
   * @param changes the stage changes the batch caused, in order
   */
  public BatchResult {
    if (accepted < 0 || duplicates < 0) {
      throw new IllegalArgumentException("negative count");
    }
    changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
  }
}
