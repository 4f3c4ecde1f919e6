package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Complaint events flow into the lifecycle engine's metrics. */
class LifecycleIntegrationTest {

  @Test
  void openUrgentComplaintsAreCountedUntilResolved() {
    LifecycleEngine engine = Clm.builder().model("relationship-seven-period").currency("CNY").build();
    ComplaintDesk desk = ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.china())
        .classificationRules(List.of(ClassificationRule.keywords("fraud", List.of("fraud"))))
        .events(engine::ingest)
        .build();
    CustomerId customer = CustomerId.of("CN-7");
    Instant t0 = Instant.parse("2025-03-10T02:00:00Z");
    String id = desk.open(Intake.of(ComplaintChannel.BRANCH, customer, t0, "possible card fraud"), "teller").id();
    desk.acknowledge(id, "teller", t0);
    desk.classify(id, "system", t0);
    Instant t1 = t0.plusSeconds(60);
    assertThat(engine.customer(customer).orElseThrow().metric(Metric.OPEN_URGENT_COMPLAINTS, t1)).isEqualTo(1.0);
    desk.assign(id, "system", t1);
    desk.start(id, "cards", t1);
    Instant t2 = t1.plusSeconds(3600);
    desk.resolve(id, new Resolution("card blocked and reissued", Optional.of(Money.of("0.00", "CNY")), "card-fraud"), "cards", t2);
    desk.accept(id, "teller", t2);
    assertThat(engine.customer(customer).orElseThrow().metric(Metric.OPEN_URGENT_COMPLAINTS, t2.plusSeconds(1))).isEqualTo(0.0);
    assertThat(engine.customer(customer).orElseThrow().metric(Metric.TOTAL_COMPLAINTS, t2.plusSeconds(1))).isEqualTo(1.0);
  }

  @Test
  void withTheDefaultsWhatTheDeskAcceptsTheEngineAcceptsAndNothingWaitsInTheOutbox() {
    Clock wall = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), ZoneOffset.UTC);
    LifecycleEngine engine = Clm.builder().model("relationship-seven-period").currency("CNY").clock(wall).build();
    ComplaintDesk desk = ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.china())
        .wallClock(wall)
        .events(engine::ingest)
        .build();
    CustomerId customer = CustomerId.of("CN-8");
    // five minutes ahead of both clocks: the limit of either
    Instant ahead = Instant.parse("2025-03-10T02:05:00Z");
    String id = desk.open(Intake.of(ComplaintChannel.BRANCH, customer, ahead, "fee charged twice"), "teller").id();
    desk.acknowledge(id, "teller", ahead);
    desk.classify(id, "system", ahead);
    desk.assign(id, "system", ahead);
    desk.start(id, "cards", ahead);
    assertThat(desk.pendingEvents()).as("events waiting in the outbox").isZero();
    assertThat(engine.customer(customer).orElseThrow().metric(Metric.OPEN_COMPLAINTS, ahead)).isEqualTo(1.0);
    // an hour ahead: refused by the desk, rather than accepted and then held in its outbox
    Instant hourAhead = Instant.parse("2025-03-10T03:00:00Z");
    assertThatThrownBy(() -> desk.resolve(id, new Resolution("refunded", Optional.empty(), "fees"), "cards", hourAhead))
        .isInstanceOf(ValidationException.class)
        .hasMessage("at 2025-03-10T03:00:00Z is more than PT5M after the wall clock 2025-03-10T02:00:00Z");
    assertThat(desk.pendingEvents()).isZero();
    assertThat(engine.customer(customer).orElseThrow().metric(Metric.OPEN_COMPLAINTS, ahead)).isEqualTo(1.0);
  }
}
