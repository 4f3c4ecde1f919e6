package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;

/**
 * The horizon and discounting of a customer lifetime value, with explicit time units: the future is
 * cut into {@code periods} periods of {@code periodLength} model time units each, and the value of
 * the transactions expected in period i is discounted by {@code (1 + discountRate)^i}.
 *
 * <p>For a model fitted in weeks, {@code new ValueHorizon(12, 52.0 / 12, 0.01)} is one year in
 * monthly periods at 1 % a month (about 12.7 % a year); {@code new ValueHorizon(3, 52, 0.10)} is
 * three years at 10 % a year.
 *
 * @param periods the number of periods, 1 to 10,000
 * @param periodLength the length of a period in the model's time unit, positive and finite
 * @param discountRate the discount rate per period, at least 0 and finite (0.01 is 1 %)
 */
@Experimental
public record ValueHorizon(int periods, double periodLength, double discountRate) {

  /**
   * Validates.
   *
   * @param periods the number of periods, 1 to 10,000
   * @param periodLength the length of a period in the model's time unit, positive and finite
   * @param discountRate the discount rate per period, at least 0 and finite (0.01 is 1 %)
   * @throws ValidationException if periods is outside 1..10,000, the period length is not positive
   *     and finite, or the discount rate is negative or not finite
   */
  public ValueHorizon {
    if (periods < 1 || periods > 10_000) {
      throw new ValidationException("periods " + periods + " is outside 1..10000");
    }
    if (!(periodLength > 0) || Double.isInfinite(periodLength)) {
      throw new ValidationException("periodLength " + periodLength + " is not a positive finite number");
    }
    if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
      throw new ValidationException("discountRate " + discountRate + " is negative or not finite");
    }
  }

  /**
   * The whole horizon in model time units.
   *
   * @return {@code periods × periodLength}
   */
  public double length() {
    return periods * periodLength;
  }
}
