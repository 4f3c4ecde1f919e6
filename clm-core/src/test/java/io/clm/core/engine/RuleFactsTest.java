package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.CustomerMetrics;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules read a customer's facts through the state itself (its {@link CustomerMetrics}), not
 * through the public {@link MetricsSnapshot}: every measure the state answers must be the one the
 * whole event list gives, computed the naive way ({@link ReferenceMetrics}).
 */
class RuleFactsTest {
  private static final long WINDOW = Duration.ofDays(30).toMillis();

  @Test
  void theFactsTheRulesReadEqualANaiveRecomputationFromTheFullEventList() {
    for (long seed = 1; seed <= 40; seed++) {
      CoreLifecycleEngine engine = Fixtures.engine();
      List<Event> log = events(seed, 120, 3);
      log.forEach(engine::ingest);
      Map<CustomerId, List<Event>> byCustomer = new HashMap<>();
      log.forEach(e -> byCustomer.computeIfAbsent(e.customer(), k -> new ArrayList<>()).add(e));
      for (Map.Entry<CustomerId, List<Event>> e : byCustomer.entrySet()) {
        CustomerState state = engine.customers.get(e.getKey());
        MetricsSnapshot expected =
            ReferenceMetrics.of(e.getValue(), state.currency(), WINDOW, state.stageEnteredAt, state.transactionsInStage);
        assertThat(answers(state)).as("seed %d, customer %s", seed, e.getKey()).isEqualTo(answers(expected));
      }
    }
  }

  /**
   * The rarely used facts of one customer, each set so that a measure reading the wrong one, or
   * none, is told apart: one survey, one complaint of each outcome, one consent each way.
   */
  @Test
  void theRarelyUsedFactsAreReadAsStated() {
    CoreLifecycleEngine engine = Fixtures.engine();
    CustomerId c = Fixtures.customer(1);
    Instant t = Fixtures.START;
    engine.ingest(new io.clm.api.event.ComplaintOpened("o1", c, t, "open", io.clm.api.event.Severity.URGENT));
    engine.ingest(new io.clm.api.event.ComplaintOpened("o2", c, t, "accepted", io.clm.api.event.Severity.NORMAL));
    engine.ingest(new io.clm.api.event.ComplaintResolved("r2", c, t.plusSeconds(60), "accepted", true));
    engine.ingest(new io.clm.api.event.ComplaintOpened("o3", c, t, "rejected", io.clm.api.event.Severity.NORMAL));
    engine.ingest(new io.clm.api.event.ComplaintResolved("r3", c, t.plusSeconds(60), "rejected", false));
    engine.ingest(new io.clm.api.event.ComplaintResolved("r4", c, t.plusSeconds(60), "rejected-too", false));
    engine.ingest(io.clm.api.event.Interaction.survey("s1", c, t.plusSeconds(120), io.clm.api.event.Channel.ONLINE, 7));
    engine.ingest(new io.clm.api.event.ConsentChange("k1", c, t, Purpose.values()[0], true));
    engine.ingest(new io.clm.api.event.ConsentChange("k2", c, t, Purpose.values()[1], false));

    CustomerState s = engine.customers.get(c);
    assertThat(s.complaintsOpened()).isEqualTo(4);
    assertThat(s.openComplaints()).isEqualTo(1);
    assertThat(s.openUrgentComplaints()).isEqualTo(1);
    assertThat(s.acceptedResolutions()).isEqualTo(1);
    assertThat(s.rejectedResolutions()).isEqualTo(2);
    assertThat(s.surveyCount()).isEqualTo(1);
    assertThat(s.satisfactionSum()).isEqualTo(7);
    assertThat(s.lastSatisfaction()).isEqualTo(7);
    assertThat(s.interactionCount()).isEqualTo(1);
    assertThat(s.lastInteraction()).isEqualTo(t.plusSeconds(120).toEpochMilli());
    assertThat(s.consents(Purpose.values()[0])).isTrue();
    assertThat(s.consents(Purpose.values()[1])).isFalse();
    assertThat(s.firstSeen()).isEqualTo(t.toEpochMilli());
    assertThat(s.digitalTransactionCount()).isZero();
    assertThat(s.firstTransaction()).isEqualTo(CustomerMetrics.NONE);
  }

