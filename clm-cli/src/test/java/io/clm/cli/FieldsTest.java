package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast timestamp parser against java.time, which parses whatever it does not. */
class FieldsTest {

  /**
   * A timestamp of the form {@code yyyy-MM-ddTHH:mm:ss[.f]Z} parses to the instant java.time's
   * {@code OffsetDateTime.parse} gives, and is refused (null) exactly where that throws: dates
   * across years 0 to 9999 with leap years and centuries, fields just out of range (month 0 and
   * 13, day 0 to 32, hour 24, minute and second 60), fractions of one to nine digits.
   */
  @Test
  void aUtcTimestampParsesToTheInstantJavaTimeGives() {
    qt().withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(seed -> {
          Random r = new Random(seed);
          int year = r.nextInt(4) == 0 ? r.nextInt(10_000) : r.nextBoolean() ? 1600 + 100 * r.nextInt(9) + r.nextInt(2) * 4 : 1900 + r.nextInt(300);
          int month = r.nextInt(20) == 0 ? 13 * r.nextInt(2) : 1 + r.nextInt(12);
          int day = r.nextInt(20) == 0 ? r.nextInt(33) : month == 2 && r.nextBoolean() ? 28 + r.nextInt(3) : 1 + r.nextInt(31);
          int hour = r.nextInt(30) == 0 ? 24 : r.nextInt(24);
          int minute = r.nextInt(30) == 0 ? 60 : r.nextInt(60);
          int second = r.nextInt(30) == 0 ? 60 : r.nextInt(60);
          StringBuilder fraction = new StringBuilder();
          if (r.nextBoolean()) {
            fraction.append('.');
            for (int i = 1 + r.nextInt(9); i > 0; i--) {
              fraction.append((char) ('0' + r.nextInt(10)));
            }
          }
          String text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", year, month, day, hour, minute, second, fraction);
          Instant expected;
          try {
            expected = OffsetDateTime.parse(text).toInstant();
          } catch (DateTimeParseException e) {
            expected = null;
          }
          assertThat(Fields.parseUtcInstant(text)).as(text).isEqualTo(expected);
        });
  }
}
