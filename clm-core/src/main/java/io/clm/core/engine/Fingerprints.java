package io.clm.core.engine;

import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;

/**
 * 64-bit fingerprints of event ids, customer ids and event content. Ids: FNV-1a 64 over the id's
 * UTF-8 bytes (unpaired surrogates encoded as {@code '?'}, as {@link String#getBytes} does); zero
 * is reserved as the empty slot of {@link SeenIds} and is mapped to 1. Content: see {@link
 * #content}. Stable across JVMs and versions, since snapshots and stores persist them.
 */
final class Fingerprints {
  static final long OFFSET = 0xcbf29ce484222325L;
  static final long PRIME = 0x100000001b3L;
  /** xxHash64's primes, and its seed-0 value of the fifth; see {@link Encoding#WORDS}. */
  static final long P1 = 0x9E3779B185EBCA87L;
  static final long P2 = 0xC2B2AE3D27D4EB4FL;
  static final long P3 = 0x165667B19E3779F9L;
  static final long SEED = 0x27D4EB2F165667C5L;

  private Fingerprints() {}

  /** FNV-1a 64 of the UTF-8 bytes of {@code id}, without allocating; never 0. */
  static long of(String id) {
    long h = fnv(OFFSET, id);
    return h == 0 ? 1 : h;
  }

  /** FNV-1a 64 of the salt's eight big-endian bytes followed by the id's UTF-8 bytes. */
  static long salted(long salt, String id) {
    return fnv(Encoding.FNV.number(OFFSET, salt), id);
  }

  /**
   * The fingerprint of an event's content: its kind, customer, timestamp and every field, each
   * string preceded by its length, mixed as 64-bit words ({@link Encoding#WORDS}). Two events with
   * the same id and the same content are a replay; with other content, a conflict. Amounts count by
   * value (1.0 and 1.00 are the same content). Allocates nothing except for attribute values.
   */
  static long content(Event e) {
    return content(e, Encoding.WORDS);
  }

  /**
   * The content fingerprint that versions before {@link Encoding#WORDS} stored: FNV-1a 64 over the
   * same fields ({@link Encoding#FNV}). Stores and snapshots written by them still hold it, so a
   * replay of such an event is compared with it too.
   */
  static long earlierContent(Event e) {
    return content(e, Encoding.FNV);
  }

  /** Whether {@code stored}, a content fingerprint remembered for the event's id, is the event's. */
  static boolean sameContent(long stored, long content, Event e) {
    return stored == content || stored == earlierContent(e);
  }

  private static long content(Event e, Encoding x) {
    long h = x.name(x.start, e.type());
    h = x.text(h, e.customer().value());
    h = x.number(h, e.at().getEpochSecond());
    h = x.number(h, e.at().getNano());
    h = switch (e.type()) {
      case TRANSACTION -> {
        Transaction t = (Transaction) e;
        long y = x.name(h, t.direction());
        y = x.text(y, t.amount().currency().getCurrencyCode());
        y = x.number(y, t.amount().minorUnits());
        y = x.name(y, t.product());
        yield x.name(y, t.channel());
      }
      case INTERACTION -> {
        Interaction i = (Interaction) e;
        long y = x.name(h, i.kind());
        y = x.name(y, i.channel());
        yield x.number(y, i.satisfaction() == null ? -1 : i.satisfaction());
      }
      case PRODUCT_OPENED -> x.name(h, ((ProductOpened) e).product());
      case PRODUCT_CLOSED -> x.name(h, ((ProductClosed) e).product());
      case COMPLAINT_OPENED -> {
        ComplaintOpened c = (ComplaintOpened) e;
        yield x.name(x.text(h, c.complaintId()), c.severity());
      }
      case COMPLAINT_RESOLVED -> {
        ComplaintResolved c = (ComplaintResolved) e;
        yield x.number(x.text(h, c.complaintId()), c.accepted() ? 1 : 0);
      }
      case RELATIONSHIP_CLOSED -> x.number(h, ((RelationshipClosed) e).debtsSettled() ? 1 : 0);
      case MANUAL_MOVE -> {
        ManualMove m = (ManualMove) e;
        yield x.text(x.text(x.text(h, m.toStage()), m.actor()), m.reason());
      }
      case ATTRIBUTE_UPDATE -> {
        AttributeUpdate a = (AttributeUpdate) e;
        BigDecimal v = a.value().signum() == 0 ? BigDecimal.ZERO : a.value().stripTrailingZeros();
        yield x.text(x.number(x.name(h, a.attribute()), v.scale()), v.unscaledValue().toString());
      }
      case CONSENT_CHANGE -> {
        ConsentChange c = (ConsentChange) e;
        yield x.number(x.name(h, c.purpose()), c.granted() ? 1 : 0);
      }
    };
    return x.finish(h);
  }

