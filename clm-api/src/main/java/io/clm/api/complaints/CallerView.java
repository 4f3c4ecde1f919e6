package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent sees when a call comes in (seed 002: 判断是哪个客户, 近期订单的执行情况, 近期投诉的处理情况).
 *
 * @param customer the customer the calling number belongs to, if known
 * @param recentOrders the customer's recent orders, newest first
 * @param recentComplaints the customer's recent complaints with how they were handled, newest first
 * @param preferences what was learned about the customer in earlier complaints
 */
@Experimental
public record CallerView(
    Optional<CustomerId> customer, List<Order> recentOrders, List<Complaint> recentComplaints, List<String> preferences) {

  /**
   * Copies the lists.
   *
   * @param customer the customer the calling number belongs to, if known
   * @param recentOrders the customer's recent orders, newest first
   * @param recentComplaints the customer's recent complaints with how they were handled, newest first
   * @param preferences what was learned about the customer in earlier complaints
   * @throws NullPointerException if a component is null
   */
  public CallerView {
    Objects.requireNonNull(customer, "customer");
    recentOrders = List.copyOf(recentOrders);
    recentComplaints = List.copyOf(recentComplaints);
    preferences = List.copyOf(preferences);
  }
}
