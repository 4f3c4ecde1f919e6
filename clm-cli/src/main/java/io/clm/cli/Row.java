package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.DecimalText;
import io.clm.api.TextRules;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of an input file, its values in the order of its {@link RecordKind}'s fields (null when
 * absent), with typed accessors that turn a bad value into a {@link BadRowException} naming the
 * field. Messages quote at most a short, escaped excerpt of a value, and never the row's customer id.
 */
final class Row {
  /** Ids shorter than this are not searched for in messages: they would match ordinary text. */
  private static final int MIN_REDACTED_LENGTH = 4;

  private final String file;
  private final long line;
  private final RecordKind kind;
  private final String[] values;
  private final Dialect dialect;

  Row(String file, long line, RecordKind kind, String[] values) {
    this(file, line, kind, values, Dialect.DEFAULT);
  }

  Row(String file, long line, RecordKind kind, String[] values, Dialect dialect) {
    this.file = file;
    this.line = line;
    this.kind = kind;
    this.values = values;
    this.dialect = dialect;
  }

  String file() {
    return file;
  }

  long line() {
    return line;
  }

  RecordKind kind() {
    return kind;
  }

  Dialect dialect() {
    return dialect;
  }

  BadRowException bad(int field, String problem) {
    return new BadRowException(file, line, kind.fields().get(field), redact(problem));
  }

  /**
   * The problem with the row's customer id replaced by a mark, wherever a value holding it ended
   * up in a message (a shifted column, an id pasted into an amount).
   */
  String redact(String problem) {
    String id = values.length > 1 ? values[1] : null;
    if (id == null) {
      return problem;
    }
    String trimmed = id.strip();
    if (trimmed.length() < MIN_REDACTED_LENGTH) {
      return problem;
    }
    String shown = TextRules.excerpt(trimmed);
    String inner = shown.substring(1, shown.lastIndexOf('\''));
    return problem.replace(trimmed, "(customer id)").replace(inner, "(customer id)");
  }

  boolean present(int field) {
    String v = values[field];
    return v != null && !v.isBlank();
  }

  String text(int field) throws BadRowException {
    if (!present(field)) {
      throw bad(field, "is missing");
    }
    return values[field].strip();
  }

  CustomerId customer(int field) throws BadRowException {
    String v = text(field);
    try {
      return CustomerId.of(v);
    } catch (ClmException e) {
      throw bad(field, e.getMessage());
    }
  }

  BigDecimal decimal(int field) throws BadRowException {
    String v = text(field);
    try {
      return DecimalText.parse(v, "value", dialect.decimalSeparator());
    } catch (ClmException e) {
      throw bad(field, TextRules.excerpt(v) + " is not a decimal number within bounds (at most "
          + DecimalText.MAX_INTEGER_DIGITS + " digits before the '" + dialect.decimalSeparator() + "', no exponent)");
    }
  }

  int integer(int field) throws BadRowException {
    String v = text(field);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(field, TextRules.excerpt(v) + " is not a whole number");
    }
  }

  boolean bool(int field) throws BadRowException {
    String v = text(field).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw bad(field, TextRules.excerpt(v) + " is not true or false");
    };
  }

  /**
   * The constant of {@code type} the value names, in any case and with {@code '-'} for {@code '_'}:
   * the constant whose name equals the value upper-cased ({@link Locale#ROOT}) with every {@code
   * '-'} replaced.
   */
  <E extends Enum<E>> E choice(int field, Class<E> type) throws BadRowException {
    String v = text(field);
    E ascii = asciiChoice(v, type);
    if (ascii != null) {
      return ascii;
    }
    String name = v.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(Fields.lower(e));
    }
    throw bad(field, TextRules.excerpt(v) + " is not one of " + allowed);
  }

  /** Enum constants by class, read without the copy that {@link Class#getEnumConstants} makes. */
  private static final ClassValue<Enum<?>[]> CONSTANTS =
      new ClassValue<>() {
        @Override
        protected Enum<?>[] computeValue(Class<?> type) {
          return (Enum<?>[]) type.getEnumConstants();
        }
      };

  /**
   * The constant {@link #choice} finds, without allocating, for a value of ASCII characters; null
   * when none matches or the value has another character (upper-casing may then change its length
   * or map it onto ASCII, which {@link #choice} leaves to {@link String#toUpperCase}).
   */
  private static <E extends Enum<E>> E asciiChoice(String v, Class<E> type) {
    int n = v.length();
    for (Enum<?> e : CONSTANTS.get(type)) {
      String name = e.name();
      if (name.length() != n) {
        continue;
      }
      int i = 0;
      while (i < n) {
        char c = v.charAt(i);
        if (c >= 0x80) {
          return null;
        }
        char upper = c == '-' ? '_' : c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
        if (upper != name.charAt(i)) {
          break;
        }
        i++;
      }
      if (i == n) {
        @SuppressWarnings("unchecked") // a constant of type
        E constant = (E) e;
        return constant;
      }
    }
    return null;
  }

  /**
   * The years a row's timestamp, and a date option, may lie in: those of the engine's time line,
   * which starts with the year 0001.
   */
  static final String YEARS = "the years 0001 to 9999";
  /** The earliest timestamp a row may have: the start of the year 0001, where the engine's time begins. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  /**
   * The latest timestamp a row may have: the last millisecond of the year 9999, where the engine's
   * time, counted in milliseconds, ends. A timestamp later within that millisecond is outside too.
   */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * The timestamp, from the years 0001 to 9999: further out, the engine could not run it (its
   * time starts with the year 0001), and no export means it. A value later within the last
   * millisecond of 9999 is dated in those years as written, so its message says where they end.
   */
  Instant instant(int field) throws BadRowException {
    Instant at = parseInstant(field);
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      // Within the last millisecond, the value is dated in the year 9999: the message says where the years end.
      boolean lastMillisecond = at.isAfter(LATEST) && at.isBefore(LATEST.plusMillis(1));
      String end = lastMillisecond
          ? ", which end at " + LATEST + " (time is counted in whole milliseconds)"
          : writtenInsideTheYears(field) ? ": it is " + at + " in UTC" : "";
      throw bad(field, TextRules.excerpt(text(field)) + " is outside " + YEARS + end);
    }
    return at;
  }

  /**
   * Whether the timestamp, dated outside the years in UTC, is written with a date inside them: a
   * local time or an offset took it over the edge of the year 0001 or 9999. Read again only for a
   * timestamp already refused.
   */
  private boolean writtenInsideTheYears(int field) throws BadRowException {
    String v = text(field);
    int year;
    try {
      Optional<DateTimeFormatter> local = dialect.timestampFormatter();
      year = local.isPresent() ? LocalDateTime.parse(v, local.get()).getYear() : OffsetDateTime.parse(v).getYear();
    } catch (DateTimeException e) {
      return false; // written in UTC (a Z or a date alone): its year is the one refused
    }
    return year >= 1 && year <= 9999;
  }

  private Instant parseInstant(int field) throws BadRowException {
    String v = text(field);
    Optional<DateTimeFormatter> local = dialect.timestampFormatter();
    if (local.isPresent()) {
      try {
        return LocalDateTime.parse(v, local.get()).atZone(dialect.zone()).toInstant();
      } catch (DateTimeException e) {
        throw bad(field, TextRules.excerpt(v) + " is not a timestamp in the pattern '" + dialect.timestampPattern().get() + "'");
      }
    }
    Instant fast = Fields.parseUtcInstant(v);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw bad(field, TextRules.excerpt(v) + " is not an ISO-8601 timestamp (2024-03-01T09:30:00Z) or date");
      }
    }
  }
}
