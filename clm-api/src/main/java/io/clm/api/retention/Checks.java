package io.clm.api.retention;

import io.clm.api.Money;
import io.clm.api.ValidationException;
import java.util.Objects;

/** Argument checks shared by the retention value types. */
final class Checks {
  private Checks() {}

  static void notBlank(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new ValidationException(field + " is blank");
    }
  }

  static void nonNegative(Money value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new ValidationException(field + " " + value + " is negative");
    }
  }

  static void unit(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new ValidationException(field + " " + value + " is outside 0..1");
    }
  }
}
