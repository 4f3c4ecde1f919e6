package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Cause;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.StageChange;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stage timings, due instants and the bound on rule evaluation (docs/engine.md, "Rules" and "Time
 * and advanceTo"), on the fixture model: prospect, active after the first transaction, loyal after
 * three, dormant after 30 days without a transaction, back to active on a transaction.
 */
class StageTimeTest {
  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  @Test
  void theTimeSpentInAStageAddsUpOverEveryVisit() {
    LifecycleEngine engine = Fixtures.builder().build();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    assertThat(engine.advanceTo(day(30))).extracting(StageChange::to).containsExactly("dormant");
    assertThat(engine.ingest(tx("e2", 1, day(40), "10.00")).changes()).extracting(StageChange::to).containsExactly("active");
    assertThat(engine.ingest(tx("e3", 1, day(41), "10.00")).changes()).extracting(StageChange::to).containsExactly("loyal");

    Customer c = engine.customer(customer(1)).orElseThrow();
    assertThat(c.stage()).isEqualTo("loyal");
    assertThat(c.completedStageMillis())
        .isEqualTo(Map.of(
            "prospect", 0L,
            "active", Duration.ofDays(30 + 1).toMillis(),
            "dormant", Duration.ofDays(10).toMillis()));
    assertThat(c.stageEnteredAt()).isEqualTo(day(41));
    assertThat(c.metrics().transactionsInStage()).isZero();
    assertThat(c.timeInStage("active", day(50))).isEqualTo(Duration.ofDays(31));
    assertThat(c.timeInStage("loyal", day(50))).isEqualTo(Duration.ofDays(9));
    assertThat(c.cycle()).isZero();
  }

  @Test
  void aRuleOverElapsedTimeIsDueAtTheInstantItHoldsAndNotBefore() {
    LifecycleEngine engine = Fixtures.builder().build();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    Instant due = day(30);
    assertThat(engine.advanceTo(due.minusMillis(1))).isEmpty();
    List<StageChange> changes = engine.advanceTo(due);
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.to()).isEqualTo("dormant");
      assertThat(change.at()).isEqualTo(due);
      assertThat(change.cause()).isEqualTo(new Cause.Rule("active-idle"));
      assertThat(change.evidence()).isEqualTo(Map.of("DAYS_SINCE_LAST_TRANSACTION", 30.0));
    });
    assertThat(engine.advanceTo(due)).as("nothing is due twice").isEmpty();
  }

  @Test
  void aCallAtTheSameInstantAgainEvaluatesWhatBecameDueSince() {
    LifecycleEngine engine = Fixtures.builder().build();
    assertThat(engine.advanceTo(day(100))).isEmpty();
    // a late event: its customer's idle rule held already at day 100
    engine.ingest(tx("e1", 1, day(60), "10.00"));
    assertThat(engine.customer(customer(1)).orElseThrow().stage()).isEqualTo("active");
    assertThat(engine.advanceTo(day(99))).as("earlier than a previous call: ignored").isEmpty();
    assertThat(engine.advanceTo(day(100)))
        .singleElement()
        .satisfies(change -> {
          assertThat(change.to()).isEqualTo("dormant");
          assertThat(change.at()).isEqualTo(day(100));
        });
  }

  @Test
  void rulesFireAtMostOncePerStageOfTheModelForOneEvent() {
    // two stages whose rules both hold after any transaction: one event moves there and back
    LifecycleModel pingPong =
        LifecycleModel.builder("ping-pong")
            .stage("ping", StageFamily.GROWTH)
            .stage("pong", StageFamily.MATURITY)
            .initial("ping")
            .forwardOnly(false)
            .rule("to-pong").from("ping").to("pong").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1))
            .rule("to-ping").from("pong").to("ping").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1))
            .build();
    LifecycleEngine engine =
        Clm.builder().model(pingPong).currency("EUR").clock(Fixtures.CLOCK).idMask(Fixtures.MASK).build();
    List<StageChange> changes = engine.ingest(tx("e1", 1, day(0), "10.00")).changes();
    assertThat(changes).extracting(StageChange::from, StageChange::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ping", "pong"), org.assertj.core.groups.Tuple.tuple("pong", "ping"));
    assertThat(engine.customer(customer(1)).orElseThrow().stage()).isEqualTo("ping");
  }

  @Test
  void advanceToBeyondTheSupportedYearsIsTakenAsTheirEdge() {
    LifecycleEngine engine = Fixtures.builder().build();
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    assertThat(engine.advanceTo(Instant.MIN)).isEmpty();
    Instant last = Instant.parse("9999-12-31T23:59:59.999Z");
    assertThat(engine.advanceTo(Instant.MAX)).singleElement().satisfies(change -> {
      assertThat(change.to()).isEqualTo("dormant");
      assertThat(change.at()).isEqualTo(last);
    });
    assertThat(engine.customer(customer(1)).orElseThrow().stageEnteredAt()).isEqualTo(last);
    assertThat(engine.advanceTo(last.minusMillis(1))).isEmpty();
  }

  @Test
  void everyLiveCustomerIsVisitedAndNoErasedOne() {
    LifecycleEngine engine = Fixtures.builder().build();
    for (int i = 0; i < 5; i++) {
      engine.ingest(tx("e" + i, i, day(i), "10.00"));
    }
    engine.erase(customer(2));
    List<String> seen = new java.util.ArrayList<>();
    engine.forEachCustomer(c -> seen.add(c.id().value()));
    assertThat(seen).containsExactlyInAnyOrder("cust-0", "cust-1", "cust-3", "cust-4");
    assertThat(engine.history(customer(2))).isEmpty();
    assertThat(engine.customer(customer(9))).isEmpty();
    assertThat(engine.history(customer(9))).isEmpty();
  }
}
