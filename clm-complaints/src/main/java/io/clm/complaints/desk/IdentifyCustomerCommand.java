package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.ComplaintFlag;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code identifyCustomer} operation. Identifies the customer of a flagged ticket, clearing
 * {@link ComplaintFlag#UNIDENTIFIED_CUSTOMER}.
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
    Guards.audit(t, at, actor, "identify", t.state, reason);
    d.emitOpenedIfDue(t, at);
  }
}
