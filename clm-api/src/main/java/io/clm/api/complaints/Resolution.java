package io.clm.api.complaints;

import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Objects;
import java.util.Optional;

/**
 * How a complaint was resolved: the correction made, any compensation paid and the root cause
 * (regulators require root-cause analysis). Seed 003's hotel story: correct the mistake, then do
 * more than expected.
 *
 * @param correction what was put right; not blank
 * @param compensation money paid or credited, if any; never negative
 * @param rootCause the root-cause category, for reports (for example {@code fees}, {@code
 *     staff-error}); not blank
 */
@Experimental
public record Resolution(String correction, Optional<Money> compensation, String rootCause) {

  /**
   * Validates the resolution.
   *
   * @param correction what was put right; not blank
   * @param compensation money paid or credited, if any; never negative
   * @param rootCause the root-cause category, for reports (for example {@code fees}, {@code
   *     staff-error}); not blank
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a text is blank or the compensation is negative
   */
  public Resolution {
    Objects.requireNonNull(correction, "correction");
    Objects.requireNonNull(compensation, "compensation");
    Objects.requireNonNull(rootCause, "rootCause");
    if (correction.isBlank()) {
      throw new ValidationException("correction is blank");
    }
    if (rootCause.isBlank()) {
      throw new ValidationException("root cause is blank");
    }
    compensation.ifPresent(
        money -> {
          if (money.isNegative()) {
            throw new ValidationException("compensation " + money + " is negative");
          }
        });
  }

  /** Returns the root cause and whether money was paid; never the correction's text or the amount. */
  @Override
  public String toString() {
    return "Resolution[" + rootCause + (compensation.isPresent() ? ", compensated" : "") + "]";
  }
}