  /**
   * Attributes set from the last to the first, so that each is inserted before those held: the
   * value a rule reads for each is its own.
   */
  @Test
  void attributesInsertedBeforeOthersAreEachReadWithTheirOwnValue() {
    CoreLifecycleEngine engine = Fixtures.engine();
    CustomerId c = Fixtures.customer(1);
    Attribute[] all = Attribute.values();
    for (int i = all.length - 1; i >= 0; i--) {
      engine.ingest(new io.clm.api.event.AttributeUpdate("a" + i, c, Fixtures.START, all[i], FactTiesTest.valueFor(all[i])));
    }
    CustomerState s = engine.customers.get(c);
    for (Attribute a : all) {
      assertThat(s.attribute(a)).as(a.name()).isEqualTo(FactTiesTest.valueFor(a).doubleValue());
    }
  }

  /** Every answer of a {@link CustomerMetrics}, by name, at a few instants. */
  private static Map<String, Object> answers(CustomerMetrics m) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("currency", m.currency());
    a.put("firstSeen", m.firstSeen());
    for (ProductType p : ProductType.values()) {
      for (Direction d : Direction.values()) {
        a.put("transactionCount " + p + " " + d, m.transactionCount(p, d));
        a.put("transactionMinor " + p + " " + d, m.transactionMinor(p, d));
      }
      a.put("productsOpened " + p, m.productsOpened(p));
      a.put("productsClosed " + p, m.productsClosed(p));
      a.put("productsHeld " + p, m.productsHeld(p));
    }
    for (Direction d : Direction.values()) {
      a.put("transactionCount " + d, m.transactionCount(d));
      a.put("transactionMinor " + d, m.transactionMinor(d));
    }
    a.put("digitalTransactionCount", m.digitalTransactionCount());
    a.put("firstTransaction", m.firstTransaction());
    a.put("lastTransaction", m.lastTransaction());
    a.put("trendWindowMillis", m.trendWindowMillis());
    long first = Math.floorDiv(Fixtures.START.toEpochMilli(), WINDOW);
    for (long w = first - 1; w <= first + 8; w++) {
      a.put("windowVolumeMinor " + w, m.windowVolumeMinor(w));
    }
    a.put("interactionCount", m.interactionCount());
    a.put("lastInteraction", m.lastInteraction());
    a.put("surveyCount", m.surveyCount());
    a.put("satisfactionSum", m.satisfactionSum());
    a.put("lastSatisfaction", m.lastSatisfaction());
    a.put("complaintsOpened", m.complaintsOpened());
    a.put("openComplaints", m.openComplaints());
    a.put("openUrgentComplaints", m.openUrgentComplaints());
    a.put("acceptedResolutions", m.acceptedResolutions());
    a.put("rejectedResolutions", m.rejectedResolutions());
    for (Attribute x : Attribute.values()) {
      a.put("attribute " + x, m.attribute(x));
    }
    for (Purpose p : Purpose.values()) {
      a.put("consents " + p, m.consents(p));
    }
    a.put("relationshipClosedAt", m.relationshipClosedAt());
    a.put("debtsSettled", m.debtsSettled());
    a.put("stageEnteredAt", m.stageEnteredAt());
    a.put("transactionsInStage", m.transactionsInStage());
    for (Instant now : List.of(Fixtures.START.plus(Duration.ofDays(100)), Fixtures.START.plus(Duration.ofDays(400)))) {
      for (Metric metric : Metric.values()) {
        a.put(metric + " at " + now, m.value(metric, now.toEpochMilli()));
      }
    }
    return a;
  }
}
