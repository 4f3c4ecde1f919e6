package io.clm.cli;

import io.clm.api.Clm;
import io.clm.api.TextRules;
import io.clm.api.event.Event;
import java.time.Instant;

/**
 * Without {@code --as-of}, the latest a row may be dated: the engine's future tolerance ({@link
 * Clm.Builder#DEFAULT_FUTURE_TOLERANCE}) past the wall clock. A row later than that is a bad row of
 * its timestamp, met when it is read, before it can move time on. The clock is read only for a
 * row later than the limit last read, since the clock only moves on: most rows cost a comparison.
 * One per input file, read by one thread.
 */
final class ClockHorizon {
  private static final long TOLERANCE_MILLIS = Clm.Builder.DEFAULT_FUTURE_TOLERANCE.toMillis();

  /** Rows dated up to this instant (epoch milliseconds) are known to be within the tolerance. */
  private long limit = Long.MIN_VALUE;

  /** The bad row of {@code row}'s timestamp if {@code event}, made of it, lies beyond the limit; null if not. */
  BadRowException beyond(Row row, Event event) throws BadRowException {
    long at = event.at().toEpochMilli();
    if (at <= limit) {
      return null;
    }
    Instant now = Instant.now();
    limit = now.toEpochMilli() + TOLERANCE_MILLIS;
    if (at <= limit) {
      return null;
    }
    return row.bad(RecordKind.TIMESTAMP, TextRules.excerpt(row.text(RecordKind.TIMESTAMP)) + " is more than "
        + Clm.Builder.DEFAULT_FUTURE_TOLERANCE + " after the clock " + now + " (give --as-of to report as of a later day)");
  }
}
