package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.Purpose;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The facts that keep "the latest" of something, at equal timestamps: ties are broken by value,
 * the conservative way (docs/engine.md, the table of facts), so that either arrival order gives
 * the same metrics. Each case is ingested in both orders and checked against the rule.
 */
class FactTiesTest {
  private static final CustomerId C = customer(1);
  private static final Instant T = START.plus(Duration.ofDays(3));
  private static final Instant LATER = T.plus(Duration.ofHours(1));

  /** Ingests {@code events} in the given order and in reverse, and checks both outcomes. */
  private static void inBothOrders(List<Event> events, Consumer<MetricsSnapshot> check) {
    List<Event> reversed = new ArrayList<>(events);
    java.util.Collections.reverse(reversed);
    for (List<Event> order : List.of(events, reversed)) {
      LifecycleEngine engine = Fixtures.builder().build();
      order.forEach(engine::ingest);
      check.accept(engine.customer(C).orElseThrow().metrics());
    }
  }

  private static Interaction survey(String id, Instant at, int score) {
    return Interaction.survey(id, C, at, Channel.ONLINE, score);
  }

  @Test
  void theLastSurveyScoreIsTheLatestAndTheLowerOneAtEqualTimes() {
    inBothOrders(List.of(survey("s1", T, 8), survey("s2", T, 3)), m -> {
      assertThat(m.lastSatisfaction()).isEqualTo(3);
      assertThat(m.lastSurveyAt()).isEqualTo(T.toEpochMilli());
      assertThat(m.surveys()).isEqualTo(2);
      assertThat(m.satisfactionSum()).isEqualTo(11);
    });
    inBothOrders(List.of(survey("s1", T, 3), survey("s2", LATER, 8)), m -> {
      assertThat(m.lastSatisfaction()).isEqualTo(8);
      assertThat(m.lastSurveyAt()).isEqualTo(LATER.toEpochMilli());
    });
  }

  @Test
  void anAttributeIsTheLatestUpdateAndTheLargerValueAtEqualTimes() {
    inBothOrders(
        List.of(
            new AttributeUpdate("a1", C, T, Attribute.CREDIT_SCORE, BigDecimal.valueOf(700)),
            new AttributeUpdate("a2", C, T, Attribute.CREDIT_SCORE, BigDecimal.valueOf(650))),
        m -> {
          assertThat(m.attributes().get(Attribute.CREDIT_SCORE).value()).isEqualByComparingTo("700");
          assertThat(m.attribute(Attribute.CREDIT_SCORE)).isEqualTo(700.0);
          assertThat(m.attributes().get(Attribute.CREDIT_SCORE).at()).isEqualTo(T.toEpochMilli());
        });
    inBothOrders(
        List.of(
            new AttributeUpdate("a1", C, LATER, Attribute.CREDIT_SCORE, BigDecimal.valueOf(650)),
            new AttributeUpdate("a2", C, T, Attribute.CREDIT_SCORE, BigDecimal.valueOf(700))),
        m -> assertThat(m.attribute(Attribute.CREDIT_SCORE)).isEqualTo(650.0));
  }

  /**
   * Two updates at equal times with equal values written with different digits ({@code 700} and
   * {@code 700.00}) are one value, and the metrics show the same one whatever the arrival order:
   * the one written with more fraction digits.
   */
  @Test
  void ofEqualValuesAtEqualTimesTheOneWithMoreFractionDigitsIsKeptInEitherOrder() {
    inBothOrders(
        List.of(
            new AttributeUpdate("a1", C, T, Attribute.TOTAL_BUSINESS, new BigDecimal("700")),
            new AttributeUpdate("a2", C, T, Attribute.TOTAL_BUSINESS, new BigDecimal("700.00"))),
        m -> {
          assertThat(m.attributes().get(Attribute.TOTAL_BUSINESS).value()).isEqualTo(new BigDecimal("700.00"));
          assertThat(m.attribute(Attribute.TOTAL_BUSINESS)).isEqualTo(700.0);
        });
  }

  /** A value within the attribute's range, different for each attribute. */
  static BigDecimal valueFor(Attribute a) {
    BigDecimal n = BigDecimal.valueOf(a.ordinal() + 1);
    return switch (a.kind()) {
      case MONEY, SCORE_1000, NON_NEGATIVE -> n;
      case UNIT -> n.movePointLeft(2);
      case FLAG -> BigDecimal.ONE;
    };
  }

  @Test
  void attributesSetInAnyOrderAreEachKeptWithTheirOwnValue() {
    Attribute[] all = Attribute.values();
    List<Event> updates = new ArrayList<>();
    // from the last attribute to the first, so that each one is inserted before those already held
    for (int i = all.length - 1; i >= 0; i--) {
      updates.add(new AttributeUpdate("a" + i, C, T, all[i], valueFor(all[i])));
    }
    inBothOrders(updates, m -> {
      assertThat(m.attributes()).hasSize(all.length);
      for (Attribute a : all) {
        assertThat(m.attribute(a)).as(a.name()).isEqualTo(valueFor(a).doubleValue());
        assertThat(m.attributes().get(a).value()).as(a.name()).isEqualByComparingTo(valueFor(a));
      }
    });
  }

