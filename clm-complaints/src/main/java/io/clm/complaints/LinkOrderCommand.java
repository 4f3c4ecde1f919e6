package io.clm.complaints;

import java.time.Instant;

/**
 * The {@code linkOrder} operation. Links the order a complaint names, by number (seed 002 step 2).
 */
final class LinkOrderCommand implements TicketCommand {
  private final String orderNumber;
  private final String actor;
  private final Instant at;

  LinkOrderCommand(String orderNumber, String actor, Instant at) {
    Desk.requireText(orderNumber, "order number");
    this.orderNumber = orderNumber;
    this.actor = actor;
    this.at = at;
  }

  @Override
  public void apply(Desk d, Ticket t) {
    String reason = d.linkOrderInternal(t, orderNumber);
    Desk.audit(t, at, actor, "link-order", t.state, reason);
  }
}
