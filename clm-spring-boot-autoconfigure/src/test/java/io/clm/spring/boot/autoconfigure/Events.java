package io.clm.spring.boot.autoconfigure;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.Intake;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.time.Instant;

/** Events and intakes the tests feed. */
final class Events {
  private Events() {}

  /** The README's quick-start transaction of customer C-1001, with another id or amount. */
  static Transaction firstTransaction(String id, String amount) {
    return transaction(id, "C-1001", amount, "EUR");
  }

  static Transaction transaction(String id, String customer, String amount, String currency) {
    return new Transaction(
        id, CustomerId.of(customer), Instant.parse("2026-01-05T10:00:00Z"),
        Direction.CREDIT, Money.of(amount, currency), ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  static Intake complaint(String customer, String at) {
    return Intake.of(ComplaintChannel.WEB, CustomerId.of(customer), Instant.parse(at), "fee charged twice");
  }
}
