package io.clm.api;

import io.clm.api.annotation.Stable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A customer's identifier as the integrator's systems know it (a core-banking customer number, a
 * CRM party id).
 *
 * <p>The id is personal data: {@link #toString()} never shows it. It prints a short, stable
 * fingerprint instead ({@code CustomerId[#1a2b3c4d]}), so that logs and exception messages can be
 * correlated without revealing who the customer is. Use {@link #value()} where the real id is
 * needed.
 *
 * @param value the id; 1 to 128 characters, not blank, no control characters
 */
@Stable
public record CustomerId(String value) implements Comparable<CustomerId> {

  /** The longest id accepted, in characters. */
  public static final int MAX_LENGTH = 128;

  /**
   * Validates the id.
   *
   * @param value the id; 1 to 128 characters, not blank, no control characters
   * @throws NullPointerException if {@code value} is null
   * @throws InvalidEventException if {@code value} is blank, longer than {@link #MAX_LENGTH} or
   *     contains a control character
   */
  public CustomerId {
    Objects.requireNonNull(value, "customer id");
    if (value.isBlank()) {
      throw new InvalidEventException("customer id is blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidEventException(
          "customer id has " + value.length() + " characters, more than " + MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidEventException("customer id contains a control character at " + i);
      }
    }
  }

  /**
   * Shorthand for {@code new CustomerId(value)}.
   *
   * @param value the id
   * @return the customer id
   */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  /**
   * A stable, non-reversible fingerprint of the id for logs and messages: eight hex digits of the
   * 32-bit FNV-1a hash of the id's UTF-8 bytes.
   *
   * @return the masked form, for example {@code #1a2b3c4d}
   */
  public String masked() {
    int hash = 0x811c9dc5;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return String.format("#%08x", hash);
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  /** Returns {@code CustomerId[#xxxxxxxx]}: the masked form, never the id itself. */
  @Override
  public String toString() {
    return "CustomerId[" + masked() + "]";
  }
}
