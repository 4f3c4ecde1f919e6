package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Optional;

/**
 * The integrator's orders: looked up by number when a complaint names one, and listed for the agent
 * when a customer calls (seed 002: recent orders and how far they got). Handed to the complaint
 * desk's builder, not discovered. Implementations must be thread-safe.
 */
@Experimental
public interface OrderBook {

  /**
   * Finds an order by its number.
   *
   * @param number the order number
   * @return the order, or empty if no such order exists
   */
  Optional<Order> findOrder(String number);

  /**
   * The customer's most recent orders, newest first.
   *
   * @param customer the customer
   * @param limit at most this many
   * @return the orders
   */
  List<Order> recentOrders(CustomerId customer, int limit);
}
