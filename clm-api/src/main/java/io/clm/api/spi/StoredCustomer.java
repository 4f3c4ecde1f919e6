package io.clm.api.spi;

import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * Everything a store holds for one customer.
 *
 * @param record the customer's record
 * @param seen the seen events, in the order they were appended
 * @param history the history entries, by sequence from 0 with no gap
 */
@Experimental
public record StoredCustomer(CustomerRecord record, List<SeenEvent> seen, List<HistoryEntry> history) {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if a component is null
   * @param record the customer's record
   * @param seen the seen events, in the order they were appended
   * @param history the history entries, by sequence from 0 with no gap
   */
  public StoredCustomer {
    Objects.requireNonNull(record, "record");
    seen = List.copyOf(seen);
    history = List.copyOf(history);
  }
}