  @Test
  void aConsentIsTheLatestChangeAndWithdrawalAtEqualTimes() {
    inBothOrders(
        List.of(new ConsentChange("p1", C, T, Purpose.MARKETING, true), new ConsentChange("p2", C, T, Purpose.MARKETING, false)),
        m -> {
          assertThat(m.consents(Purpose.MARKETING)).isFalse();
          assertThat(m.consents().get(Purpose.MARKETING).at()).isEqualTo(T.toEpochMilli());
        });
    inBothOrders(
        List.of(new ConsentChange("p1", C, T, Purpose.MARKETING, false), new ConsentChange("p2", C, LATER, Purpose.MARKETING, true)),
        m -> assertThat(m.consents(Purpose.MARKETING)).isTrue());
  }

  @Test
  void aClosureIsTheLatestAndDebtsNotSettledAtEqualTimes() {
    inBothOrders(
        List.of(new RelationshipClosed("r1", C, T, true), new RelationshipClosed("r2", C, T, false)),
        m -> {
          assertThat(m.debtsSettled()).isFalse();
          assertThat(m.relationshipClosedAt()).isEqualTo(T.toEpochMilli());
        });
    inBothOrders(
        List.of(new RelationshipClosed("r1", C, T, false), new RelationshipClosed("r2", C, LATER, true)),
        m -> {
          assertThat(m.debtsSettled()).isTrue();
          assertThat(m.relationshipClosedAt()).isEqualTo(LATER.toEpochMilli());
        });
  }

  @Test
  void aComplaintsSeverityIsTheLatestOpenAndUrgentAtEqualTimes() {
    inBothOrders(
        List.of(new ComplaintOpened("o1", C, T, "k1", Severity.URGENT), new ComplaintOpened("o2", C, T, "k1", Severity.NORMAL)),
        m -> {
          assertThat(m.complaints()).containsExactly(new MetricsSnapshot.ComplaintRecord("k1", Severity.URGENT, true, null));
          assertThat(m.openUrgentComplaints()).isEqualTo(1);
          assertThat(m.openComplaints()).isEqualTo(1);
        });
    inBothOrders(
        List.of(new ComplaintOpened("o1", C, T, "k1", Severity.URGENT), new ComplaintOpened("o2", C, LATER, "k1", Severity.NORMAL)),
        m -> {
          assertThat(m.complaints()).containsExactly(new MetricsSnapshot.ComplaintRecord("k1", Severity.NORMAL, true, null));
          assertThat(m.openUrgentComplaints()).isZero();
        });
  }

  @Test
  void aResolutionsAcceptanceIsTheLatestAndRejectionAtEqualTimes() {
    ComplaintOpened opened = new ComplaintOpened("o1", C, START, "k1", Severity.NORMAL);
    inBothOrders(
        List.of(opened, new ComplaintResolved("d1", C, T, "k1", true), new ComplaintResolved("d2", C, T, "k1", false)),
        m -> {
          assertThat(m.complaints()).containsExactly(new MetricsSnapshot.ComplaintRecord("k1", Severity.NORMAL, false, false));
          assertThat(m.rejectedResolutions()).isEqualTo(1);
          assertThat(m.acceptedResolutions()).isZero();
          assertThat(m.openComplaints()).isZero();
        });
    inBothOrders(
        List.of(opened, new ComplaintResolved("d1", C, T, "k1", false), new ComplaintResolved("d2", C, LATER, "k1", true)),
        m -> {
          assertThat(m.acceptedResolutions()).isEqualTo(1);
          assertThat(m.rejectedResolutions()).isZero();
        });
  }

  @Test
  void aComplaintIsOpenOnlyWhileItsLatestOpenIsLaterThanItsLatestResolution() {
    // opened and resolved at the same instant: not later, so not open
    inBothOrders(
        List.of(new ComplaintOpened("o1", C, T, "k1", Severity.URGENT), new ComplaintResolved("d1", C, T, "k1", true)),
        m -> {
          assertThat(m.openComplaints()).isZero();
          assertThat(m.openUrgentComplaints()).isZero();
          assertThat(m.acceptedResolutions()).isEqualTo(1);
        });
    // reopened after its resolution
    inBothOrders(
        List.of(
            new ComplaintOpened("o1", C, T, "k1", Severity.NORMAL),
            new ComplaintResolved("d1", C, T.plusSeconds(1), "k1", true),
            new ComplaintOpened("o2", C, LATER, "k1", Severity.URGENT)),
        m -> {
          assertThat(m.openComplaints()).isEqualTo(1);
          assertThat(m.openUrgentComplaints()).isEqualTo(1);
          assertThat(m.acceptedResolutions()).isZero();
          assertThat(m.complaintsOpened()).isEqualTo(1);
        });
    // a resolution whose open never arrived: a complaint opened elsewhere, NORMAL, resolved
    inBothOrders(
        List.of(new ComplaintResolved("d1", C, T, "k2", false), new ComplaintResolved("d2", C, T, "k1", true)),
        m -> {
          assertThat(m.complaints())
              .containsExactlyInAnyOrder(
                  new MetricsSnapshot.ComplaintRecord("k1", Severity.NORMAL, false, true),
                  new MetricsSnapshot.ComplaintRecord("k2", Severity.NORMAL, false, false));
          assertThat(m.complaintsOpened()).isEqualTo(2);
        });
  }
}
