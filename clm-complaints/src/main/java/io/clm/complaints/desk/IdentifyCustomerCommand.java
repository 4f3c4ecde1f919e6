package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.ComplaintFlag;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code identifyCustomer} operation. Identifies the customer of a flagged ticket, clearing
 * {@link ComplaintFlag#UNIDENTIFIED_CUSTOMER}; the departments the ticket was assigned to so far
 * join the customer's complaint file.
 */
record IdentifyCustomerCommand(CustomerId customer, String actor, Instant at) implements TicketCommand {
  IdentifyCustomerCommand {
    Objects.requireNonNull(customer, "customer");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    if (t.customer != null) {
      throw new IllegalTransitionException("ticket " + t.id + " already has customer " + t.customer.masked());
    }
    t.customer = customer;
    t.flags.remove(ComplaintFlag.UNIDENTIFIED_CUSTOMER);
    String reason = "customer " + customer.masked();
    if (t.flags.remove(ComplaintFlag.ORDER_UNVERIFIED) && t.order != null) {
      if (t.order.customer().equals(customer)) {
        reason += "; order " + t.orderNumber + " verified";
      } else {
        t.order = null;
        t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
        reason += "; order " + t.orderNumber + " belongs to another customer: unlinked";
      }
    }
    for (String assignee : assignees(t)) {
      d.files.addDepartment(customer, assignee);
    }
    Guards.audit(t, at, actor, "identify", t.state, reason);
    d.emitOpenedIfDue(t, at);
  }

  /**
   * Everyone the ticket was assigned to, read from its {@code assign} ({@code to A by rule R}) and
   * {@code reassign} ({@code from P to A: reason}) entries in order; the last is the current
   * assignee.
   */
  static Set<String> assignees(Ticket t) {
    Set<String> out = new LinkedHashSet<>();
    String previous = null;
    for (AuditEntry a : t.audit) {
      String reason = a.reason();
      String to = switch (a.action()) {
        case "assign" -> reason.startsWith("to ") && reason.lastIndexOf(" by rule ") > 3
            ? reason.substring(3, reason.lastIndexOf(" by rule ")) : null;
        case "reassign" -> {
          String head = "from " + (previous == null ? "nobody" : previous) + " to ";
          int end = reason.indexOf(": ", head.length());
          yield reason.startsWith(head) && end > head.length() ? reason.substring(head.length(), end) : null;
        }
        default -> null;
      };
      if (to != null) {
        out.add(to);
        previous = to;
      }
    }
    if (t.assignee != null) {
      out.add(t.assignee);
    }
    return out;
  }
}
