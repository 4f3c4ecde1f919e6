package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;

/**
 * A customer's repeat-purchase history in a calibration period, the input of the BG/NBD model: in
 * the literature's notation (x, t<sub>x</sub>, T). All times are in the same unit, the model's
 * time unit (weeks for the CDNOW results), measured from the customer's first purchase.
 *
 * @param frequency x, the number of repeat purchases (the first purchase is not counted), at least 0
 * @param recency t<sub>x</sub>, the time from the first purchase to the last repeat purchase; 0 when
 *     there is none
 * @param age T, the time from the first purchase to the end of the calibration period, at least
 *     {@code recency}
 */
@Experimental
public record PurchaseHistory(int frequency, double recency, double age) {

  /**
   * Validates the history.
   *
   * @param frequency x, the number of repeat purchases (the first purchase is not counted), at least 0
   * @param recency t<sub>x</sub>, the time from the first purchase to the last repeat purchase; 0 when
   *     there is none
   * @param age T, the time from the first purchase to the end of the calibration period, at least
   *     {@code recency}
   * @throws ValidationException if a value is negative or not finite, if {@code recency > age}, if
   *     there are repeat purchases but {@code recency} is 0, or if there are none but {@code recency}
   *     is not 0
   */
  public PurchaseHistory {
    if (frequency < 0) {
      throw new ValidationException("frequency " + frequency + " is negative");
    }
    if (!(recency >= 0) || Double.isInfinite(recency)) {
      throw new ValidationException("recency " + recency + " is negative or not finite");
    }
    if (!(age >= 0) || Double.isInfinite(age)) {
      throw new ValidationException("age " + age + " is negative or not finite");
    }
    if (recency > age) {
      throw new ValidationException("recency " + recency + " is greater than age " + age);
    }
    if (frequency > 0 && recency == 0) {
      throw new ValidationException("recency is 0 with frequency " + frequency + ": repeat purchases need a positive recency");
    }
    if (frequency == 0 && recency != 0) {
      throw new ValidationException("recency " + recency + " is not 0 with frequency 0");
    }
  }
}
