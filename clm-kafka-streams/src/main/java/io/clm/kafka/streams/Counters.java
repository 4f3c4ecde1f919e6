package io.clm.kafka.streams;

import java.util.concurrent.atomic.LongAdder;

/** The counts behind {@link ProcessingCounts}, shared by every task of one topology instance. */
final class Counters {
  final LongAdder applied = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder erased = new LongAdder();
  final LongAdder nothingToErase = new LongAdder();
  final LongAdder malformed = new LongAdder();
  final LongAdder invalid = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder stageChanges = new LongAdder();
  final LongAdder punctuations = new LongAdder();
  final LongAdder customersWoken = new LongAdder();
  final LongAdder seenEventsPruned = new LongAdder();

  void deadLetter(DeadLetter.Reason reason) {
    LongAdder count =
        switch (reason) {
          case MALFORMED -> malformed;
          case INVALID -> invalid;
          case REFUSED -> refused;
        };
    count.increment();
  }

  ProcessingCounts snapshot() {
    return new ProcessingCounts(
        applied.sum(),
        duplicates.sum(),
        erased.sum(),
        nothingToErase.sum(),
        malformed.sum(),
        invalid.sum(),
        refused.sum(),
        stageChanges.sum(),
        punctuations.sum(),
        customersWoken.sum(),
        seenEventsPruned.sum());
  }
}
