package io.clm.cli;

import io.clm.api.CustomerId;
import java.util.HashMap;
import java.util.Map;

/**
 * The customer ids a reader has made, so that every row of a customer carries the same
 * {@link CustomerId}: a known id is neither validated nor allocated again, and the engine and the
 * report's count of customers find it by identity instead of comparing its characters. Holds at
 * most {@link #LIMIT} ids (about 40 bytes each beside the id the engine keeps anyway); past that,
 * ids are made afresh for every row. Used by one thread, the reader's.
 */
final class CustomerIds {
  /** The most ids held. */
  static final int LIMIT = 1 << 21;

  private final Map<String, CustomerId> known = new HashMap<>();

  /**
   * The id for this text.
   *
   * @throws io.clm.api.ClmException if the text is not a valid id
   */
  CustomerId of(String value) {
    CustomerId id = known.get(value);
    if (id == null) {
      id = CustomerId.of(value);
      if (known.size() < LIMIT) {
        known.put(id.value(), id);
      }
    }
    return id;
  }
}
