package com.acme.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.List;

/**
 * An application's own record, in the application's package: renamed properties, a derived
 * accessor, JDK time types, alone and in a list.
 */
public record Payment(
    @JsonProperty("payment_id") String id,
    @JsonProperty("booked") Instant bookedAt,
    Duration holdFor,
    BigDecimal amount,
    Date legacyDate,
    Currency currency,
    List<Instant> reminders) {
  public boolean isLarge() {
    return amount.compareTo(new BigDecimal("10000")) > 0;
  }
}
