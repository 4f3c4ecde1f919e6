package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.InvalidEventException;
import io.clm.api.Money;
import io.clm.api.TextRules;
import java.time.Instant;
import java.util.Objects;

/** The validation every event shares, with the messages in one place. */
final class Checks {
  static final int MAX_ID_LENGTH = 128;
  static final int MAX_STAGE_LENGTH = 64;
  static final int MAX_REASON_LENGTH = 1000;

  private Checks() {}

  static void common(String id, CustomerId customer, Instant at) {
    text(id, "event id", MAX_ID_LENGTH);
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
  }

  /** A text field: see {@link TextRules#problem(String, int)}. */
  static void text(String value, String field, int maxLength) {
    Objects.requireNonNull(value, field);
    String problem = TextRules.problem(value, maxLength);
    if (problem != null) {
      throw new InvalidEventException(field + " " + problem);
    }
  }

  /** The event id as a message quotes it: short and escaped. */
  static String quote(String eventId) {
    return TextRules.excerpt(eventId);
  }

  static void nonNegative(Money amount, String field, String eventId) {
    Objects.requireNonNull(amount, field);
    if (amount.isNegative()) {
      throw new InvalidEventException(
          field + " " + amount + " is negative in event " + quote(eventId));
    }
  }
}
