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
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.EventType;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.RelationshipClosed;
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
                  "CREDIT_SCORE", -2L, "7")),
          new Case(
              Interaction.survey("s1", customer(2), AT, Channel.PHONE, 9),
              List.of("INTERACTION", customer(2).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "SURVEY", "PHONE", 9L)),
          new Case(
              new ProductOpened("p1", customer(3), AT, ProductType.LOAN),
              List.of("PRODUCT_OPENED", customer(3).value(), AT.getEpochSecond(), (long) AT.getNano(), "LOAN")),
          new Case(
              new ProductClosed("p2", customer(3), AT, ProductType.CARD),
              List.of("PRODUCT_CLOSED", customer(3).value(), AT.getEpochSecond(), (long) AT.getNano(), "CARD")),
          new Case(
              new ComplaintOpened("k1", customer(4), AT, "case-1", Severity.URGENT),
              List.of("COMPLAINT_OPENED", customer(4).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "case-1", "URGENT")),
          new Case(
              new ComplaintResolved("k2", customer(4), AT, "case-1", true),
              List.of("COMPLAINT_RESOLVED", customer(4).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "case-1", 1L)),
          new Case(
              new ComplaintResolved("k3", customer(4), AT, "case-2", false),
              List.of("COMPLAINT_RESOLVED", customer(4).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  "case-2", 0L)),
          new Case(
              new RelationshipClosed("r1", customer(5), AT, true),
              List.of("RELATIONSHIP_CLOSED", customer(5).value(), AT.getEpochSecond(), (long) AT.getNano(), 1L)),
          new Case(
              new RelationshipClosed("r2", customer(5), AT, false),
              List.of("RELATIONSHIP_CLOSED", customer(5).value(), AT.getEpochSecond(), (long) AT.getNano(), 0L)),
          new Case(
              new ConsentChange("c1", customer(6), AT, Purpose.values()[0], true),
              List.of("CONSENT_CHANGE", customer(6).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  Purpose.values()[0].name(), 1L)),
          new Case(
              new ConsentChange("c2", customer(6), AT, Purpose.values()[1], false),
              List.of("CONSENT_CHANGE", customer(6).value(), AT.getEpochSecond(), (long) AT.getNano(),
                  Purpose.values()[1].name(), 0L)));

  /**
   * An id's fingerprint is FNV-1a 64 of its UTF-8 bytes as {@link String#getBytes} gives them,
   * unpaired surrogates as {@code '?'}: at the edges of the one-, two- and three-byte forms, with a
   * character beyond the basic plane, and with surrogates alone, in the middle and at the end.
   */
  @Test
  void anIdsFingerprintIsFnv1a64OfItsUtf8Bytes() {
    List<String> ids = List.of("e-1", "a\u007f", "a\u0080", "\u07ff\u0800", "\uffff", "x\uD83D\uDE00y", "x\uD83Dy",
        "x\uDE00y", "x\uD83D", "\uDE00", "x\uDBFF\uDFFF");
    for (String id : ids) {
      long h = 0xcbf29ce484222325L;
      for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      assertThat(Fingerprints.of(id)).as(id).isEqualTo(h == 0 ? 1 : h);
    }
  }

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
