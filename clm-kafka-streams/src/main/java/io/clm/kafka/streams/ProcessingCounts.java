package io.clm.kafka.streams;

import io.clm.api.annotation.Experimental;

/**
 * What the topology's tasks in this application instance have done since it was built: a view for
 * monitoring (the counts are read one after the other). Every input record processed is counted once as
 * applied, duplicate, erased, nothing to erase or dead letter, at least once: a record processed again after its transaction
 * aborted (a rebalance, an instance that died mid-commit) counts again, although exactly-once
 * processing stores its effects once. For exact figures read the output and dead-letter topics
 * with {@code isolation.level=read_committed}.
 *
 * @param applied events applied to a customer
 * @param duplicates events ignored because their id had been applied before
 * @param erased erasure requests ({@link ClmTopology#ERASURE_HEADER}) that erased a customer
 * @param nothingToErase erasure requests for a customer the task does not hold: never known, or
 *     erased before (a repeated request)
 * @param malformed input records sent to the dead-letter topic as {@link DeadLetter.Reason#MALFORMED}
 * @param invalid input records sent to the dead-letter topic as {@link DeadLetter.Reason#INVALID}
 * @param refused input records sent to the dead-letter topic as {@link DeadLetter.Reason#REFUSED}
 * @param stageChanges stage changes written to the output topic
 * @param punctuations time-driven passes over the due-time index
 * @param customersWoken customers read from the due-time index by those passes
 * @param seenEventsPruned seen events removed from the stores as older than the deduplication
 *     window (see {@link ClmTopology.Builder#deduplicationWindow})
 */
@Experimental
public record ProcessingCounts(
    long applied,
    long duplicates,
    long erased,
    long nothingToErase,
    long malformed,
    long invalid,
    long refused,
    long stageChanges,
    long punctuations,
    long customersWoken,
    long seenEventsPruned) {

  /**
   * Input records sent to the dead-letter topic, for any reason.
   *
   * @return malformed + invalid + refused
   */
  public long deadLetters() {
    return malformed + invalid + refused;
  }
}
