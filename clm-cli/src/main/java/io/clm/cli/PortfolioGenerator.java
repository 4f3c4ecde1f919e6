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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A synthetic retail-bank portfolio: customers of five {@link Archetype archetypes} with their
 * products, transactions, interactions, surveys, complaints and attribute updates, month by month.
 *
 * <p>Deterministic: the same seed, size and months give the same events, whatever order customers
 * are generated in, because every customer draws from a random stream of its own.
 */
final class PortfolioGenerator {
  static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);
  private static final long DAY = 86_400_000L;

  private final int months;
  private final LocalDate start;
  private final Currency currency;
  private final Plan[] plans;

  PortfolioGenerator(long seed, int customers, int months, Currency currency) {
    this(seed, customers, months, currency, DEFAULT_START);
  }

  PortfolioGenerator(long seed, int customers, int months, Currency currency, LocalDate start) {
    this.months = months;
    this.start = start;
    this.currency = currency;
    this.plans = new Plan[customers];
    for (int i = 0; i < customers; i++) {
      plans[i] = new Plan(i, new SplittableRandom(mix(seed, i)), months);
    }
  }

  int customers() {
    return plans.length;
  }

  int months() {
    return months;
  }

  Instant monthStart(int month) {
    return start.plusMonths(month).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  Instant end() {
    return monthStart(months);
  }

  Archetype archetype(int customer) {
    return plans[customer].archetype;
  }

  CustomerId id(int customer) {
    return plans[customer].id;
  }

  /** When the customer first appears (as a prospect or as a customer). */
  Instant firstSeen(int customer) {
    return monthStart(plans[customer].firstSeenMonth);
  }

  /** Whether the customer appears at or before the given month. */
  boolean seenBy(int customer, int month) {
    return plans[customer].firstSeenMonth <= month;
  }

  /**
   * Generates one customer's events of one month, in time order. Months of a customer must be
   * generated in order (the customer's state carries over).
   */
  void month(int customer, int month, Consumer<Event> out) {
    Plan p = plans[customer];
    if (month < p.firstSeenMonth) {
      return;
    }
    List<Event> events = new ArrayList<>();
    p.generate(month, monthStart(month).toEpochMilli(), monthStart(month + 1).toEpochMilli(), events);
    events.sort(Comparator.comparing(Event::at));
    events.forEach(out);
  }

  private static long mix(long seed, int i) {
    long z = seed * 0x9E3779B97F4A7C15L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * When a customer is first seen, joins, turns away and comes back (months from the start; {@link
   * Integer#MAX_VALUE} for never), and whether it closes the relationship.
   */
  private record Timeline(int firstSeenMonth, int joinMonth, int turnMonth, int returnMonth, boolean leaves) {
    private static final int NEVER = Integer.MAX_VALUE;

    static Timeline of(Archetype archetype, SplittableRandom random, int months) {
      return switch (archetype) {
        case PROSPECT -> new Timeline(random.nextInt(Math.max(1, months)), NEVER, NEVER, NEVER, false);
        case NEW_GROWER -> {
          int firstSeen = random.nextInt(Math.max(0, months - 6) + 1);
          yield new Timeline(firstSeen, firstSeen + random.nextInt(3), NEVER, NEVER, false);
        }
        case MATURE -> new Timeline(0, 0, NEVER, NEVER, false);
        case DECLINER -> {
          int turn = Math.min(months - 3, 8 + random.nextInt(Math.max(1, months - 11)));
          yield new Timeline(0, 0, turn, NEVER, random.nextDouble() < 0.6);
        }
        case WON_BACK -> {
          int turn = Math.min(months - 3, 4 + random.nextInt(Math.max(1, months / 3)));
          yield new Timeline(0, 0, turn, turn + 3 + random.nextInt(4), true);
        }
      };
    }
  }

  /** One customer's plan and running state. */
  private final class Plan {
    final CustomerId id;
    final String tag;
    final SplittableRandom random;
    final Archetype archetype;
    final int firstSeenMonth;
    final int joinMonth;
    final int turnMonth;
    final int returnMonth;
    final boolean leaves;
    final double baseRate;
    final long salaryMinor;
    final double shareTarget;
    /** Pareto-distributed wealth: a few customers bring most of the profit (seed 003's pyramid). */
    final double wealth;
    final double loyalty;
    final int[] held = new int[ProductType.values().length];
    long volumeMinor;
    long revenueMinor;
    long costMinor;
    int sequence;
    int complaintSequence;
    String openComplaint;
    long openComplaintResolvesAt;
    boolean openComplaintAccepted;
    boolean closed;

    Plan(int index, SplittableRandom random, int months) {
      this.id = CustomerId.of(String.format(Locale.ROOT, "C%07d", index + 1));
      this.tag = id.value();
      this.random = random;
      this.archetype = Archetype.pick(random.nextDouble());
      Timeline t = Timeline.of(archetype, random, months);
      firstSeenMonth = t.firstSeenMonth();
      joinMonth = t.joinMonth();
      turnMonth = t.turnMonth();
      returnMonth = t.returnMonth();
      leaves = t.leaves();
      this.baseRate = archetype == Archetype.MATURE ? 1.2 + random.nextDouble() * 1.3 : 0.8 + random.nextDouble() * 1.2;
      this.wealth = Math.min(150, Math.pow(1 - random.nextDouble(), -1 / 1.3));
      this.loyalty = archetype == Archetype.MATURE ? 0.55 + random.nextDouble() * 0.45
          : archetype == Archetype.DECLINER ? random.nextDouble() * 0.5 : random.nextDouble();
      this.salaryMinor = (long) (150_000 * Math.min(wealth, 6) + random.nextInt(150_000));
      this.shareTarget =
          archetype == Archetype.MATURE ? 0.6 + random.nextDouble() * 0.35 : 0.15 + random.nextDouble() * 0.35;
    }

    void generate(int m, long from, long to, List<Event> out) {
      if (m == firstSeenMonth) {
        out.add(new Interaction(next("i"), id, at(from, to), InteractionKind.CONTACT, pick(Channel.PHONE, Channel.ONLINE, Channel.BRANCH), null));
        out.add(new ConsentChange(next("k"), id, at(from, to), Purpose.MARKETING, random.nextDouble() < 0.7));
        out.add(attribute(from + DAY, Attribute.CREDIT_SCORE, BigDecimal.valueOf(creditScore())));
        out.add(attribute(from + DAY, Attribute.SCALE, money((long) (salaryMinor * wealth * (10 + random.nextInt(30))))));
        out.add(attribute(from + DAY, Attribute.COMPETITOR_ATTENTION, unit(noisy(1 - loyalty))));
        out.add(attribute(from + DAY, Attribute.PRICE_SENSITIVITY, unit(noisy(1 - loyalty))));
        out.add(attribute(from + DAY, Attribute.DECISION_TIME_DAYS, BigDecimal.valueOf(1 + random.nextInt(40))));
        out.add(attribute(from + DAY, Attribute.INCIDENT_TOLERANCE, unit(noisy(loyalty))));
      }
      if (archetype == Archetype.PROSPECT || m < joinMonth) {
        if (random.nextDouble() < 0.15) {
          out.add(new Interaction(next("i"), id, at(from, to),
              random.nextDouble() < 0.3 ? InteractionKind.VISIT : InteractionKind.CONTACT,
              pick(Channel.PHONE, Channel.ONLINE, Channel.BRANCH, Channel.MOBILE), null));
        }
        return;
      }
      boolean leaving = leaves && m >= turnMonth + (archetype == Archetype.DECLINER ? 4 : 0)
          && m < returnMonth;
      if (leaving) {
        if (!closed) {
          close(from, out);
        }
        return;
      }
      if (closed && m >= returnMonth) {
        closed = false;
        open(ProductType.CURRENT_ACCOUNT, from, out);
        out.add(new Interaction(next("i"), id, at(from, to), InteractionKind.VISIT, Channel.BRANCH, null));
      }
      if (m == joinMonth) {
        open(ProductType.CURRENT_ACCOUNT, from, out);
        if (archetype != Archetype.NEW_GROWER) {
          open(ProductType.CARD, from, out);
          open(ProductType.DEPOSIT, from, out);
          if (random.nextDouble() < 0.45) {
            open(ProductType.LOAN, from, out);
          }
          if (random.nextDouble() < Math.min(0.9, 0.1 + wealth * 0.08)) {
            open(ProductType.WEALTH_MANAGEMENT, from, out);
          }
        }
      }
      if (archetype == Archetype.NEW_GROWER || m >= returnMonth) {
        int age = m - Math.max(joinMonth, returnMonth == Integer.MAX_VALUE ? joinMonth : returnMonth);
        if (age == 2 && held[ProductType.CARD.ordinal()] == 0) {
          open(ProductType.CARD, from, out);
        }
        if (age == 5 && held[ProductType.DEPOSIT.ordinal()] == 0) {
          open(ProductType.DEPOSIT, from, out);
        }
        if (age == 9 && random.nextDouble() < Math.min(0.9, 0.1 + wealth * 0.08)) {
          open(ProductType.WEALTH_MANAGEMENT, from, out);
        }
      }
      double rate = rate(m);
      int count = (int) Math.round(rate * (0.7 + random.nextDouble() * 0.6));
      boolean declining = archetype == Archetype.DECLINER && m >= turnMonth;
      long monthVolume = 0;
      int branch = 0;
      if (rate >= 1 && (!declining || m < turnMonth + 2)) {
        long salary = salaryMinor + random.nextInt((int) (salaryMinor / 20) + 1);
        out.add(transaction(from + DAY * (24 + random.nextInt(3)), Direction.CREDIT, salary, ProductType.CURRENT_ACCOUNT, Channel.OTHER));
        monthVolume += salary;
      }
      if (held[ProductType.LOAN.ordinal()] > 0 && !declining) {
        long repayment = salaryMinor / 5;
        out.add(transaction(from + DAY * 2, Direction.DEBIT, repayment, ProductType.LOAN, Channel.OTHER));
        monthVolume += repayment;
      }
      for (int t = 0; t < count; t++) {
        Transaction tx = spending(from, to);
        out.add(tx);
        monthVolume += tx.amount().minorUnits();
        branch += tx.channel() == Channel.BRANCH ? 1 : 0;
      }
      volumeMinor += monthVolume;
      revenueMinor += monthVolume / 400 + 200L * heldCount()
          + (long) (wealth * (held[ProductType.WEALTH_MANAGEMENT.ordinal()] * 6_000L + held[ProductType.LOAN.ordinal()] * 2_500L
              + held[ProductType.DEPOSIT.ordinal()] * 800L));
      costMinor += 600 + 250L * branch + 20L * count;
      interactions(m, from, to, declining, out);
      complaints(m, from, to, declining, out);
      // The CRM and finance systems send customer figures twice a year (and loyalty indicators and
      // the credit score once a year): an integrator's typical batch feed.
      if (m % 6 == 5) {
        long at = to - DAY / 2;
        out.add(attribute(at, Attribute.REVENUE, money(revenueMinor)));
        out.add(attribute(at, Attribute.COST_TO_SERVE, money(costMinor)));
        double share = declining ? shareTarget * 0.4 : shareTarget;
        long total = (long) (volumeMinor / share);
        out.add(attribute(at, Attribute.TOTAL_BUSINESS, money(Math.max(total, volumeMinor))));
      }
      if (m % 12 == 11) {
        long at = to - DAY / 2;
        out.add(attribute(at, Attribute.CREDIT_SCORE, BigDecimal.valueOf(creditScore())));
        if (declining) {
          out.add(attribute(at, Attribute.COMPETITOR_ATTENTION, unit(0.6 + random.nextDouble() * 0.4)));
        }
      }
    }

    private double rate(int m) {
      return switch (archetype) {
        case NEW_GROWER -> baseRate * Math.min(1.0, (m - joinMonth + 1) / 8.0) * (1 + Math.min(m - joinMonth, 12) / 12.0);
        case DECLINER -> m < turnMonth ? baseRate : baseRate * Math.pow(0.45, m - turnMonth + 1);
        case WON_BACK -> m < returnMonth ? baseRate : baseRate * Math.min(1.0, (m - returnMonth + 1) / 3.0);
        case PROSPECT, MATURE -> baseRate;
      };
    }

    private Transaction spending(long from, long to) {
      double u = random.nextDouble();
      if (u < 0.45 && held[ProductType.CARD.ordinal()] > 0) {
        return transaction(at(from, to), Direction.DEBIT, 500 + random.nextInt(15_000), ProductType.CARD, Channel.POS);
      }
      if (u < 0.6) {
        return transaction(at(from, to), Direction.DEBIT, 2_000 + random.nextInt(38_000), ProductType.CURRENT_ACCOUNT, Channel.ATM);
      }
      if (u < 0.7 && held[ProductType.DEPOSIT.ordinal()] > 0) {
        return transaction(at(from, to), Direction.CREDIT, 10_000 + random.nextInt(200_000), ProductType.DEPOSIT, pick(Channel.ONLINE, Channel.MOBILE, Channel.BRANCH));
      }
      if (u < 0.75 && held[ProductType.WEALTH_MANAGEMENT.ordinal()] > 0) {
        return transaction(at(from, to), Direction.DEBIT, 50_000 + random.nextInt(500_000), ProductType.WEALTH_MANAGEMENT, pick(Channel.BRANCH, Channel.ONLINE));
      }
      return transaction(at(from, to), Direction.DEBIT, 1_000 + random.nextInt(120_000), ProductType.CURRENT_ACCOUNT,
          pick(Channel.MOBILE, Channel.MOBILE, Channel.ONLINE, Channel.BRANCH));
    }

    private void interactions(int m, long from, long to, boolean declining, List<Event> out) {
      if (random.nextDouble() < 0.12) {
        out.add(new Interaction(next("i"), id, at(from, to),
            random.nextDouble() < 0.25 ? InteractionKind.VISIT : InteractionKind.CONTACT,
            pick(Channel.PHONE, Channel.BRANCH, Channel.MOBILE, Channel.ONLINE), null));
      }
      if (random.nextDouble() < 0.05) {
        int score = declining ? random.nextInt(6) : 6 + random.nextInt(5);
        out.add(Interaction.survey(next("s"), id, at(from, to), pick(Channel.ONLINE, Channel.MOBILE, Channel.PHONE), score));
      }
    }

    private void complaints(int m, long from, long to, boolean declining, List<Event> out) {
      if (openComplaint != null && openComplaintResolvesAt < to) {
        out.add(new ComplaintResolved(next("r"), id, Instant.ofEpochMilli(Math.max(from, openComplaintResolvesAt)), openComplaint, openComplaintAccepted));
        openComplaint = null;
      }
      if (openComplaint == null && random.nextDouble() < (declining ? 0.15 : 0.012)) {
        Instant opened = at(from, to);
        boolean urgent = random.nextDouble() < 0.25;
        openComplaint = tag + "-Q" + (++complaintSequence);
        out.add(new ComplaintOpened(next("q"), id, opened, openComplaint, urgent ? Severity.URGENT : Severity.NORMAL));
        double late = random.nextDouble();
        int days = urgent ? (late < 0.15 ? 3 + random.nextInt(20) : random.nextInt(3)) : (late < 0.15 ? 15 + random.nextInt(40) : 1 + random.nextInt(14));
        openComplaintResolvesAt = opened.toEpochMilli() + days * DAY + random.nextInt((int) (DAY / 2));
        openComplaintAccepted = random.nextDouble() < (declining ? 0.5 : 0.85);
        if (openComplaintResolvesAt < to) {
          out.add(new ComplaintResolved(next("r"), id, Instant.ofEpochMilli(openComplaintResolvesAt), openComplaint, openComplaintAccepted));
          openComplaint = null;
        }
      }
    }

    private void close(long from, List<Event> out) {
      long at = from + DAY;
      for (ProductType p : ProductType.values()) {
        while (held[p.ordinal()] > 0) {
          held[p.ordinal()]--;
          out.add(new ProductClosed(next("p"), id, Instant.ofEpochMilli(at), p));
        }
      }
      out.add(new RelationshipClosed(next("x"), id, Instant.ofEpochMilli(at + 60_000), true));
      closed = true;
    }

    private void open(ProductType product, long from, List<Event> out) {
      held[product.ordinal()]++;
      out.add(new ProductOpened(next("p"), id, Instant.ofEpochMilli(from + 3_600_000L), product));
    }

    private int heldCount() {
      int n = 0;
      for (int h : held) {
        n += h;
      }
      return n;
    }

    private double noisy(double value) {
      return Math.max(0, Math.min(1, value + (random.nextDouble() - 0.5) * 0.3));
    }

    private int creditScore() {
      int base = archetype == Archetype.MATURE ? 620 : archetype == Archetype.DECLINER ? 480 : 540;
      return Math.min(1000, base + random.nextInt(320));
    }

    private Transaction transaction(long at, Direction direction, long minor, ProductType product, Channel channel) {
      return transaction(Instant.ofEpochMilli(at), direction, minor, product, channel);
    }

    private Transaction transaction(Instant at, Direction direction, long minor, ProductType product, Channel channel) {
      return new Transaction(next("t"), id, at, direction, Money.ofMinor(minor, currency), product, channel);
    }

    private AttributeUpdate attribute(long at, Attribute attribute, BigDecimal value) {
      return new AttributeUpdate(next("a"), id, Instant.ofEpochMilli(at), attribute, value);
    }

    private BigDecimal money(long minor) {
      return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    private BigDecimal unit(double value) {
      return BigDecimal.valueOf(Math.round(value * 100), 2);
    }

    private Instant at(long from, long to) {
      return Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from - 1)));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[random.nextInt(options.length)];
    }

    private String next(String prefix) {
      return prefix + tag + "-" + (++sequence);
    }
  }
}
