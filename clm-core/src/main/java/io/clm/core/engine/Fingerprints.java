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

  /**
   * FNV-1a 64 of an event's content: its kind, customer, timestamp and every field, each string
   * preceded by its length. Two events with the same id and the same content are a replay; with
   * other content, a conflict. Amounts count by value (1.0 and 1.00 are the same content). Allocates
   * nothing except for attribute values.
   */
  static long content(Event e) {
    long h = text(OFFSET, e.type().name());
    h = text(h, e.customer().value());
    h = number(h, e.at().getEpochSecond());
    h = number(h, e.at().getNano());
    return switch (e.type()) {
      case TRANSACTION -> {
        Transaction t = (Transaction) e;
        long x = text(h, t.direction().name());
        x = text(x, t.amount().currency().getCurrencyCode());
        x = number(x, t.amount().minorUnits());
        x = text(x, t.product().name());
        yield text(x, t.channel().name());
      }
      case INTERACTION -> {
        Interaction i = (Interaction) e;
        long x = text(h, i.kind().name());
        x = text(x, i.channel().name());
        yield number(x, i.satisfaction() == null ? -1 : i.satisfaction());
      }
      case PRODUCT_OPENED -> text(h, ((ProductOpened) e).product().name());
      case PRODUCT_CLOSED -> text(h, ((ProductClosed) e).product().name());
      case COMPLAINT_OPENED -> {
        ComplaintOpened c = (ComplaintOpened) e;
        yield text(text(h, c.complaintId()), c.severity().name());
      }
      case COMPLAINT_RESOLVED -> {
        ComplaintResolved c = (ComplaintResolved) e;
        yield number(text(h, c.complaintId()), c.accepted() ? 1 : 0);
      }
      case RELATIONSHIP_CLOSED -> number(h, ((RelationshipClosed) e).debtsSettled() ? 1 : 0);
      case MANUAL_MOVE -> {
        ManualMove m = (ManualMove) e;
        yield text(text(text(h, m.toStage()), m.actor()), m.reason());
      }
      case ATTRIBUTE_UPDATE -> {
        AttributeUpdate a = (AttributeUpdate) e;
        BigDecimal v = a.value().signum() == 0 ? BigDecimal.ZERO : a.value().stripTrailingZeros();
        yield text(number(text(h, a.attribute().name()), v.scale()), v.unscaledValue().toString());
      }
      case CONSENT_CHANGE -> {
        ConsentChange c = (ConsentChange) e;
        yield number(text(h, c.purpose().name()), c.granted() ? 1 : 0);
      }
    };
  }

  private static long text(long h, String s) {
    return fnv(number(h, s.length()), s);
  }

  private static long number(long h, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      h = (h ^ ((v >>> shift) & 0xff)) * PRIME;
    }
    return h;
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
