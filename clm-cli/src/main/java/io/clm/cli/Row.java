package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One row of an input file, its values in the order of its {@link RecordKind}'s fields (null when
 * absent), with typed accessors that turn a bad value into a {@link BadRowException} naming the
 * field.
 */
final class Row {
  private final String file;
  private final long line;
  private final RecordKind kind;
  private final String[] values;

  Row(String file, long line, RecordKind kind, String[] values) {
    this.file = file;
    this.line = line;
    this.kind = kind;
    this.values = values;
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

  BadRowException bad(int field, String problem) {
    return new BadRowException(file, line, kind.fields().get(field), problem);
  }

  boolean present(int field) {
    String v = values[field];
    return v != null && !v.isBlank();
  }

  String text(int field) throws BadRowException {
    if (!present(field)) {
      throw bad(field, "is missing");
    }
    return values[field].trim();
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
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw bad(field, "'" + v + "' is not a decimal number");
    }
  }

  int integer(int field) throws BadRowException {
    String v = text(field);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(field, "'" + v + "' is not a whole number");
    }
  }

  boolean bool(int field) throws BadRowException {
    String v = text(field).toLowerCase(Locale.ROOT);
    switch (v) {
      case "true":
      case "yes":
      case "1":
        return true;
      case "false":
      case "no":
      case "0":
        return false;
      default:
        throw bad(field, "'" + v + "' is not true or false");
    }
  }

  <E extends Enum<E>> E choice(int field, Class<E> type) throws BadRowException {
    String v = text(field);
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
    throw bad(field, "'" + v + "' is not one of " + allowed);
  }

  Instant instant(int field) throws BadRowException {
    String v = text(field);
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
        throw bad(field, "'" + v + "' is not an ISO-8601 timestamp (2024-03-01T09:30:00Z) or date");
      }
    }
  }
}
