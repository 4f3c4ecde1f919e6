package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The figures a pipeline keeps, worked out by hand for the six-stage model: a customer's first
 * transaction moves it from potential to development, and a customer without transactions for
 * well over a year moves from development to termination.
 */
class PipelineTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant FLOW_START = START.plus(Duration.ofDays(1));
  private static final Instant LATER = START.plus(Duration.ofDays(800));
  /** The engine's clock, after every event and advance. */
  private static final Instant NOW = START.plus(Duration.ofDays(1000));
  /** The stages of the model, in order. */
  private static final List<String> STAGES = List.of("potential", "development", "growth", "maturity", "decline", "termination");
  private static final int POTENTIAL = 0;
  private static final int DEVELOPMENT = 1;
  private static final int TERMINATION = 5;

  private static Pipeline pipeline() {
    return new Pipeline(Clm.builder().model("banking-six-stage").currency("EUR").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
  }

  private static Event credit(String id, String customer, Instant at) {
    return new Transaction(id, CustomerId.of(customer), at, Direction.CREDIT, Money.of("10.00", "EUR"), ProductType.CURRENT_ACCOUNT,
        Channel.MOBILE);
  }

  /**
   * Two customers before the flow start, one after it, a duplicate, then time advanced until all
   * three are terminated.
   */
  private static Pipeline run() {
    Pipeline p = pipeline();
    assertThat(p.ingest(credit("t-1", "C-1", START.plusSeconds(60)))).isTrue();
    assertThat(p.ingest(credit("t-2", "C-2", START.plusSeconds(30)))).isTrue();
    assertThat(p.ingest(credit("t-1", "C-1", START.plusSeconds(60)))).isFalse();
    p.markFlowStart(FLOW_START);
    assertThat(p.ingest(credit("t-3", "C-3", FLOW_START.plusSeconds(10)))).isTrue();
    p.advanceTo(LATER);
    return p;
  }

  @Test
  void anEmptyPipelineHasNoEventsAndNoTimes() {
    Pipeline p = pipeline();
    assertThat(p.accepted()).isZero();
    assertThat(p.duplicates()).isZero();
    assertThat(p.earliest()).isNull();
    assertThat(p.latest()).isNull();

    Pipeline.Outcome o = p.finish(0);
    assertThat(o.customers()).isEmpty();
    assertThat(o.flowStart()).isNull();
    assertThat(o.checks()).allSatisfy(c -> assertThat(c.ok()).as(c.what()).isTrue());
  }

  @Test
  void eventsAreCountedAndTheirTimesKeptWhateverTheirOrder() {
    Pipeline p = run();
    assertThat(p.accepted()).isEqualTo(3);
    assertThat(p.duplicates()).isEqualTo(1);
    assertThat(p.earliest()).isEqualTo(START.plusSeconds(30));
    assertThat(p.latest()).isEqualTo(FLOW_START.plusSeconds(10));
  }

  @Test
  void theStagesTransitionsAndFlowAreThoseOfTheCustomers() {
    Pipeline.Outcome o = run().finish(3);

    assertThat(o.customers()).hasSize(3);
    assertThat(o.flowStart()).isEqualTo(FLOW_START);
    assertThat(o.stages()).extracting(Report.StageCount::id, Report.StageCount::family, Report.StageCount::customers).containsExactly(
        tuple("potential", "prospect", 0L), tuple("development", "onboarding", 0L), tuple("growth", "growth", 0L),
        tuple("maturity", "maturity", 0L), tuple("decline", "decline", 0L), tuple("termination", "exit", 3L));
    long[][] transitions = new long[6][6];
    transitions[POTENTIAL][DEVELOPMENT] = 3;
    transitions[DEVELOPMENT][TERMINATION] = 3;
    assertThat(o.transitions()).isDeepEqualTo(transitions);
    // row 0: customers new since the flow start; row 1 + s: customers in stage s at the flow start
    long[][] flow = new long[7][6];
    flow[0][TERMINATION] = 1;
    flow[1 + DEVELOPMENT][TERMINATION] = 2;
    assertThat(o.flow()).isDeepEqualTo(flow);
  }

  @Test
  void theChecksCountTheSameThingsTwoWays() {
    List<Report.Check> checks = run().finish(3).checks();

    assertThat(checks).hasSize(3 + 1 + 2 * STAGES.size());
    assertThat(checks.subList(0, 4)).containsExactly(
        new Report.Check("customers in the input = customers known to the engine", 3, 3),
        new Report.Check("customers known = customers over all stages (each in exactly one)", 3, 3),
        new Report.Check("customers visited = customers over all stages", 3, 3),
        new Report.Check("customers over all flow cells = customers known", 3, 3));
    assertThat(checks).contains(
        new Report.Check("stage potential: customers visited in it = its count", 0, 0),
        // none at the flow start, one new since, which moved on (the moves before the flow start do not count)
        new Report.Check("stage potential: at flow start + new + moved in - moved out = now", 0, 0),
        // two at the flow start, one moved in since, three moved out
        new Report.Check("stage development: at flow start + new + moved in - moved out = now", 0, 0),
        new Report.Check("stage termination: customers visited in it = its count", 3, 3),
        new Report.Check("stage termination: at flow start + new + moved in - moved out = now", 3, 3));
    assertThat(checks).allSatisfy(c -> assertThat(c.ok()).as(c.what()).isTrue());
  }

  @Test
  void aCheckThatFailsShowsBothCounts() {
    Pipeline p = run();
    // an input that held a fourth customer the engine never saw
    List<Report.Check> checks = p.finish(4, "customers in the files = customers known", Map.of()).checks();
    assertThat(checks.get(0)).isEqualTo(new Report.Check("customers in the files = customers known", 4, 3));
    assertThat(checks.get(0).ok()).isFalse();
  }

  @Test
  void customersErasedBeforeTheRunAreLeftOutOfTheFiguresAndChecked() {
    Pipeline p = run();
    // the engine's stage counts keep erased customers; none were erased here, so the check of two fails
    Pipeline.Outcome o = p.finish(3, "customers in the input = customers known to the engine", Map.of("termination", 2L));

    assertThat(o.stages()).extracting(Report.StageCount::customers).containsExactly(0L, 0L, 0L, 0L, 0L, 1L);
    assertThat(o.checks().get(0)).isEqualTo(
        new Report.Check("customers erased in the store = engine's stage counts - customers known", 2, 0));
    assertThat(o.checks().get(1)).isEqualTo(new Report.Check("customers in the input = customers known to the engine", 3, 3));
    assertThat(o.checks().get(2)).isEqualTo(
        new Report.Check("customers known = customers over all stages (each in exactly one)", 3, 1));
  }

  @Test
  void withoutAFlowStartEveryCustomerIsNewAndEveryMoveCounts() {
    Pipeline p = pipeline();
    p.ingest(credit("t-1", "C-1", START.plusSeconds(60)));
    p.ingest(credit("t-2", "C-2", START.plusSeconds(30)));
    Pipeline.Outcome o = p.finish(2);

    long[][] flow = new long[7][6];
    flow[0][DEVELOPMENT] = 2;
    assertThat(o.flow()).isDeepEqualTo(flow);
    assertThat(o.checks()).contains(
        new Report.Check("stage potential: at flow start + new + moved in - moved out = now", 0, 0),
        new Report.Check("stage development: at flow start + new + moved in - moved out = now", 2, 2));
    assertThat(o.checks()).allSatisfy(c -> assertThat(c.ok()).as(c.what()).isTrue());
  }

  @Test
  void aFlowStartHereDoesNotAdvanceTime() {
    Pipeline p = pipeline();
    p.ingest(credit("t-1", "C-1", START.plusSeconds(60)));
    p.flowStartsHere(LATER);
    Pipeline.Outcome o = p.finish(1);
    assertThat(o.flowStart()).isEqualTo(LATER);
    assertThat(o.stages().get(DEVELOPMENT).customers()).isEqualTo(1);
    long[][] flow = new long[7][6];
    flow[1 + DEVELOPMENT][DEVELOPMENT] = 1;
    assertThat(o.flow()).isDeepEqualTo(flow);

    p.markFlowStart(LATER);
    assertThat(p.finish(1).stages().get(TERMINATION).customers()).isEqualTo(1);
  }

  @Test
  void aPipelineCarriesOnWithACopyOfItsEngine() {
    Pipeline p = run();
    var copy = Clm.builder().model("banking-six-stage").currency("EUR").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    p.continueOn(copy);
    assertThat(p.engine()).isSameAs(copy);
    assertThat(p.finish(0).customers()).isEmpty();
  }
}
