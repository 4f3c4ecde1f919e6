package io.clm.retention;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's purchases summarised for the buy-till-you-die models: the calibration history,
 * the mean value of the repeat purchases, and the count of purchases in the hold-out period (for
 * validating forecasts). Produced by {@link PurchaseLog#summarise}.
 *
 * @param customer the customer
 * @param history (x, t_x, T) in the calibration period, in the log's time unit
 * @param meanSpend the mean value of the repeat purchases in calibration, major units; 0 without
 *     repeat purchases
 * @param holdoutTransactions purchases (same-day purchases merged) in the hold-out period
 */
@Experimental
public record CustomerSummary(CustomerId customer, PurchaseHistory history, double meanSpend, int holdoutTransactions) {

  /**
   * Validates.
   *
   * @param customer the customer
   * @param history (x, t_x, T) in the calibration period, in the log's time unit
   * @param meanSpend the mean value of the repeat purchases in calibration, major units; 0 without
   *     repeat purchases
   * @param holdoutTransactions purchases (same-day purchases merged) in the hold-out period
   * @throws NullPointerException if the customer or history is null
   * @throws ValidationException if the mean spend is negative, not finite, or positive without
   *     repeat purchases, or the hold-out count is negative
   */
  public CustomerSummary {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(history, "history");
    if (!(meanSpend >= 0) || Double.isInfinite(meanSpend)) {
      throw new ValidationException("meanSpend " + meanSpend + " is negative or not finite for customer " + customer.masked());
    }
    if (history.frequency() == 0 && meanSpend != 0) {
      throw new ValidationException("meanSpend " + meanSpend + " is not 0 without repeat purchases for customer " + customer.masked());
    }
    if (holdoutTransactions < 0) {
      throw new ValidationException("holdoutTransactions " + holdoutTransactions + " is negative for customer " + customer.masked());
    }
  }

  /**
   * The customer's input to {@link GammaGamma}, if the customer is a repeat buyer with a positive
   * mean spend.
   *
   * @return the spend, or empty
   */
  public Optional<GammaGamma.Spend> spend() {
    return history.frequency() > 0 && meanSpend > 0
        ? Optional.of(new GammaGamma.Spend(history.frequency(), meanSpend))
        : Optional.empty();
  }

  /** Returns the masked id and the history: no personal data. */
  @Override
  public String toString() {
    return "CustomerSummary[" + customer.masked() + ", " + history + ", meanSpend=" + meanSpend + ", holdoutTransactions=" + holdoutTransactions + "]";
  }
}
