package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthetic portfolio, customer by customer: each archetype's lifecycle as the generator
 * documents it, and the ranges of its amounts, dates and attributes. 400 customers over 24 months.
 */
class PortfolioGeneratorTest {
  static final int CUSTOMERS = 400;
  static final int MONTHS = 24;
  static final PortfolioGenerator PORTFOLIO = new PortfolioGenerator(11, CUSTOMERS, MONTHS, Currency.getInstance("EUR"));
  /** Each customer's events by month. */
  static final List<List<List<Event>>> EVENTS = new ArrayList<>();

  @BeforeAll
  static void generate() {
    for (int c = 0; c < CUSTOMERS; c++) {
      List<List<Event>> months = new ArrayList<>();
      for (int m = 0; m < MONTHS; m++) {
        List<Event> month = new ArrayList<>();
        PORTFOLIO.month(c, m, month::add);
        months.add(month);
      }
      EVENTS.add(months);
    }
  }

  private static List<Event> all(int customer) {
    List<Event> all = new ArrayList<>();
    EVENTS.get(customer).forEach(all::addAll);
    return all;
  }

  private static int monthOf(Instant at) {
    ZonedDateTime t = at.atZone(ZoneOffset.UTC);
    return (t.getYear() - 2024) * 12 + t.getMonthValue() - 1;
  }

  /** The month of the customer's first relationship closure, or -1. */
  private static int closedIn(int customer) {
    return all(customer).stream().filter(e -> e instanceof RelationshipClosed).map(e -> monthOf(e.at())).findFirst().orElse(-1);
  }

  @Test
  void theCalendarStartsIn2024AndCountsMonths() {
    assertThat(PORTFOLIO.customers()).isEqualTo(CUSTOMERS);
    assertThat(PORTFOLIO.months()).isEqualTo(MONTHS);
    assertThat(PORTFOLIO.monthStart(0)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(PORTFOLIO.monthStart(14)).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    assertThat(PORTFOLIO.end()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(new PortfolioGenerator(1, 1, 3, Currency.getInstance("EUR"), LocalDate.of(2030, 5, 1)).end())
        .isEqualTo(Instant.parse("2030-08-01T00:00:00Z"));
    assertThat(PORTFOLIO.id(0).value()).isEqualTo("C0000001");
    assertThat(PORTFOLIO.id(CUSTOMERS - 1).value()).isEqualTo("C0000400");
  }

  /** A customer's events come month by month, in time order, inside their month, with ids of their own. */
  @Test
  void eventsLieInTheirMonthInTimeOrderAndBelongToTheirCustomer() {
    Set<String> ids = new HashSet<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      for (int m = 0; m < MONTHS; m++) {
        Instant previous = PORTFOLIO.monthStart(m);
        for (Event e : EVENTS.get(c).get(m)) {
          assertThat(e.at()).isAfterOrEqualTo(previous).isBefore(PORTFOLIO.monthStart(m + 1));
          assertThat(e.customer()).isEqualTo(PORTFOLIO.id(c));
          assertThat(ids.add(e.id())).as(e.id()).isTrue();
          previous = e.at();
        }
      }
    }
  }

  /** Nothing before a customer is first seen; in that month a contact, a consent and six attributes. */
  @Test
  void aCustomerAppearsWhenFirstSeen() {
    for (int c = 0; c < CUSTOMERS; c++) {
      int first = monthOf(PORTFOLIO.firstSeen(c));
      assertThat(PORTFOLIO.seenBy(c, first)).isTrue();
      assertThat(first == 0 || !PORTFOLIO.seenBy(c, first - 1)).isTrue();
      for (int m = 0; m < first; m++) {
        assertThat(EVENTS.get(c).get(m)).isEmpty();
      }
      List<Event> month = EVENTS.get(c).get(first);
      assertThat(month.stream().filter(e -> e instanceof AttributeUpdate).map(e -> ((AttributeUpdate) e).attribute()))
          .contains(Attribute.CREDIT_SCORE, Attribute.SCALE, Attribute.COMPETITOR_ATTENTION, Attribute.PRICE_SENSITIVITY,
              Attribute.DECISION_TIME_DAYS, Attribute.INCIDENT_TOLERANCE);
      assertThat(month).anyMatch(e -> e instanceof io.clm.api.event.ConsentChange);
      assertThat(month).anyMatch(e -> e instanceof io.clm.api.event.Interaction);
    }
  }

  @Test
  void prospectsNeverOpenAProductOrTransact() {
    int prospects = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      if (PORTFOLIO.archetype(c) == Archetype.PROSPECT) {
        prospects++;
        assertThat(all(c)).noneMatch(e -> e instanceof ProductOpened || e instanceof Transaction || e instanceof ComplaintOpened);
      } else {
        assertThat(all(c)).as(PORTFOLIO.id(c).value()).anyMatch(e -> e instanceof ProductOpened);
      }
    }
    assertThat(prospects).isGreaterThan(20);
  }

