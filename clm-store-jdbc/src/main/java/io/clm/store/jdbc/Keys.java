package io.clm.store.jdbc;

import java.util.Objects;

/** The rule for customer keys as the schema stores them. */
final class Keys {
  /** The widest key the schema's key columns hold. */
  static final int MAX_LENGTH = 256;

  private Keys() {}

  static String check(String customerKey) {
    Objects.requireNonNull(customerKey, "customerKey");
    if (customerKey.isBlank()) {
      throw new IllegalArgumentException("customerKey is blank");
    }
    if (customerKey.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("customerKey has " + customerKey.length() + " characters, more than " + MAX_LENGTH);
    }
    return customerKey;
  }
}
