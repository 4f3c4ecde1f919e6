package io.clm.api.spi;

import io.clm.api.annotation.Experimental;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a customer's stage history as a store keeps it: an opaque encoding of the stage
 * change, written and read only by the engine.
 *
 * @param sequence the entry's position in the customer's history, from 0; a store may use
 *     (customer, sequence) as a key, and refuses an entry under a sequence the customer already
 *     holds (see {@link CustomerStore})
 * @param change the encoded stage change; copied
 */
@Experimental
public record HistoryEntry(long sequence, byte[] change) {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if the change is null
   * @throws IllegalArgumentException if the sequence is negative or the change is empty
   * @param sequence the entry's position in the customer's history, from 0; a store may use
   *     (customer, sequence) as a key, and refuses an entry under a sequence the customer already
   *     holds
   * @param change the encoded stage change; copied
   */
  public HistoryEntry {
    Objects.requireNonNull(change, "change");
    if (sequence < 0) {
      throw new IllegalArgumentException("history sequence " + sequence + " is negative");
    }
    if (change.length == 0) {
      throw new IllegalArgumentException("history entry " + sequence + " is empty");
    }
    change = change.clone();
  }

  /**
   * The encoded change.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] change() {
    return change.clone();
  }

  /**
   * Equal when sequence and bytes are equal.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryEntry h && h.sequence == sequence && Arrays.equals(h.change, change);
  }

  /**
   * A hash of sequence and bytes.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + Arrays.hashCode(change);
  }

  /**
   * The sequence and the size.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "HistoryEntry[" + sequence + ", " + change.length + " bytes]";
  }
}
