package io.clm.benchmarks.workload;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * A generated feed of banking events for a population of customers, in timestamp order, fully
 * determined by its size and seed.
 *
 * <p>Every customer has at least one event; the remaining events go to customers with a skew (a
 * few customers are much more active than most). Each customer is active in a period of its own
 * inside one year starting {@link #START}; events fall uniformly in that period. The mix:
 *
 * <ul>
 *   <li>86 % transactions (55 % debits; amounts log-uniform between 1 and 5,000 EUR; mostly
 *       current account and card; mostly digital channels),
 *   <li>7 % interactions (a quarter of them satisfaction surveys),
 *   <li>4 % product changes (70 % openings),
 *   <li>2.7 % attribute updates (total business, revenue, cost to serve),
 *   <li>0.3 % relationship closures (90 % with debts settled).
 * </ul>
 *
 * <p>Objects that real feeds would share are shared here too (one {@link CustomerId} per customer,
 * one {@link Money} per distinct amount, one {@link Instant} per minute), so that the feed for
 * ten million events fits in about 1.2 GB and the benchmarks measure the consumers, not the
 * generator.
 */
public final class EventStream {

  /** The seed every benchmark uses. */
  public static final long SEED = 20_251_123L;

  /** Where the generated year starts. */
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** Length of the generated period, in minutes (one year). */
  static final int MINUTES = 365 * 24 * 60;

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final int AMOUNTS = 4096;
  private static final ProductType[] TRANSACTION_PRODUCTS = {
    ProductType.CURRENT_ACCOUNT, ProductType.CURRENT_ACCOUNT, ProductType.CURRENT_ACCOUNT,
    ProductType.CURRENT_ACCOUNT, ProductType.CURRENT_ACCOUNT, ProductType.CARD, ProductType.CARD,
    ProductType.PAYMENTS, ProductType.DEPOSIT, ProductType.LOAN
  };
  private static final Channel[] CHANNELS = {
    Channel.MOBILE, Channel.MOBILE, Channel.MOBILE, Channel.MOBILE, Channel.ONLINE, Channel.ONLINE,
    Channel.POS, Channel.POS, Channel.ATM, Channel.BRANCH
  };

  private final CustomerId[] customers;
  private final Event[] events;
  private final int[] owners;

  private EventStream(CustomerId[] customers, Event[] events, int[] owners) {
    this.customers = customers;
    this.events = events;
    this.owners = owners;
  }

  /**
   * Generates a feed.
   *
   * @param customerCount customers, at least 1 and at most 16,777,215
   * @param eventsPerCustomer mean events per customer, at least 1
   * @param seed the random seed
   * @return the feed
   */
  public static EventStream generate(int customerCount, int eventsPerCustomer, long seed) {
    if (customerCount < 1 || customerCount >= 1 << 24) {
      throw new IllegalArgumentException("customers " + customerCount + " is outside 1..16777215");
    }
    if (eventsPerCustomer < 1) {
      throw new IllegalArgumentException("eventsPerCustomer " + eventsPerCustomer + " is below 1");
    }
    long total = (long) customerCount * eventsPerCustomer;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many events: " + total);
    }
    SplittableRandom random = new SplittableRandom(seed);

    CustomerId[] ids = new CustomerId[customerCount];
    int[] counts = new int[customerCount];
    for (int c = 0; c < customerCount; c++) {
      ids[c] = new CustomerId("c" + c);
      counts[c] = 1;
    }
    for (long extra = total - customerCount; extra > 0; extra--) {
      // Squaring a uniform variate skews activity towards a minority of customers.
      double u = random.nextDouble();
      int c = (int) (u * u * customerCount);
      // Spread the busy customers over the id range rather than the lowest ids.
      counts[(int) ((c * 0x9E3779B1L & 0xFFFFFFFFL) % customerCount)]++;
    }

    // One key per event: minute of the year in the high bits, customer in the low 24 bits.
    long[] keys = new long[(int) total];
    int k = 0;
    for (int c = 0; c < customerCount; c++) {
      int from = random.nextInt((int) (MINUTES * 0.6));
      int to = from + (int) (MINUTES * 0.1) + random.nextInt(MINUTES - from - (int) (MINUTES * 0.1));
      for (int i = 0; i < counts[c]; i++) {
        long minute = from + random.nextInt(to - from);
        keys[k++] = minute << 24 | c;
      }
    }
    Arrays.sort(keys);

    Money[] amounts = new Money[AMOUNTS];
    for (int i = 0; i < AMOUNTS; i++) {
      long minor = Math.round(100 * Math.exp(Math.log(5000) * i / (AMOUNTS - 1)));
      amounts[i] = Money.ofMinor(minor, EUR);
    }
    Instant[] minutes = new Instant[MINUTES];
    Event[] events = new Event[keys.length];
    int[] owners = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int minute = (int) (keys[i] >>> 24);
      int c = (int) (keys[i] & 0xFFFFFF);
      Instant at = minutes[minute];
      if (at == null) {
        at = START.plusSeconds(60L * minute);
        minutes[minute] = at;
      }
      owners[i] = c;
      events[i] = event(random, "e" + Integer.toString(i, 36), ids[c], at, amounts);
    }
    return new EventStream(ids, events, owners);
  }

  private static Event event(
      SplittableRandom random, String id, CustomerId customer, Instant at, Money[] amounts) {
    double kind = random.nextDouble();
    if (kind < 0.86) {
      return new Transaction(
          id,
          customer,
          at,
          random.nextInt(100) < 55 ? Direction.DEBIT : Direction.CREDIT,
          amounts[random.nextInt(AMOUNTS)],
          TRANSACTION_PRODUCTS[random.nextInt(TRANSACTION_PRODUCTS.length)],
          CHANNELS[random.nextInt(CHANNELS.length)]);
    }
    if (kind < 0.93) {
      Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
      int sort = random.nextInt(4);
      return sort == 0
          ? Interaction.survey(id, customer, at, channel, random.nextInt(11))
          : Interaction.of(id, customer, at, sort == 1 ? InteractionKind.VISIT : InteractionKind.CONTACT, channel);
    }
    if (kind < 0.97) {
      ProductType product = ProductType.values()[random.nextInt(ProductType.values().length)];
      return random.nextInt(10) < 7
          ? new ProductOpened(id, customer, at, product)
          : new ProductClosed(id, customer, at, product);
    }
    if (kind < 0.997) {
      int which = random.nextInt(4);
      if (which < 2) {
        // Total business between 2,000 and 100,000 EUR: some customers pass half of it with us.
        long total = Math.round(2000 * Math.exp(Math.log(50) * random.nextDouble()));
        return new AttributeUpdate(id, customer, at, Attribute.TOTAL_BUSINESS, BigDecimal.valueOf(total));
      }
      return new AttributeUpdate(
          id,
          customer,
          at,
          which == 2 ? Attribute.REVENUE : Attribute.COST_TO_SERVE,
          BigDecimal.valueOf(random.nextInt(2000)));
    }
    return new RelationshipClosed(id, customer, at, random.nextInt(10) < 9);
  }

  /**
   * The customers, by index.
   *
   * @return the shared array; do not modify
   */
  public CustomerId[] customers() {
    return customers;
  }

  /**
   * The events in timestamp order.
   *
   * @return the shared array; do not modify
   */
  public Event[] events() {
    return events;
  }

  /**
   * Number of events.
   *
   * @return the count
   */
  public int size() {
    return events.length;
  }

  /**
   * Splits the feed by customer, keeping timestamp order inside each part, as a message broker
   * partitioned by customer id would.
   *
   * @param parts the number of parts
   * @return the parts; customer {@code c} is in part {@code c % parts}
   */
  public Event[][] partition(int parts) {
    return split(parts, i -> owners[i] % parts);
  }

  /**
   * Splits the feed into {@code parts} ordered parts by a function of the customer, for example an
   * engine's {@code lane}.
   *
   * @param parts how many parts
   * @param partOf the part of a customer, from 0 to {@code parts - 1}
   * @return the parts, each in timestamp order
   */
  public Event[][] partition(int parts, ToIntFunction<CustomerId> partOf) {
    return split(parts, i -> partOf.applyAsInt(events[i].customer()));
  }

  private Event[][] split(int parts, IntUnaryOperator partOfEvent) {
    int[] of = new int[events.length];
    int[] sizes = new int[parts];
    for (int i = 0; i < events.length; i++) {
      of[i] = partOfEvent.applyAsInt(i);
      sizes[of[i]]++;
    }
    Event[][] result = new Event[parts][];
    for (int p = 0; p < parts; p++) {
      result[p] = new Event[sizes[p]];
    }
    int[] next = new int[parts];
    for (int i = 0; i < events.length; i++) {
      result[of[i]][next[of[i]]++] = events[i];
    }
    return result;
  }
}
