package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The complaint appendix of a customer's profile (seed 002: 客户档案的附录栏): every complaint, the
 * preferences learned while handling them, and the departments to remind when the customer does
 * business again.
 *
 * @param customer the customer
 * @param complaints every complaint, oldest first
 * @param preferences preferences learned, in the order noted
 * @param departments departments registered for reminders
 */
@Experimental
public record ComplaintAppendix(
    CustomerId customer, List<Complaint> complaints, List<String> preferences, Set<String> departments) {

  /**
   * Copies the collections.
   *
   * @param customer the customer
   * @param complaints every complaint, oldest first
   * @param preferences preferences learned, in the order noted
   * @param departments departments registered for reminders
   * @throws NullPointerException if a component is null
   */
  public ComplaintAppendix {
    Objects.requireNonNull(customer, "customer");
    complaints = List.copyOf(complaints);
    preferences = List.copyOf(preferences);
    departments = Set.copyOf(departments);
  }
}
