package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of a complaint ticket. The desk hands out a new snapshot after every change;
 * a snapshot never changes.
 *
 * <p>{@link #toString()} shows the id, state, class and flags only: content and customer are
 * personal data.
 *
 * @param id the ticket id, unique within the desk
 * @param channel how the complaint came in
 * @param receivedAt when it was received (SLA clocks start here)
 * @param customer the customer, once identified
 * @param orderNumber the order number named in the complaint, if any
 * @param order the linked order, if the number was found
 * @param content what the customer said, as recorded by the agent
 * @param amountAtStake the amount in dispute, if stated
 * @param category the regulatory or business category ({@code general}, {@code payment-services},
 *     ...)
 * @param flags what needs attention (unidentified customer, unknown order)
 * @param state the workflow state
 * @param classification the automatic classification, once classified
 * @param assignee the responsible department or person, once routed
 * @param resolution the resolution, once resolved
 * @param accepted the customer's answer to the resolution, once given
 * @param policyId the SLA policy that applies
 * @param deadlines the deadlines still running, by target
 * @param escalationLevel the highest SLA escalation level reached (0 for none)
 * @param paused whether the SLA clock is paused (waiting on the customer or a third party)
 * @param audit every change, oldest first
 */
@Experimental
public record Complaint(
    String id,
    ComplaintChannel channel,
    Instant receivedAt,
    Optional<CustomerId> customer,
    Optional<String> orderNumber,
    Optional<Order> order,
    String content,
    Optional<Money> amountAtStake,
    String category,
    Set<ComplaintFlag> flags,
    ComplaintState state,
    Optional<Classification> classification,
    Optional<String> assignee,
    Optional<Resolution> resolution,
    Optional<Boolean> accepted,
    String policyId,
    Map<SlaTarget, Instant> deadlines,
    int escalationLevel,
    boolean paused,
    List<AuditEntry> audit) {

  /**
   * Validates and copies the snapshot.
   *
   * @param id the ticket id, unique within the desk
   * @param channel how the complaint came in
   * @param receivedAt when it was received (SLA clocks start here)
   * @param customer the customer, once identified
   * @param orderNumber the order number named in the complaint, if any
   * @param order the linked order, if the number was found
   * @param content what the customer said, as recorded by the agent
   * @param amountAtStake the amount in dispute, if stated
   * @param category the regulatory or business category ({@code general}, {@code payment-services},
   *     ...)
   * @param flags what needs attention (unidentified customer, unknown order)
   * @param state the workflow state
   * @param classification the automatic classification, once classified
   * @param assignee the responsible department or person, once routed
   * @param resolution the resolution, once resolved
   * @param accepted the customer's answer to the resolution, once given
   * @param policyId the SLA policy that applies
   * @param deadlines the deadlines still running, by target
   * @param escalationLevel the highest SLA escalation level reached (0 for none)
   * @param paused whether the SLA clock is paused (waiting on the customer or a third party)
   * @param audit every change, oldest first
   * @throws NullPointerException if a component is null
   */
  public Complaint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(orderNumber, "orderNumber");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(amountAtStake, "amountAtStake");
    Objects.requireNonNull(category, "category");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(policyId, "policyId");
    deadlines = Map.copyOf(deadlines);
    audit = List.copyOf(audit);
  }

  /** Returns the id, state, class and flags; never content or customer. */
  @Override
  public String toString() {
    return "Complaint["
        + id
        + ", "
        + state
        + classification.map(c -> ", " + c.severity()).orElse("")
        + (flags.isEmpty() ? "" : ", " + flags)
        + "]";
  }
}
