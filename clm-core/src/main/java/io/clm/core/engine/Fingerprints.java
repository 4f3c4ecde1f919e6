package io.clm.core.engine;

/**
 * 64-bit fingerprints of event and customer ids: FNV-1a 64 over the id's UTF-8 bytes (unpaired
 * surrogates encoded as {@code '?'}, as {@link String#getBytes} does). Stable across JVMs and
 * versions, since snapshots and stores persist them. Zero is reserved as the empty slot of {@link
 * CustomerState}'s open-addressing set and is mapped to 1.
 */
final class Fingerprints {
  static final long OFFSET = 0xcbf29ce484222325L;
  static final long PRIME = 0x100000001b3L;

  private Fingerprints() {}

  /** FNV-1a 64 of the UTF-8 bytes of {@code id}, without allocating; never 0. */
  static long of(String id) {
    long h = fnv(OFFSET, id);
    return h == 0 ? 1 : h;
  }

  /** FNV-1a 64 of the salt's eight big-endian bytes followed by the id's UTF-8 bytes. */
  static long salted(long salt, String id) {
    long h = OFFSET;
    for (int shift = 56; shift >= 0; shift -= 8) {
      h = (h ^ ((salt >>> shift) & 0xff)) * PRIME;
    }
    return fnv(h, id);
  }

  private static long fnv(long h, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        h = (h ^ c) * PRIME;
      } else if (c < 0x800) {
        h = (h ^ (0xc0 | (c >> 6))) * PRIME;
        h = (h ^ (0x80 | (c & 0x3f))) * PRIME;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          h = (h ^ (0xf0 | (cp >> 18))) * PRIME;
          h = (h ^ (0x80 | ((cp >> 12) & 0x3f))) * PRIME;
          h = (h ^ (0x80 | ((cp >> 6) & 0x3f))) * PRIME;
          h = (h ^ (0x80 | (cp & 0x3f))) * PRIME;
        } else {
          h = (h ^ '?') * PRIME;
        }
      } else {
        h = (h ^ (0xe0 | (c >> 12))) * PRIME;
        h = (h ^ (0x80 | ((c >> 6) & 0x3f))) * PRIME;
        h = (h ^ (0x80 | (c & 0x3f))) * PRIME;
      }
    }
    return h;
  }
}
