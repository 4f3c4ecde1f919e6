package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A note to a department that a customer with a complaint history is doing business again (seed
 * 002: 该客户再次同企业合作时 ... 应提醒相关部门留意).
 *
 * @param department the department reminded
 * @param customer the customer
 * @param at when the customer came back
 * @param ticketIds the customer's complaints, oldest first
 * @param preferences what was learned about the customer
 */
@Experimental
public record Reminder(String department, CustomerId customer, Instant at, List<String> ticketIds, List<String> preferences) {

  /**
   * Copies the lists.
   *
   * @param department the department reminded
   * @param customer the customer
   * @param at when the customer came back
   * @param ticketIds the customer's complaints, oldest first
   * @param preferences what was learned about the customer
   * @throws NullPointerException if a component is null
   */
  public Reminder {
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
    ticketIds = List.copyOf(ticketIds);
    preferences = List.copyOf(preferences);
  }
}
