package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.model.LifecycleModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Events and models shared by the tests. */
final class TestEvents {
  static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  private TestEvents() {}

  static Transaction transaction(String id, String customer, Instant at, String amount) {
    return new Transaction(
        id, CustomerId.of(customer), at, Direction.CREDIT, Money.of(amount, "EUR"), ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  static byte[] json(Event event) {
    return ClmSerdes.events().serializer().serialize("t", event);
  }

  static byte[] key(String customer) {
    return customer.getBytes(StandardCharsets.UTF_8);
  }

  /** new -> active on a first transaction; active -> dormant after 30 days without one. */
  static LifecycleModel dormancyModel() {
    LifecycleModel.Builder b =
        LifecycleModel.builder("dormancy-test")
            .stage("new", StageFamily.PROSPECT)
            .stage("active", StageFamily.GROWTH)
            .stage("dormant", StageFamily.DECLINE)
            .initial("new")
            .forwardOnly(false);
    b.rule("first").from("new").to("active").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1));
    b.rule("quiet").from("active").to("dormant").priority(1).when(Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(30));
    b.rule("back").from("dormant").to("active").priority(1).when(Metric.DAYS_SINCE_LAST_TRANSACTION.below(30));
    return b.build();
  }

  /**
   * A reproducible feed for the banking-six-stage model: transactions and interactions over a few
   * months for {@code customers} customers, about one in twenty sent twice (a redelivery).
   */
  static List<Event> feed(int customers, int events, long seed) {
    Random random = new Random(seed);
    List<Event> feed = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      String customer = "C-" + random.nextInt(customers);
      Instant at = START.plusSeconds(i * 600L);
      Event e =
          random.nextInt(10) == 0
              ? new Interaction(
                  "i-" + i, CustomerId.of(customer), at, InteractionKind.VISIT, Channel.BRANCH, null)
              : new Transaction(
                  "t-" + i, CustomerId.of(customer), at,
                  random.nextBoolean() ? Direction.CREDIT : Direction.DEBIT,
                  Money.ofMinor(100 + random.nextInt(500_000), java.util.Currency.getInstance("EUR")),
                  ProductType.values()[random.nextInt(ProductType.values().length)], Channel.MOBILE);
      feed.add(e);
      if (random.nextInt(20) == 0) {
        feed.add(e);
      }
    }
    return feed;
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
