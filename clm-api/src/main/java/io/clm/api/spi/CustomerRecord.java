package io.clm.api.spi;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.Arrays;
import java.util.Objects;

/**
 * One customer's state as a store keeps it: an opaque, versioned binary encoding written and read
 * only by the engine (its layout is described in the engine's documentation), plus the columns a
 * store may index. Seen events and history are kept apart, appended, not inside this record.
 *
 * @param customer the customer
 * @param dueAt the next instant at which time alone can move the customer, epoch milliseconds;
 *     {@link Long#MAX_VALUE} if never
 * @param state the encoded state, starting with its format version; copied
 */
@Experimental
public record CustomerRecord(CustomerId customer, long dueAt, byte[] state) {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if the customer or the state is null
   * @throws IllegalArgumentException if the state is empty
   * @param customer the customer
   * @param dueAt the next instant at which time alone can move the customer, epoch milliseconds; {@link Long#MAX_VALUE} if never
   * @param state the encoded state, starting with its format version; copied
   */
  public CustomerRecord {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(state, "state");
    if (state.length == 0) {
      throw new IllegalArgumentException("state of customer " + customer.masked() + " is empty");
    }
    state = state.clone();
  }

  /**
   * The encoded state.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] state() {
    return state.clone();
  }

  /**
   * Equal when customer, due instant and bytes are equal.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerRecord r
        && r.customer.equals(customer)
        && r.dueAt == dueAt
        && Arrays.equals(r.state, state);
  }

  /**
   * A hash of customer, due instant and bytes.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(customer, dueAt, Arrays.hashCode(state));
  }

  /**
   * The masked id and the size; never the contents.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "CustomerRecord[" + customer.masked() + ", dueAt=" + dueAt + ", " + state.length + " bytes]";
  }

}
