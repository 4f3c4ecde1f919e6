package io.clm.kafka.streams;

import io.clm.api.Customer;
import io.clm.api.StageChange;
import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * One customer as a query finds it: the state (stage and metrics) and the stage history.
 *
 * @param customer the state
 * @param history the stage changes, oldest first
 */
@Experimental
public record CustomerView(Customer customer, List<StageChange> history) {
  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component is null
   * @param customer the state
   * @param history the stage changes, oldest first
   */
  public CustomerView {
    Objects.requireNonNull(customer, "customer");
    history = List.copyOf(history);
  }
}
