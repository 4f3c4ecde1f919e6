package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.event.Event;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --as-of}, a row may be dated up to five minutes after the wall clock (the engine's
 * future tolerance); a later one is a bad row of its timestamp.
 */
class ClockHorizonTest {

  private static Row row(Instant at) {
    return new Row("f.csv", 2, RecordKind.TRANSACTIONS,
        new String[] {"t1", "C-1001", at.toString(), "debit", "5.00", null, "card", "pos"});
  }

  private static Event event(Row row) throws BadRowException {
    return RecordKind.TRANSACTIONS.eventOf(row, RandomEvents.EUR);
  }

  @Test
  void aRowWithinFiveMinutesOfTheClockIsTakenAndALaterOneIsNot() throws BadRowException {
    ClockHorizon horizon = new ClockHorizon();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Row past = row(now.minus(1, ChronoUnit.DAYS));
    assertThat(horizon.beyond(past, event(past))).isNull();
    Row soon = row(now.plus(2, ChronoUnit.MINUTES));
    assertThat(horizon.beyond(soon, event(soon))).isNull();
    Row late = row(now.plus(1, ChronoUnit.HOURS));
    BadRowException bad = horizon.beyond(late, event(late));
    assertThat(bad).isNotNull();
    assertThat(bad.field()).isEqualTo("timestamp");
    assertThat(bad.line()).isEqualTo(2);
    assertThat(bad.problem()).startsWith("'" + late.text(RecordKind.TIMESTAMP) + "' is more than PT5M after the clock ")
        .endsWith(" (give --as-of to report as of a later day)");
  }
}
