package io.clm.store.jdbc;

import io.clm.api.CorruptRecordException;
import io.clm.api.TextRules;
import java.nio.ByteBuffer;

/**
 * How the store keeps the position of the ingested feed: column {@code stream_position_utf16} of
 * {@code clm_position} holds the position's UTF-16 code units, two big-endian bytes each, so that
 * every Java string round-trips, NUL (which PostgreSQL text cannot hold) and lone surrogates (which
 * have no UTF-8 form) included.
 */
final class FeedPosition {
  /** The most characters (UTF-16 code units) a position may have. */
  static final int MAX_LENGTH = 1_048_576;

  private FeedPosition() {}

  /** What is wrong with a position, or null if the store can keep it. */
  static String problem(String position) {
    if (position.length() > MAX_LENGTH) {
      return "position " + TextRules.excerpt(position) + " is longer than the " + MAX_LENGTH
          + " characters a position may have";
    }
    return null;
  }

  /** The position's stored form. */
  static byte[] bytes(String position) {
    ByteBuffer b = ByteBuffer.allocate(position.length() * 2);
    b.asCharBuffer().put(position);
    return b.array();
  }

  /** The position a stored form holds. */
  static String text(byte[] stored) {
    if (stored.length % 2 != 0) {
      throw new CorruptRecordException("clm_position.stream_position_utf16 has an odd number of bytes, " + stored.length);
    }
    return ByteBuffer.wrap(stored).asCharBuffer().toString();
  }
}
