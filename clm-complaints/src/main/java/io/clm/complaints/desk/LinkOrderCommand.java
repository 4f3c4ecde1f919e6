package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.OrderBook;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code linkOrder} operation. Links the order a complaint names, by number (seed 002 step 2).
 */
record LinkOrderCommand(String orderNumber, String actor, Instant at) implements TicketCommand {
  LinkOrderCommand {
    Guards.requireText(orderNumber, "order number");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    String reason = link(d.orders, t, orderNumber);
    Guards.audit(t, at, actor, "link-order", t.state, reason);
  }

  /**
   * Looks an order up and links it: an unknown number or another customer's order keeps the number
   * and flags {@link ComplaintFlag#UNKNOWN_ORDER}; an order linked before the customer is known is
   * flagged {@link ComplaintFlag#ORDER_UNVERIFIED} and checked when the customer is identified.
   *
   * @return what happened, for the audit trail
   */
  static String link(OrderBook orders, Ticket t, String number) {
    Optional<Order> found = orders.findOrder(number);
    t.orderNumber = number;
    if (found.isEmpty()) {
      t.order = null;
      t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
      return "order " + number + " not found";
    }
    if (t.customer != null && !found.get().customer().equals(t.customer)) {
      t.order = null;
      t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
      return "order " + number + " belongs to another customer";
    }
    t.order = found.get();
    t.flags.remove(ComplaintFlag.UNKNOWN_ORDER);
    if (t.customer == null) {
      t.flags.add(ComplaintFlag.ORDER_UNVERIFIED);
      return "order " + number + " linked, unverified until the customer is identified";
    }
    t.flags.remove(ComplaintFlag.ORDER_UNVERIFIED);
    return "order " + number + " linked";
  }
}