  /** Mature customers are there from the start with a current account, a card and a deposit, and stay. */
  @Test
  void matureCustomersHoldTheirProductsFromTheStartAndStay() {
    for (int c = 0; c < CUSTOMERS; c++) {
      if (PORTFOLIO.archetype(c) != Archetype.MATURE) {
        continue;
      }
      assertThat(PORTFOLIO.firstSeen(c)).isEqualTo(PORTFOLIO.monthStart(0));
      assertThat(EVENTS.get(c).get(0).stream().filter(e -> e instanceof ProductOpened).map(e -> ((ProductOpened) e).product()))
          .contains(ProductType.CURRENT_ACCOUNT, ProductType.CARD, ProductType.DEPOSIT);
      assertThat(closedIn(c)).isEqualTo(-1);
      assertThat(all(c)).noneMatch(e -> e instanceof ProductClosed);
      // Salary every month.
      for (int m = 0; m < MONTHS; m++) {
        assertThat(EVENTS.get(c).get(m)).anyMatch(e -> e instanceof Transaction t && t.direction() == Direction.CREDIT
            && t.product() == ProductType.CURRENT_ACCOUNT && t.channel() == Channel.OTHER);
      }
    }
  }

  /** New customers join within two months of being first seen, at least six months before the end, with a current account only, and add a card two months later. */
  @Test
  void newGrowersJoinWithACurrentAccountAndAddACard() {
    for (int c = 0; c < CUSTOMERS; c++) {
      if (PORTFOLIO.archetype(c) != Archetype.NEW_GROWER) {
        continue;
      }
      int first = monthOf(PORTFOLIO.firstSeen(c));
      assertThat(first).isLessThanOrEqualTo(MONTHS - 6);
      int join = all(c).stream().filter(e -> e instanceof ProductOpened).map(e -> monthOf(e.at())).findFirst().orElseThrow();
      assertThat(join).isBetween(first, first + 2);
      assertThat(EVENTS.get(c).get(join).stream().filter(e -> e instanceof ProductOpened).map(e -> ((ProductOpened) e).product()))
          .containsExactly(ProductType.CURRENT_ACCOUNT);
      assertThat(EVENTS.get(c).get(join + 2).stream().filter(e -> e instanceof ProductOpened).map(e -> ((ProductOpened) e).product()))
          .containsExactly(ProductType.CARD);
      assertThat(closedIn(c)).isEqualTo(-1);
    }
  }

