package io.clm.retention;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * One customer's forecast from {@link LifetimeValue#score}.
 *
 * @param customer the customer
 * @param probabilityAlive P(alive) at the end of calibration, 0 to 1
 * @param expectedTransactions transactions expected over the whole horizon, undiscounted
 * @param expectedSpend expected value per transaction, major units
 * @param lifetimeValue the discounted value of the expected transactions over the horizon, major
 *     units (revenue; multiply by a margin for profit)
 */
@Experimental
public record CustomerValue(
    CustomerId customer, double probabilityAlive, double expectedTransactions, double expectedSpend, double lifetimeValue) {

  /**
   * Validates.
   *
   * @param customer the customer
   * @param probabilityAlive P(alive) at the end of calibration, 0 to 1
   * @param expectedTransactions transactions expected over the whole horizon, undiscounted
   * @param expectedSpend expected value per transaction, major units
   * @param lifetimeValue the discounted value of the expected transactions over the horizon, major
   *     units (revenue; multiply by a margin for profit)
   * @throws NullPointerException if the customer is null
   */
  public CustomerValue {
    Objects.requireNonNull(customer, "customer");
  }

  /** Returns the masked id and the numbers: no personal data. */
  @Override
  public String toString() {
    return "CustomerValue[" + customer.masked() + ", pAlive=" + probabilityAlive + ", value=" + lifetimeValue + "]";
  }
}
