package io.clm.tck;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.annotation.Experimental;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of realistic clm inputs for property tests: retail-banking customers from prospects
 * with no activity to long-standing customers with several products, complaints, surveys and
 * supplied attributes, and the events that produce them. Every value generated is valid (it passes
 * the API's own checks); edge cases (no transactions, closed relationships, open urgent complaints,
 * missing attributes) come up often.
 *
 * <p>Use them in your own properties:
 *
 * <pre>{@code
 * qt().forAll(Generators.customers(List.of("new", "active")))
 *     .checkAssert(customer -> assertThat(myScheme.assign(customer, Generators.NOW)).isNotNull());
 * }</pre>
 */
@Experimental
public final class Generators {

  /** The instant all generated data lies before: 2026-01-01T00:00:00Z. */
  public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** The currency of generated amounts: EUR. */
  public static final Currency CURRENCY = Currency.getInstance("EUR");

  private static final long DAY = Metric.DAY_MILLIS;
  private static final long EARLIEST = Instant.parse("2012-01-01T00:00:00Z").toEpochMilli();

  /**
   * The event types {@link #events} draws from: every type but manual moves, transactions three
   * times as often as the others.
   */
  private static final List<EventType> GENERATED = generated();

  private Generators() {}

  private static List<EventType> generated() {
    List<EventType> types = new ArrayList<>(EnumSet.complementOf(EnumSet.of(EventType.MANUAL_MOVE)));
    types.add(EventType.TRANSACTION);
    types.add(EventType.TRANSACTION);
    return List.copyOf(types);
  }

  /**
   * Customer ids as core-banking systems issue them ({@code CB-0004711}) and as CRM party ids with
   * letters and punctuation.
   *
   * @return the generator
   */
  public static Gen<CustomerId> customerIds() {
    Gen<String> numeric = integers().between(0, 9_999_999).map(n -> String.format("CB-%07d", n));
    Gen<String> party =
        integers().between(0, Integer.MAX_VALUE).map(n -> "party:" + Integer.toString(n, 36) + "/ü");
    return Generate.oneOf(numeric, party).map(CustomerId::of);
  }

  /**
   * Instants between 2012 and {@link #NOW}.
   *
   * @return the generator
   */
  public static Gen<Instant> instants() {
    return longs().between(EARLIEST, NOW.toEpochMilli() - 1).map(Instant::ofEpochMilli);
  }

  /**
   * Metrics of customers first seen between 2012 and {@link #NOW}, in {@link #CURRENCY}, with every
   * fact in the past of {@link #NOW}: about one in five has never transacted (a prospect).
   *
   * @return the generator
   */
  public static Gen<MetricsSnapshot> metrics() {
    return metrics(CURRENCY);
  }

  /**
   * Metrics as {@link #metrics()}, in another currency: amounts are drawn as counts of its minor
   * units (cents for EUR, yen for JPY, which has no smaller unit, fils for KWD, which has three
   * decimals), money attributes rounded down to its decimals.
   *
   * @param currency the currency of the amounts
   * @return the generator
   */
  public static Gen<MetricsSnapshot> metrics(Currency currency) {
    return in -> {
      long now = NOW.toEpochMilli();
      long firstSeen = longs().between(EARLIEST, now - DAY).generate(in);
      MetricsSnapshot.Builder b = MetricsSnapshot.builder(currency, Instant.ofEpochMilli(firstSeen));
      boolean prospect = integers().between(0, 4).generate(in) == 0;
      long txCount = 0;
      long lastTx = firstSeen;
      if (!prospect) {
        int productTypes = integers().between(1, 4).generate(in);
        for (int i = 0; i < productTypes; i++) {
          ProductType type = Generate.enumValues(ProductType.class).generate(in);
          int opened = integers().between(1, 3).generate(in);
          b.products(type, opened, integers().between(0, opened).generate(in));
          for (Direction d : Direction.values()) {
            long count = longs().between(0, 400).generate(in);
            long minor = count == 0 ? 0 : count * longs().between(100, 500_000).generate(in);
            b.transactions(type, d, count, minor);
            txCount += count;
          }
        }
        if (txCount > 0) {
          long firstTx = longs().between(firstSeen, now - 1).generate(in);
          lastTx = longs().between(firstTx, now - 1).generate(in);
          b.transactedBetween(Instant.ofEpochMilli(firstTx), Instant.ofEpochMilli(lastTx));
          b.digitalTransactions(longs().between(0, txCount).generate(in));
          long window = Math.floorDiv(lastTx, 90 * DAY);
          int windows = integers().between(0, 3).generate(in);
          for (int w = 0; w < windows; w++) {
            b.windowVolume(window - w, longs().between(0, 50_000_000).generate(in));
          }
        }
      }
      long interactions = longs().between(0, 30).generate(in);
      if (interactions > 0) {
        b.interactions(interactions, Instant.ofEpochMilli(longs().between(firstSeen, now - 1).generate(in)));
      }
      int surveys = integers().between(0, 4).generate(in);
      for (int i = 0; i < surveys; i++) {
        b.survey(Instant.ofEpochMilli(longs().between(firstSeen, now - 1).generate(in)), integers().between(0, 10).generate(in));
      }
      int complaints = integers().between(0, 3).generate(in);
      for (int i = 0; i < complaints; i++) {
        int state = integers().between(0, 2).generate(in);
        b.complaint(
            "C-" + i,
            Generate.enumValues(Severity.class).generate(in),
            state == 0 ? null : state == 1);
      }
      for (Attribute a : Attribute.values()) {
        if (booleans().all().generate(in)) {
          b.attribute(a, attributeValue(a, currency, in), Instant.ofEpochMilli(longs().between(firstSeen, now - 1).generate(in)));
        }
      }
      for (Purpose p : Purpose.values()) {
        if (booleans().all().generate(in)) {
          b.consent(p, booleans().all().generate(in), Instant.ofEpochMilli(firstSeen));
        }
      }
      if (integers().between(0, 9).generate(in) == 0) {
        b.relationshipClosed(Instant.ofEpochMilli(longs().between(lastTx, now - 1).generate(in)), booleans().all().generate(in));
      }
      long enteredAt = longs().between(firstSeen, now - 1).generate(in);
      b.stage(Instant.ofEpochMilli(enteredAt), txCount == 0 ? 0 : longs().between(0, txCount).generate(in));
      return b.build();
    };
  }