  /**
   * Decliners turn away after their eighth month; those who leave close everything four months
   * after turning (at the earliest in month 12) and are not heard from again. About 60 % leave.
   */
  @Test
  void declinersLeaveLateAndForGood() {
    int decliners = 0;
    int leavers = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      if (PORTFOLIO.archetype(c) != Archetype.DECLINER) {
        continue;
      }
      decliners++;
      int closed = closedIn(c);
      if (closed < 0) {
        continue;
      }
      leavers++;
      assertThat(closed).isGreaterThanOrEqualTo(12);
      for (int m = closed + 1; m < MONTHS; m++) {
        assertThat(EVENTS.get(c).get(m)).isEmpty();
      }
      assertClosesEverythingItHolds(c, closed);
    }
    assertThat(leavers / (double) decliners).isBetween(0.4, 0.8);
  }

  /** Won-back customers leave between months 4 and 11 of 24 and come back three to six months later with a current account and a branch visit. */
  @Test
  void wonBackCustomersLeaveAndComeBack() {
    for (int c = 0; c < CUSTOMERS; c++) {
      if (PORTFOLIO.archetype(c) != Archetype.WON_BACK) {
        continue;
      }
      int closed = closedIn(c);
      assertThat(closed).as(PORTFOLIO.id(c).value()).isBetween(4, 11);
      assertClosesEverythingItHolds(c, closed);
      int back = -1;
      for (int m = closed + 1; m < MONTHS && back < 0; m++) {
        if (!EVENTS.get(c).get(m).isEmpty()) {
          back = m;
        }
      }
      assertThat(back).isBetween(closed + 3, closed + 6);
      assertThat(EVENTS.get(c).get(back)).anyMatch(e -> e instanceof ProductOpened p && p.product() == ProductType.CURRENT_ACCOUNT)
          .anyMatch(e -> e instanceof io.clm.api.event.Interaction i && i.channel() == Channel.BRANCH);
    }
  }

  /** Every product opened and not yet closed is closed a day into the month, then the relationship a minute later. */
  private static void assertClosesEverythingItHolds(int c, int month) {
    Map<ProductType, Integer> held = new HashMap<>();
    for (int m = 0; m < month; m++) {
      for (Event e : EVENTS.get(c).get(m)) {
        if (e instanceof ProductOpened p) {
          held.merge(p.product(), 1, Integer::sum);
        } else if (e instanceof ProductClosed p) {
          held.merge(p.product(), -1, Integer::sum);
        }
      }
    }
    Instant day = PORTFOLIO.monthStart(month).plusSeconds(86_400);
    Map<ProductType, Integer> closed = new HashMap<>();
    for (Event e : EVENTS.get(c).get(month)) {
      if (e instanceof ProductClosed p) {
        assertThat(p.at()).isEqualTo(day);
        closed.merge(p.product(), 1, Integer::sum);
      }
    }
    held.values().removeIf(n -> n == 0);
    assertThat(closed).isEqualTo(held);
    assertThat(EVENTS.get(c).get(month)).filteredOn(e -> e instanceof RelationshipClosed)
        .singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(day.plusSeconds(60)));
  }

  /** A complaint is resolved after it is opened, and a customer has at most one open at a time. */
  @Test
  void complaintsAreResolvedOneAtATime() {
    int resolved = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      Map<String, Instant> open = new HashMap<>();
      int sequence = 0;
      for (Event e : all(c)) {
        if (e instanceof ComplaintOpened o) {
          assertThat(open).isEmpty();
          assertThat(o.complaintId()).isEqualTo(PORTFOLIO.id(c).value() + "-Q" + ++sequence);
          open.put(o.complaintId(), o.at());
        } else if (e instanceof ComplaintResolved r) {
          assertThat(open).containsKey(r.complaintId());
          assertThat(r.at()).isAfterOrEqualTo(open.remove(r.complaintId()));
          resolved++;
        }
      }
    }
    assertThat(resolved).isGreaterThan(20);
  }

  /** Card spending of 5.00 to 154.99 at points of sale, cash of 20.00 to 399.99 at ATMs, salaries on the 25th to 27th, loan repayments on the 3rd. */
  @Test
  void transactionsHaveTheAmountsDaysAndChannelsOfTheirKind() {
    int loans = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      for (Event e : all(c)) {
        if (!(e instanceof Transaction t)) {
          continue;
        }
        long minor = t.amount().minorUnits();
        assertThat(t.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        ZonedDateTime at = t.at().atZone(ZoneOffset.UTC);
        if (t.product() == ProductType.CARD) {
          assertThat(t.channel()).isEqualTo(Channel.POS);
          assertThat(minor).isBetween(500L, 15_499L);
        } else if (t.channel() == Channel.ATM) {
          assertThat(t.direction()).isEqualTo(Direction.DEBIT);
          assertThat(minor).isBetween(2_000L, 39_999L);
        } else if (t.product() == ProductType.DEPOSIT) {
          assertThat(t.direction()).isEqualTo(Direction.CREDIT);
          assertThat(minor).isBetween(10_000L, 209_999L);
        } else if (t.product() == ProductType.LOAN) {
          loans++;
          assertThat(t.direction()).isEqualTo(Direction.DEBIT);
          assertThat(at.getDayOfMonth()).isEqualTo(3);
          assertThat(at.toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        } else if (t.channel() == Channel.OTHER) {
          assertThat(t.direction()).isEqualTo(Direction.CREDIT);
          assertThat(at.getDayOfMonth()).isBetween(25, 27);
          assertThat(at.toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        }
      }
    }
    assertThat(loans).isGreaterThan(100);
  }

  /** Credit scores of 480 to 1000 (mature customers from 620), shares between 0 and 1 in hundredths, decision times of 1 to 40 days. */
  @Test
  void attributesLieInTheirRanges() {
    for (int c = 0; c < CUSTOMERS; c++) {
      for (Event e : all(c)) {
        if (!(e instanceof AttributeUpdate a)) {
          continue;
        }
        int minimum = PORTFOLIO.archetype(c) == Archetype.MATURE ? 620 : 480;
        boolean inRange = switch (a.attribute()) {
          case CREDIT_SCORE -> a.value().intValueExact() >= minimum && a.value().intValueExact() <= 1000;
          case COMPETITOR_ATTENTION, PRICE_SENSITIVITY, INCIDENT_TOLERANCE ->
              a.value().scale() == 2 && a.value().signum() >= 0 && a.value().compareTo(java.math.BigDecimal.ONE) <= 0;
          case DECISION_TIME_DAYS -> a.value().intValueExact() >= 1 && a.value().intValueExact() <= 40;
          case SCALE, REVENUE, COST_TO_SERVE, TOTAL_BUSINESS -> a.value().scale() == 2;
          // The generator sends no other attribute.
          default -> false;
        };
        assertThat(inRange).as(a.toString()).isTrue();
      }
    }
  }

  /** Revenue, cost to serve and total business every six months, half a day before the month ends; the credit score every twelve. */
  @Test
  void theFiguresFeedComesTwiceAYear() {
    for (int c = 0; c < CUSTOMERS; c++) {
      if (PORTFOLIO.archetype(c) != Archetype.MATURE) {
        continue;
      }
      for (int m = 0; m < MONTHS; m++) {
        Instant feed = PORTFOLIO.monthStart(m + 1).minusSeconds(43_200);
        List<Attribute> fed = EVENTS.get(c).get(m).stream()
            .filter(e -> e instanceof AttributeUpdate && e.at().equals(feed)).map(e -> ((AttributeUpdate) e).attribute()).toList();
        if (m % 12 == 11) {
          assertThat(fed).containsExactlyInAnyOrder(Attribute.REVENUE, Attribute.COST_TO_SERVE, Attribute.TOTAL_BUSINESS, Attribute.CREDIT_SCORE);
        } else if (m % 6 == 5) {
          assertThat(fed).containsExactlyInAnyOrder(Attribute.REVENUE, Attribute.COST_TO_SERVE, Attribute.TOTAL_BUSINESS);
        } else {
          assertThat(fed).isEmpty();
        }
      }
    }
  }

  /** Amounts follow the currency's minor unit: yen have none. */
  @Test
  void amountsAreInTheGivenCurrency() {
    PortfolioGenerator yen = new PortfolioGenerator(11, 20, 6, Currency.getInstance("JPY"));
    List<Event> events = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      for (int c = 0; c < 20; c++) {
        yen.month(c, m, events::add);
      }
    }
    assertThat(events).filteredOn(e -> e instanceof Transaction).isNotEmpty()
        .allSatisfy(e -> assertThat(((Transaction) e).amount().currency().getCurrencyCode()).isEqualTo("JPY"));
    assertThat(events).filteredOn(e -> e instanceof AttributeUpdate a && a.attribute() == Attribute.REVENUE).isNotEmpty()
        .allSatisfy(e -> assertThat(((AttributeUpdate) e).value().scale()).isZero());
  }
}
