package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.Money;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.EventType;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The content fingerprints against the encodings as documented, written out here from bytes rather
 * than taken from the code under test.
 */
class FingerprintsTest {

  private static final Instant AT = START.plusMillis(1_234);

  /** The documented fields of each event, in order: texts and numbers. */
  private static final List<Case> CASES =
      List.of(
          new Case(
              new Transaction("t1", customer(7), AT, Direction.CREDIT, Money.of("12.34", "EUR"),
                  ProductType.CURRENT_ACCOUNT, Channel.ONLINE),
              List.of("TRANSACTION", customer(7).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "CREDIT", "EUR", 1234L, "CURRENT_ACCOUNT", "ONLINE")),
          new Case(
              new Interaction("i1", customer(8), AT, InteractionKind.CONTACT, Channel.BRANCH, null),
              List.of("INTERACTION", customer(8).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "CONTACT", "BRANCH", -1L)),
          new Case(
              new ManualMove("m1", customer(9), AT, "growth", "rm-7", "réunion \uD83D\uDE00 交易"),
              List.of("MANUAL_MOVE", customer(9).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "growth", "rm-7", "réunion \uD83D\uDE00 交易")),
          new Case(
              new AttributeUpdate("a1", customer(1), AT, Attribute.CREDIT_SCORE, new BigDecimal("700.00")),
              List.of("ATTRIBUTE_UPDATE", customer(1).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "CREDIT_SCORE", -2L, "7")));

  private record Case(Event event, List<Object> fields) {}

  @Test
  void contentIsTheDocumentedWordMixOfTheFields() {
    for (Case c : CASES) {
      assertThat(Fingerprints.content(c.event())).as(c.event().type().name()).isEqualTo(words(c.fields()));
    }
  }

  @Test
  void everyEnumNameMixesInAsItsText() {
    List<Class<? extends Enum<?>>> types = List.of(EventType.class, Direction.class, ProductType.class, Channel.class,
        InteractionKind.class, Severity.class, Attribute.class, Purpose.class);
    int checked = 0;
    for (Class<? extends Enum<?>> type : types) {
      for (Enum<?> constant : type.getEnumConstants()) {
        for (Fingerprints.Encoding x : Fingerprints.Encoding.values()) {
          long expected = x == Fingerprints.Encoding.WORDS ? words(List.of(constant.name())) : fnv(List.of(constant.name()));
          assertThat(x.finish(x.name(x.start, constant))).as(x + " " + constant).isEqualTo(expected);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(40);
  }

  @Test
  void earlierContentIsFnv1a64OfTheLengthPrefixedUtf8Fields() {
    for (Case c : CASES) {
      assertThat(Fingerprints.earlierContent(c.event())).as(c.event().type().name()).isEqualTo(fnv(c.fields()));
    }
  }

  @Test
  void aStoredFingerprintOfEitherEncodingIsTheSameContent() {
    for (Case c : CASES) {
      long content = Fingerprints.content(c.event());
      assertThat(Fingerprints.sameContent(words(c.fields()), content, c.event())).isTrue();
      assertThat(Fingerprints.sameContent(fnv(c.fields()), content, c.event())).isTrue();
      assertThat(Fingerprints.sameContent(words(c.fields()) ^ 1, content, c.event())).isFalse();
      assertThat(Fingerprints.sameContent(fnv(c.fields()) ^ 1, content, c.event())).isFalse();
    }
  }

  @Test
  void everyKindOfEventMatchesItsStoredFingerprintsAndNotThoseOfAChangedCopy() {
    qt().withExamples(40)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              // 300 events: one in ten is an interaction, so a log without one (checked below) has
              // a chance of 0.9^300, about 2e-14; with 60 events it was about 0.2 %, per example
              List<Event> log = Fixtures.events(seed, 300, 3);
              assertThat(log).extracting(Event::type).contains(EventType.TRANSACTION, EventType.INTERACTION);
              for (Event e : log) {
                long content = Fingerprints.content(e);
                Event changed = IdempotencyTest.later(e);
                long changedContent = Fingerprints.content(changed);
                assertThat(Fingerprints.sameContent(content, content, e)).isTrue();
                assertThat(Fingerprints.sameContent(Fingerprints.earlierContent(e), content, e)).isTrue();
                assertThat(Fingerprints.sameContent(content, changedContent, changed)).as(e.id()).isFalse();
                assertThat(Fingerprints.sameContent(Fingerprints.earlierContent(e), changedContent, changed))
                    .as(e.id())
                    .isFalse();
              }
            });
  }

  /** Each text is its length, then its UTF-16LE bytes as little-endian words, zero padded. */
  private static long words(List<Object> fields) {
    List<Long> words = new ArrayList<>();
    for (Object f : fields) {
      if (f instanceof String s) {
        words.add((long) s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate((bytes.length + 7) / 8 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(bytes).flip();
        b.limit(b.capacity());
        while (b.hasRemaining()) {
          words.add(b.getLong());
        }
      } else {
        words.add((Long) f);
      }
    }
    // xxHash64's primes and its seed-0 fifth
    long p1 = 0x9E3779B185EBCA87L;
    long p2 = 0xC2B2AE3D27D4EB4FL;
    long p3 = 0x165667B19E3779F9L;
    long h = 0x27D4EB2F165667C5L;
    for (long w : words) {
      h = Long.rotateLeft(h + w * p2, 31) * p1;
    }
    h ^= h >>> 33;
    h *= p2;
    h ^= h >>> 29;
    h *= p3;
    return h ^ (h >>> 32);
  }

  /** Each number is eight big-endian bytes; each text its length so, then its UTF-8 bytes. */
  static long fnv(List<Object> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object f : fields) {
      if (f instanceof String s) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(s.length()).array());
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.writeBytes(ByteBuffer.allocate(8).putLong((Long) f).array());
      }
    }
    long h = 0xcbf29ce484222325L;
    for (byte b : out.toByteArray()) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
