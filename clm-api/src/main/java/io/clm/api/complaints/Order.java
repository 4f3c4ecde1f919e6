package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order (a sales order, a payment, an account application) as the integrator's order book knows
 * it, shown to the agent and linked to a complaint (seed 002: 销售订单).
 *
 * @param number the order number; not blank
 * @param customer whose order it is
 * @param placedAt when it was placed
 * @param description what was ordered
 * @param amount its value, if it has one
 * @param status how far its execution has got (the order book's own words)
 */
@Experimental
public record Order(
    String number, CustomerId customer, Instant placedAt, String description, Optional<Money> amount, String status) {

  /**
   * Validates the order.
   *
   * @param number the order number; not blank
   * @param customer whose order it is
   * @param placedAt when it was placed
   * @param description what was ordered
   * @param amount its value, if it has one
   * @param status how far its execution has got (the order book's own words)
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the number is blank
   */
  public Order {
    Objects.requireNonNull(number, "number");
    if (number.isBlank()) {
      throw new IllegalArgumentException("order number is blank");
    }
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
  }

  /** Returns the number and status only; the description may hold personal data. */
  @Override
  public String toString() {
    return "Order[" + number + ", " + status + "]";
  }
}
