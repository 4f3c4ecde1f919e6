package io.clm.sample;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.time.Instant;

/** The README's quick-start transaction. */
final class SampleEvents {
  static final CustomerId C_1001 = CustomerId.of("C-1001");

  private SampleEvents() {}

  static Transaction firstTransaction() {
    return new Transaction(
        "posting-1", C_1001, Instant.parse("2026-01-05T10:00:00Z"),
        Direction.CREDIT, Money.of("2500.00", "EUR"), ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }
}
