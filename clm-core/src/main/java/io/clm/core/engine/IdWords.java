package io.clm.core.engine;

import io.clm.api.CustomerId;
import java.nio.charset.StandardCharsets;

/**
 * A customer id held in two 64-bit words instead of the caller's {@link CustomerId}, its {@code
 * String} and the string's bytes (about 64 bytes per customer): an id of at most {@link #MAX}
 * characters, each in U+0001 to U+00FF, one character per byte, the first character in the highest
 * byte of the first word, and zero bytes after the last character. An id never contains U+0000
 * (control characters are refused, see {@link CustomerId}), so the zero bytes mark its end, and
 * comparing the words as unsigned numbers orders ids as {@link String#compareTo} does.
 *
 * <p>Most bank customer numbers fit; a {@link CustomerState} whose id does not keeps the id object.
 */
final class IdWords {
  /** The most characters two words hold. */
  static final int MAX = 16;

  private IdWords() {}

  /** Whether the id fits two words. */
  static boolean fits(String id) {
    int n = id.length();
    if (n > MAX) {
      return false;
    }
    int all = 0;
    for (int i = 0; i < n; i++) {
      all |= id.charAt(i);
    }
    return all <= 0xFF;
  }

  /** Word {@code index} (0 or 1) of an id that {@linkplain #fits fits}. */
  static long word(String id, int index) {
    int n = id.length();
    long w = 0;
    for (int i = index * 8; i < index * 8 + 8; i++) {
      w = w << 8 | (i < n ? id.charAt(i) : 0);
    }
    return w;
  }

  /**
   * Whether {@code id} is the id held in {@code word0} and {@code word1}: one pass over its
   * characters, each word built and shifted to its place (Java takes shift distances modulo 64,
   * so a shift by 64 is none, which is right for a full word and for an empty second one).
   */
  static boolean matches(long word0, long word1, String id) {
    int n = id.length();
    if (n > MAX) {
      return false;
    }
    int head = Math.min(n, 8);
    long a = 0;
    int all = 0;
    for (int i = 0; i < head; i++) {
      int c = id.charAt(i);
      all |= c;
      a = a << 8 | c;
    }
    if (all > 0xFF || a << (64 - 8 * head) != word0) {
      return false;
    }
    long b = 0;
    for (int i = 8; i < n; i++) {
      int c = id.charAt(i);
      all |= c;
      b = b << 8 | c;
    }
    return all <= 0xFF && b << (64 - 8 * (n - head)) == word1;
  }

  /** The id held in two words. */
  static String text(long word0, long word1) {
    byte[] bytes = new byte[MAX];
    int n = 0;
    while (n < MAX && (bytes[n] = charAt(word0, word1, n)) != 0) {
      n++;
    }
    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** {@link String#hashCode()} of the id held in two words, without building the string. */
  static int hash(long word0, long word1) {
    int h = 0;
    for (int i = 0; i < MAX; i++) {
      int c = charAt(word0, word1, i) & 0xFF;
      if (c == 0) {
        break;
      }
      h = 31 * h + c;
    }
    return h;
  }

  private static byte charAt(long word0, long word1, int i) {
    long w = i < 8 ? word0 : word1;
    return (byte) (w >>> (56 - 8 * (i & 7)));
  }
}
