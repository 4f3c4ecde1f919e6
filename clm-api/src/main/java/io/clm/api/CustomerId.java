package io.clm.api;

import io.clm.api.annotation.Stable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A customer's identifier as the integrator's systems know it (a core-banking customer number, a
 * CRM party id).
 *
 * <p>The id is personal data: {@link #toString()} never shows it. It prints a keyed mask instead
 * ({@code CustomerId[#1a2b...]}, see {@link #masked()}), so that logs and exception messages can be
 * correlated without revealing who the customer is. Use {@link #value()} where the real id is
 * needed.
 *
 * @param value the id; 1 to 128 characters, not blank, no control characters, well-formed Unicode
 *     (no lone surrogate characters), see {@link TextRules}
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
   * @throws InvalidEventException if {@code value} is blank, longer than {@link #MAX_LENGTH},
   *     contains a control character or a lone surrogate character; the message never contains the
   *     id
   */
  public CustomerId {
    Objects.requireNonNull(value, "customer id");
    String problem = TextRules.problem(value, MAX_LENGTH);
    if (problem != null) {
      throw new InvalidEventException("customer id " + problem);
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
   * The id masked for logs and messages: a keyed hash ({@link CustomerIdMask#mask(CustomerId)}) under
   * {@linkplain CustomerIdMask#process() this process's key}, which is random, generated when first
   * needed and never written anywhere. The same id gives the same mask for the life of the process,
   * so that log lines can be correlated, and nobody without the key can find the id by hashing
   * plausible ids. For masks that stay the same across processes, use {@link
   * CustomerIdMask#withKey(byte[])} with a secret of your own.
   *
   * @return the masked form: {@code #} and 32 hex digits
   */
  public String masked() {
    return CustomerIdMask.process().mask(this);
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  /** Returns {@code CustomerId[#...]}: the masked form, never the id itself. */
  @Override
  public String toString() {
    return "CustomerId[" + masked() + "]";
  }
}
