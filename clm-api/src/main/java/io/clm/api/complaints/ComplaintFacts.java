package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What classification rules look at: the ticket, whether the customer is vulnerable, and when the
 * same customer complained before.
 *
 * @param complaint the ticket being classified
 * @param vulnerableCustomer whether the customer directory marks the customer vulnerable
 * @param earlierComplaints when the same customer's earlier complaints were received, oldest first
 *     (empty for an unidentified customer)
 */
@Experimental
public record ComplaintFacts(Complaint complaint, boolean vulnerableCustomer, List<Instant> earlierComplaints) {

  /**
   * Validates and copies the facts.
   *
   * @param complaint the ticket being classified
   * @param vulnerableCustomer whether the customer directory marks the customer vulnerable
   * @param earlierComplaints when the same customer's earlier complaints were received, oldest first
   *     (empty for an unidentified customer)
   * @throws NullPointerException if a component is null
   */
  public ComplaintFacts {
    Objects.requireNonNull(complaint, "complaint");
    earlierComplaints = List.copyOf(earlierComplaints);
  }
}
