package io.clm.store.jdbc;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.spi.CustomerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A generated feed of bank transactions for the crash test. Event {@code i} is a pure function of
 * {@code i}, so any process can regenerate the feed from any position.
 */
final class FeedLog {
  static final long T0_MILLIS = 1_767_607_200_000L; // 2026-01-05T10:00:00Z
  private static final Currency EUR = Currency.getInstance("EUR");

  final int customers;

  FeedLog(int customers) {
    this.customers = customers;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  String customerOf(long event) {
    return String.format("C-%07d", Math.floorMod(mix(event * 2 + 1), customers));
  }

  /** Event {@code i} of the feed: a transaction of a customer, one second after event {@code i - 1}. */
  Event event(long i) {
    Direction direction = (mix(i) & 3) == 0 ? Direction.DEBIT : Direction.CREDIT;
    Money amount = Money.ofMinor(100 + Math.floorMod(mix(i * 2), 500_000L), EUR);
    return new Transaction("e-" + i, CustomerId.of(customerOf(i)), Instant.ofEpochMilli(T0_MILLIS + i * 1_000L), direction,
        amount, ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  /** Events [from, to) of the feed. */
  List<Event> events(long from, long to) {
    List<Event> out = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      out.add(event(i));
    }
    return out;
  }

  /** The lifecycle engine the crash test runs: the built-in six-stage banking model, over a store. */
  static LifecycleEngine engine(CustomerStore store) {
    return Clm.builder().model("banking-six-stage").currency("EUR").store(store).build();
  }
}
