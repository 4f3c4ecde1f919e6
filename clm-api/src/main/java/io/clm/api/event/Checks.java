package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.InvalidEventException;
import io.clm.api.Money;
import java.time.Instant;
import java.util.Objects;

/** The validation every event shares, with the messages in one place. */
final class Checks {
  static final int MAX_ID_LENGTH = 128;

  private Checks() {}

  static void common(String id, CustomerId customer, Instant at) {
    text(id, "event id", MAX_ID_LENGTH);
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
  }

  static String text(String value, String field, int maxLength) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new InvalidEventException(field + " is blank");
    }
    if (value.length() > maxLength) {
      throw new InvalidEventException(
          field + " has " + value.length() + " characters, more than " + maxLength);
    }
    return value;
  }

  static Money nonNegative(Money amount, String field, String eventId) {
    Objects.requireNonNull(amount, field);
    if (amount.isNegative()) {
      throw new InvalidEventException(
          field + " " + amount + " is negative in event '" + eventId + "'");
    }
    return amount;
  }

  static <T> T present(T value, String field) {
    return Objects.requireNonNull(value, field);
  }
}
