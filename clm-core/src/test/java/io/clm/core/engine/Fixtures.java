package io.clm.core.engine;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageFamily;
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
import io.clm.api.model.LifecycleModel;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small test model, a fixed clock and a random event generator. */
final class Fixtures {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Fixtures() {}

  /** prospect -> active -> loyal, dormant after 30 idle days, closed (terminal) with win-back. */
  static LifecycleModel model() {
    return LifecycleModel.builder("test-model")
        .stage("prospect", StageFamily.PROSPECT)
        .stage("active", StageFamily.GROWTH)
        .stage("loyal", StageFamily.MATURITY)
        .stage("dormant", StageFamily.DECLINE)
        .stage("closed", StageFamily.EXIT)
        .initial("prospect")
        .terminal("closed")
        .forwardOnly(false)
        .rule("first-purchase").from("prospect").to("active").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(1))
        .rule("repeat-business").from("active").to("loyal").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(3))
        .rule("active-idle").from("active").to("dormant").priority(2)
        .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(30))
        .rule("active-closed").from("active").to("closed").priority(3)
        .when(Metric.RELATIONSHIP_CLOSED.atLeast(1))
        .rule("loyal-idle").from("loyal").to("dormant").priority(1)
        .when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(30))
        .rule("loyal-closed").from("loyal").to("closed").priority(2)
        .when(Metric.RELATIONSHIP_CLOSED.atLeast(1))
        .rule("revived").from("dormant").to("active").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(1))
        .rule("dormant-closed").from("dormant").to("closed").priority(2)
        .when(Metric.RELATIONSHIP_CLOSED.atLeast(1))
        .rule("win-back").from("closed").to("active").priority(1)
        .when(Metric.TRANSACTIONS_IN_STAGE.atLeast(1))
        .build();
  }

  /** The id mask of every fixture engine: bytes 0 to 31 as its key, so that they share erasures. */
  static final CustomerIdMask MASK = CustomerIdMask.withKey(key(0));

  /** A 32-byte key: {@code first}, {@code first + 1}, ... */
  static byte[] key(int first) {
    byte[] key = new byte[CustomerIdMask.MIN_KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return key;
  }

  static Clm.Builder builder() {
    return Clm.builder().model(model()).currency("EUR").clock(CLOCK).trendWindow(Duration.ofDays(30)).idMask(MASK);
  }

  static CoreLifecycleEngine engine() {
    return (CoreLifecycleEngine) builder().build();
  }

  static CustomerId customer(int i) {
    return CustomerId.of("cust-" + i);
  }

  /**
   * Customer {@code i} with an id of one of the forms the engine holds differently: short ASCII and
   * short Latin-1 (held as two words), and CJK and longer than 16 characters (held as the object).
   */
  static CustomerId anyCustomer(int i) {
    return CustomerId.of(
        switch (i % 4) {
          case 0 -> "cust-" + i;
          case 1 -> "clé-ÿ-" + i;
          case 2 -> "客户-" + i;
          default -> "customer-number-" + i;
        });
  }

  /** Of the customers {@link #anyCustomer} numbered, the one a snapshot lists first (by id). */
  static CustomerId listedFirst(int... customers) {
    return java.util.Arrays.stream(customers).mapToObj(Fixtures::anyCustomer).sorted().findFirst().orElseThrow();
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  static Transaction tx(String id, int customer, Instant at, String amount) {
    return new Transaction(
        id, customer(customer), at, Direction.DEBIT, eur(amount), ProductType.CURRENT_ACCOUNT, Channel.BRANCH);
  }

  static String snapshot(LifecycleEngine engine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.exportSnapshot(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A random log of {@code n} events over {@code customers} customers with unique ids. Frozen: the
   * golden record files are checked against the state of {@code events(42, 80, 1)}.
   */
  static List<Event> events(long seed, int n, int customers) {
    Random r = new Random(seed);
    List<Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = "e" + seed + "-" + i;
      CustomerId c = anyCustomer(r.nextInt(customers));
      Instant at = START.plus(Duration.ofHours(r.nextInt(24 * 200)));
      int kind = r.nextInt(20);
      Event e;
      if (kind < 9) {
        e =
            new Transaction(
                id,
                c,
                at,
                r.nextBoolean() ? Direction.DEBIT : Direction.CREDIT,
                Money.ofMinor(r.nextInt(1_000_000), java.util.Currency.getInstance("EUR")),
                ProductType.values()[r.nextInt(4)],
                Channel.values()[r.nextInt(Channel.values().length)]);
      } else if (kind == 9) {
        e = Interaction.of(id, c, at, InteractionKind.CONTACT, Channel.PHONE);
      } else if (kind == 10) {
        e = Interaction.survey(id, c, at, Channel.ONLINE, r.nextInt(11));
      } else if (kind == 11) {
        e = new ProductOpened(id, c, at, ProductType.values()[r.nextInt(3)]);
      } else if (kind == 12) {
        e = new ProductClosed(id, c, at, ProductType.values()[r.nextInt(3)]);
      } else if (kind == 13) {
        e = new ComplaintOpened(id, c, at, "k" + r.nextInt(3), r.nextBoolean() ? Severity.URGENT : Severity.NORMAL);
      } else if (kind == 14) {
        e = new ComplaintResolved(id, c, at, "k" + r.nextInt(3), r.nextBoolean());
      } else if (kind == 15) {
        e = new RelationshipClosed(id, c, at, r.nextBoolean());
      } else if (kind == 16) {
        e = new AttributeUpdate(id, c, at, Attribute.TOTAL_BUSINESS, BigDecimal.valueOf(r.nextInt(10_000_000), 2));
      } else if (kind == 17) {
        e = new AttributeUpdate(id, c, at, Attribute.CREDIT_SCORE, BigDecimal.valueOf(r.nextInt(1001)));
      } else {
        e = new ConsentChange(id, c, at, Purpose.values()[r.nextInt(2)], r.nextBoolean());
      }
      out.add(e);
    }
    return out;
  }
}