  private static BigDecimal attributeValue(Attribute a, Currency currency, org.quicktheories.core.RandomnessSource in) {
    return switch (a.kind()) {
      case MONEY -> BigDecimal.valueOf(longs().between(0, 5_000_000_00L).generate(in), 2)
          .setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.DOWN);
      case UNIT -> BigDecimal.valueOf(integers().between(0, 100).generate(in), 2);
      case SCORE_1000 -> BigDecimal.valueOf(integers().between(0, 1000).generate(in));
      case NON_NEGATIVE -> BigDecimal.valueOf(integers().between(0, 365).generate(in));
      case FLAG -> booleans().all().generate(in) ? BigDecimal.ONE : BigDecimal.ZERO;
    };
  }

  /**
   * Customers in one of the given stages, with {@link #metrics()} and a plausible record of time
   * spent in the other stages.
   *
   * @param stages the stage ids to place customers in, not empty
   * @return the generator
   */
  public static Gen<Customer> customers(List<String> stages) {
    return customers(stages, CURRENCY);
  }

  /**
   * Customers as {@link #customers(List)}, with {@link #metrics(Currency)} in another currency.
   *
   * @param stages the stage ids to place customers in, not empty
   * @param currency the currency of the customers' metrics
   * @return the generator
   */
  public static Gen<Customer> customers(List<String> stages, Currency currency) {
    List<String> copy = List.copyOf(stages);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("stages is empty");
    }
    return in -> {
      CustomerId id = customerIds().generate(in);
      String stage = Generate.pick(copy).generate(in);
      int cycle = integers().between(0, 2).generate(in);
      MetricsSnapshot m = metrics(currency).generate(in);
      Map<String, Long> completed = new java.util.TreeMap<>();
      for (String s : copy) {
        if (!s.equals(stage) && booleans().all().generate(in)) {
          completed.put(s, longs().between(0, 400 * DAY).generate(in));
        }
      }
      return new Customer(id, stage, cycle, m, completed);
    };
  }

  /**
   * Events of every kind for one customer, between 2012 and {@link #NOW}, with unique ids. Manual
   * moves are left out because their target stage depends on the model.
   *
   * @param customer the customer
   * @return the generator of non-empty event lists of up to 40 events
   */
  public static Gen<List<Event>> events(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return in -> {
      int n = integers().between(1, 40).generate(in);
      List<Event> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = "E-" + i;
        Instant at = instants().generate(in);
        EventType type = GENERATED.get(integers().between(0, GENERATED.size() - 1).generate(in));
        events.add(switch (type) {
          case TRANSACTION -> new Transaction(
              id,
              customer,
              at,
              Generate.enumValues(Direction.class).generate(in),
              Money.ofMinor(longs().between(0, 5_000_000).generate(in), CURRENCY),
              Generate.enumValues(ProductType.class).generate(in),
              Generate.enumValues(Channel.class).generate(in));
          case INTERACTION -> booleans().all().generate(in)
              ? Interaction.survey(id, customer, at, Channel.ONLINE, integers().between(0, 10).generate(in))
              : Interaction.of(id, customer, at, InteractionKind.CONTACT, Generate.enumValues(Channel.class).generate(in));
          case PRODUCT_OPENED -> new ProductOpened(id, customer, at, Generate.enumValues(ProductType.class).generate(in));
          case PRODUCT_CLOSED -> new ProductClosed(id, customer, at, Generate.enumValues(ProductType.class).generate(in));
          case COMPLAINT_OPENED -> new ComplaintOpened(
              id, customer, at, "C-" + integers().between(0, 3).generate(in), Generate.enumValues(Severity.class).generate(in));
          case COMPLAINT_RESOLVED -> new ComplaintResolved(
              id, customer, at, "C-" + integers().between(0, 3).generate(in), booleans().all().generate(in));
          case ATTRIBUTE_UPDATE -> {
            Attribute a = Generate.enumValues(Attribute.class).generate(in);
            yield new AttributeUpdate(id, customer, at, a, attributeValue(a, CURRENCY, in));
          }
          case CONSENT_CHANGE -> new ConsentChange(
              id, customer, at, Generate.enumValues(Purpose.class).generate(in), booleans().all().generate(in));
          case RELATIONSHIP_CLOSED -> new RelationshipClosed(id, customer, at, booleans().all().generate(in));
          case MANUAL_MOVE -> throw new IllegalStateException("manual moves are not generated");
        });
      }
      return List.copyOf(events);
    };
  }
}
