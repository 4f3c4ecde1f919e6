package io.clm.cli;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/** Random valid events of one file kind, with awkward text (commas, quotes, non-ASCII, characters outside the BMP). */
final class RandomEvents {
  static final Currency EUR = Currency.getInstance("EUR");
  private static final String[] PIECES = {"a", "Z", "7", ",", "\"", "'", " ", "é", "中", "{", "}", ":", ";", "-", "\\"};

  private final Random random;
  private final boolean newlines;

  RandomEvents(long seed, boolean newlines) {
    this.random = new Random(seed);
    this.newlines = newlines;
  }

  List<Event> events(RecordKind kind, int count) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(event(kind, i));
    }
    return events;
  }

  Event event(RecordKind kind, int i) {
    String id = text("e" + i);
    CustomerId customer = CustomerId.of(text("c", false));
    Instant at = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(400_000_000), random.nextBoolean() ? 0 : random.nextInt(1000) * 1_000_000);
    return switch (kind) {
      case TRANSACTIONS -> new Transaction(id, customer, at, pick(Direction.values()),
          Money.ofMinor(random.nextInt(Integer.MAX_VALUE), EUR), pick(ProductType.values()), pick(Channel.values()));
      case INTERACTIONS -> {
        InteractionKind k = pick(InteractionKind.values());
        yield new Interaction(id, customer, at, k, pick(Channel.values()), k == InteractionKind.SURVEY ? random.nextInt(11) : null);
      }
      case COMPLAINTS -> random.nextBoolean()
          ? new ComplaintOpened(id, customer, at, text("q"), pick(Severity.values()))
          : new ComplaintResolved(id, customer, at, text("q"), random.nextBoolean());
      case ATTRIBUTES -> {
        Attribute a = pick(Attribute.values());
        yield new AttributeUpdate(id, customer, at, a, value(a));
      }
      case PRODUCTS -> random.nextBoolean()
          ? new ProductOpened(id, customer, at, pick(ProductType.values()))
          : new ProductClosed(id, customer, at, pick(ProductType.values()));
      case RELATIONSHIPS -> new RelationshipClosed(id, customer, at, random.nextBoolean());
      case CONSENTS -> new ConsentChange(id, customer, at, pick(Purpose.values()), random.nextBoolean());
    };
  }

  private BigDecimal value(Attribute a) {
    return switch (a.kind()) {
      case UNIT -> BigDecimal.valueOf(random.nextInt(101), 2);
      case FLAG -> BigDecimal.valueOf(random.nextInt(2));
      case SCORE_1000 -> BigDecimal.valueOf(random.nextInt(1001));
      case MONEY, NON_NEGATIVE -> BigDecimal.valueOf(random.nextInt(1_000_000_000), random.nextInt(3));
    };
  }

  /** Text that starts and ends with a letter (values are trimmed on reading) and has awkward characters inside. */
  private String text(String prefix) {
    return text(prefix, newlines);
  }

  private String text(String prefix, boolean newlines) {
    StringBuilder s = new StringBuilder(prefix);
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
      if (newlines && random.nextInt(20) == 0) {
        s.append("\ud83d\ude00");
      }
    }
    return s.append('x').toString();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
