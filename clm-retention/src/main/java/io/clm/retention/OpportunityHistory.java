package io.clm.retention;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;

/**
 * A customer's history over discrete transaction opportunities, the input of {@link BgBb}: in the
 * literature's notation (x, t<sub>x</sub>, n). Opportunities are numbered 1 … n after the first
 * transaction (yearly donation drives, monthly statement dates, annual product reviews).
 *
 * @param frequency x, the number of opportunities with a transaction, 0 to n
 * @param recency t<sub>x</sub>, the last opportunity with a transaction, x to n; 0 when x = 0
 * @param opportunities n, the number of opportunities observed, at least 0
 */
@Experimental
public record OpportunityHistory(int frequency, int recency, int opportunities) {

  /**
   * Validates.
   *
   * @throws ValidationException if a value is negative, x &gt; n, t<sub>x</sub> &gt; n,
   *     t<sub>x</sub> &lt; x, or t<sub>x</sub> is not 0 when x is 0
   * @param frequency x, the number of opportunities with a transaction, 0 to n
   * @param recency t<sub>x</sub>, the last opportunity with a transaction, x to n; 0 when x = 0
   * @param opportunities n, the number of opportunities observed, at least 0
   */
  public OpportunityHistory {
    if (opportunities < 0) {
      throw new ValidationException("opportunities " + opportunities + " is negative");
    }
    if (frequency < 0 || frequency > opportunities) {
      throw new ValidationException("frequency " + frequency + " is outside 0.." + opportunities);
    }
    if (recency < frequency || recency > opportunities) {
      throw new ValidationException("recency " + recency + " is outside " + frequency + ".." + opportunities);
    }
    if (frequency == 0 && recency != 0) {
      throw new ValidationException("recency " + recency + " is not 0 with frequency 0");
    }
  }
}