  /** How a sequence of texts and numbers becomes a content fingerprint. */
  enum Encoding {
    /**
     * 64-bit words: a number is one word; a text is its length, then its UTF-16 code units four to
     * a word, the first in the low 16 bits, the last word padded with zeros. Each word {@code w}
     * goes into the running value {@code h} (starting at {@link Fingerprints#SEED}) as {@code h =
     * rotl(h + w * P2, 31) * P1}, xxHash64's round, and the result is xxHash64's final avalanche
     * of {@code h}. Three to five times fewer dependent multiplications than {@link #FNV}.
     */
    WORDS(SEED) {
      @Override
      long text(long h, String s) {
        int n = s.length();
        h = word(h, n);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
          h = word(h, s.charAt(i)
              | (long) s.charAt(i + 1) << 16
              | (long) s.charAt(i + 2) << 32
              | (long) s.charAt(i + 3) << 48);
        }
        if (i < n) {
          long w = 0;
          for (int shift = 0; i < n; i++, shift += 16) {
            w |= (long) s.charAt(i) << shift;
          }
          h = word(h, w);
        }
        return h;
      }

      /** The same as {@code text(h, value.name())}, from the name's words computed once per constant. */
      @Override
      long name(long h, Enum<?> value) {
        for (long w : NAME_WORDS.get(value.getDeclaringClass())[value.ordinal()]) {
          h = word(h, w);
        }
        return h;
      }

      @Override
      long number(long h, long v) {
        return word(h, v);
      }

      @Override
      long finish(long h) {
        h = (h ^ (h >>> 33)) * P2;
        h = (h ^ (h >>> 29)) * P3;
        return h ^ (h >>> 32);
      }
    },
    /**
     * FNV-1a 64 from {@link Fingerprints#OFFSET}: a number is its eight big-endian bytes, a text
     * its length as a number and then its UTF-8 bytes. The content fingerprint of earlier versions.
     */
    FNV(OFFSET) {
      @Override
      long text(long h, String s) {
        return fnv(number(h, s.length()), s);
      }

      @Override
      long number(long h, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
          h = (h ^ ((v >>> shift) & 0xff)) * PRIME;
        }
        return h;
      }

      @Override
      long finish(long h) {
        return h;
      }
    };

    /** The running value before the first text or number. */
    final long start;

    Encoding(long start) {
      this.start = start;
    }

    abstract long text(long h, String s);

    /** Mixes in an enum constant's name as a text. */
    long name(long h, Enum<?> value) {
      return text(h, value.name());
    }

    abstract long number(long h, long v);

    abstract long finish(long h);

    /**
     * Per enum class, per constant (by ordinal), the words {@link #WORDS} mixes in for its name: the
     * length, then the name's characters four to a word.
     */
    private static final ClassValue<long[][]> NAME_WORDS =
        new ClassValue<>() {
          @Override
          protected long[][] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            long[][] words = new long[constants.length][];
            for (int i = 0; i < constants.length; i++) {
              String name = ((Enum<?>) constants[i]).name();
              int n = name.length();
              long[] w = new long[1 + (n + 3) / 4];
              w[0] = n;
              for (int c = 0; c < n; c++) {
                w[1 + c / 4] |= (long) name.charAt(c) << (16 * (c % 4));
              }
              words[i] = w;
            }
            return words;
          }
        };

    private static long word(long h, long w) {
      return Long.rotateLeft(h + w * P2, 31) * P1;
    }
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
