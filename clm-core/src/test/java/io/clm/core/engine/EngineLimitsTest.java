package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerMetrics;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Where the engine's limits lie exactly: the deduplication window (an event older than
 * {@code latest - window} is refused, one at exactly that instant is still told from a
 * duplicate) and the per-product counts, capped at 2,147,483,647 (docs/engine.md,
 * "Idempotency and the deduplication window" and "Footprint").
 */
class EngineLimitsTest {
  private static final long MAX_COUNT = Integer.MAX_VALUE;

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  @Test
  void anEventAtTheEdgeOfTheDeduplicationWindowIsAcceptedAndRemembered() {
    LifecycleEngine engine = Fixtures.builder().deduplicationWindow(Duration.ofDays(10)).build();
    engine.ingest(tx("e0", 1, day(0), "1.00"));
    // enough later events for the customer's seen events to be rebuilt with day 0 as the cutoff
    for (int i = 1; i <= 8; i++) {
      engine.ingest(tx("e" + i, 1, day(10), "1.00"));
    }
    assertThat(engine.ingest(tx("e0", 1, day(0), "1.00")).duplicate()).as("at latest - window").isTrue();
    assertThat(engine.ingest(tx("edge", 1, day(0), "1.00")).duplicate()).isFalse();
    assertThatThrownBy(() -> engine.ingest(tx("old", 1, day(0).minusMillis(1), "1.00")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("event 'old'")
        .hasMessageContaining("older than the deduplication window PT240H");
    assertThat(engine.customer(customer(1)).orElseThrow().metrics().transactionCount(
        ProductType.CURRENT_ACCOUNT, Direction.DEBIT)).isEqualTo(10);
  }

  /** An engine holding customer 1 with {@code count} debits and {@code count} accounts opened. */
  private static LifecycleEngine withCounts(long count) {
    LifecycleEngine source = Fixtures.builder().build();
    source.ingest(tx("e1", 1, day(0), "1.00"));
    source.ingest(new ProductOpened("p1", customer(1), day(0), ProductType.CURRENT_ACCOUNT));
    String json = snapshot(source);
    String edited = json.replaceAll("\"debitCount\" ?: ?1\\b", "\"debitCount\" : " + count)
        .replaceAll("\"opened\" ?: ?1\\b", "\"opened\" : " + count);
    assertThat(edited).contains("\"debitCount\" : " + count, "\"opened\" : " + count);
    LifecycleEngine engine = Fixtures.builder().build();
    engine.importSnapshot(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
    return engine;
  }

  private static CustomerMetrics metrics(LifecycleEngine engine) {
    return engine.customer(customer(1)).orElseThrow().metrics();
  }

  @Test
  void aTransactionCountMayReachTheCapButNotPassIt() {
    LifecycleEngine engine = withCounts(MAX_COUNT - 1);
    engine.ingest(tx("e2", 1, day(1), "1.00"));
    assertThat(metrics(engine).transactionCount(ProductType.CURRENT_ACCOUNT, Direction.DEBIT)).isEqualTo(MAX_COUNT);
    String before = snapshot(engine);

    assertThatThrownBy(() -> engine.ingest(tx("e3", 1, day(2), "1.00")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("transaction count of CURRENT_ACCOUNT overflows the customer's totals in event 'e3'");
    assertThat(snapshot(engine)).isEqualTo(before);
    // the other direction and other products are counted apart
    engine.ingest(new Transaction("e4", customer(1), day(2), Direction.CREDIT, Fixtures.eur("1.00"),
        ProductType.CURRENT_ACCOUNT, Channel.BRANCH));
    assertThat(metrics(engine).transactionCount(ProductType.CURRENT_ACCOUNT, Direction.CREDIT)).isEqualTo(1);
  }

  @Test
  void aProductCountMayReachTheCapButNotPassIt() {
    LifecycleEngine engine = withCounts(MAX_COUNT - 1);
    engine.ingest(new ProductOpened("p2", customer(1), day(1), ProductType.CURRENT_ACCOUNT));
    assertThat(metrics(engine).productsOpened(ProductType.CURRENT_ACCOUNT)).isEqualTo(Integer.MAX_VALUE);
    String before = snapshot(engine);

    assertThatThrownBy(() -> engine.ingest(new ProductOpened("p3", customer(1), day(2), ProductType.CURRENT_ACCOUNT)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("product count of CURRENT_ACCOUNT overflows the customer's totals in event 'p3'");
    assertThat(snapshot(engine)).isEqualTo(before);
    engine.ingest(new ProductClosed("c1", customer(1), day(2), ProductType.CURRENT_ACCOUNT));
    assertThat(metrics(engine).productsClosed(ProductType.CURRENT_ACCOUNT)).isEqualTo(1);
    assertThat(metrics(engine).productsOpened(ProductType.CURRENT_ACCOUNT)).isEqualTo(Integer.MAX_VALUE);
  }

  /** An engine holding customer 1 as {@code events} left it, with the snapshot's {@code field} set to {@code value}. */
  private static LifecycleEngine edited(String field, long value, io.clm.api.event.Event... events) {
    LifecycleEngine source = Fixtures.builder().build();
    for (io.clm.api.event.Event e : events) {
      source.ingest(e);
    }
    String json = snapshot(source);
    String edited = json.replaceFirst("\"" + field + "\" ?: ?[0-9]+", "\"" + field + "\" : " + value);
    assertThat(edited).isNotEqualTo(json);
    LifecycleEngine engine = Fixtures.builder().build();
    engine.importSnapshot(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
    return engine;
  }

  private static void assertOverflowRefused(LifecycleEngine engine, io.clm.api.event.Event event, String count, long value) {
    String before = snapshot(engine);
    assertThatThrownBy(() -> engine.ingest(event))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("count '" + count + "' is " + value + " and overflows the customer's totals in event '" + event.id() + "'");
    assertThatThrownBy(() -> engine.ingestAll(java.util.List.of(event)))
        .isInstanceOf(InvalidEventException.class);
    assertThat(snapshot(engine)).isEqualTo(before);
    assertThat(engine.customer(customer(1))).isPresent();
  }

  private static Transaction online(String id, Instant at) {
    return new Transaction(id, customer(1), at, Direction.DEBIT, Fixtures.eur("1.00"), ProductType.CARD, Channel.ONLINE);
  }

  @Test
  void anInteractionOrSurveyCountAtItsLargestValueRefusesTheNextOneAndNothingChanges() {
    LifecycleEngine interactions = edited("interactions", Long.MAX_VALUE, tx("e1", 1, day(0), "1.00"));
    assertOverflowRefused(interactions, contact("i1", day(1)), "interactions", Long.MAX_VALUE);

    LifecycleEngine surveys = edited("surveys", Integer.MAX_VALUE, tx("e1", 1, day(0), "1.00"));
    assertOverflowRefused(surveys, io.clm.api.event.Interaction.survey("s1", customer(1), day(1), Channel.ONLINE, 7),
        "surveys", Integer.MAX_VALUE);
    surveys.ingest(contact("i1", day(1)));
    assertThat(metrics(surveys).interactionCount()).isEqualTo(1);
  }

  @Test
  void aDigitalOrInStageTransactionCountAtItsLargestValueRefusesTheNextOneAndNothingChanges() {
    LifecycleEngine digital = edited("digitalTransactions", Long.MAX_VALUE, tx("e1", 1, day(0), "1.00"));
    assertOverflowRefused(digital, online("e2", day(1)), "digitalTransactions", Long.MAX_VALUE);
    digital.ingest(tx("e3", 1, day(1), "1.00"));

    LifecycleEngine inStage = edited("transactionsInStage", Long.MAX_VALUE, tx("e1", 1, day(0), "1.00"));
    assertOverflowRefused(inStage, tx("e2", 1, day(1), "1.00"), "transactionsInStage", Long.MAX_VALUE);
  }

  @Test
  void aMoveOutOfATerminalStageThatWouldOverflowTheCycleCountIsRefusedAndNothingChanges() {
    LifecycleEngine engine = edited("cycle", Integer.MAX_VALUE, tx("e1", 1, day(0), "1.00"),
        new io.clm.api.event.RelationshipClosed("c1", customer(1), day(1), true));
    assertThat(engine.customer(customer(1)).orElseThrow().stage()).isEqualTo("closed");
    // a transaction would fire the win-back rule out of the terminal stage
    assertOverflowRefused(engine, tx("e2", 1, day(2), "1.00"), "cycle", Integer.MAX_VALUE);
    assertOverflowRefused(engine, new io.clm.api.event.ManualMove("m1", customer(1), day(2), "active", "rm-7", "back"),
        "cycle", Integer.MAX_VALUE);
    // an event that moves nothing is still taken
    assertThat(engine.ingest(contact("i1", day(2))).changes()).isEmpty();
    assertThat(engine.customer(customer(1)).orElseThrow().cycle()).isEqualTo(Integer.MAX_VALUE);
  }

  private static io.clm.api.event.Interaction contact(String id, Instant at) {
    return io.clm.api.event.Interaction.of(id, customer(1), at, io.clm.api.event.InteractionKind.CONTACT, Channel.PHONE);
  }

  @Test
  void aTimeDrivenRuleOutOfATerminalStageDoesNotFireWhenItWouldOverflowTheCycleCount() {
    io.clm.api.model.LifecycleModel model = io.clm.api.model.LifecycleModel.builder("reopening")
        .stage("open", io.clm.api.StageFamily.GROWTH)
        .stage("closed", io.clm.api.StageFamily.EXIT)
        .initial("open")
        .terminal("closed")
        .forwardOnly(false)
        .rule("close").from("open").to("closed").priority(1)
        .when(io.clm.api.Metric.RELATIONSHIP_CLOSED.atLeast(1))
        .rule("reopen").from("closed").to("open").priority(1)
        .when(io.clm.api.Metric.DAYS_IN_STAGE.atLeast(30))
        .build();
    java.util.function.Supplier<LifecycleEngine> engines = () -> io.clm.api.Clm.builder().model(model).currency("EUR")
        .clock(Fixtures.CLOCK).trendWindow(Duration.ofDays(30)).idMask(Fixtures.MASK).build();
    LifecycleEngine source = engines.get();
    source.ingest(new io.clm.api.event.RelationshipClosed("c1", customer(1), day(0), true));
    assertThat(source.advanceTo(day(40))).extracting(io.clm.api.StageChange::to).containsExactly("open", "closed");
    assertThat(source.customer(customer(1)).orElseThrow().cycle()).isEqualTo(1);

    LifecycleEngine capped = engines.get();
    capped.ingest(new io.clm.api.event.RelationshipClosed("c1", customer(1), day(0), true));
    String json = snapshot(capped).replaceFirst("\"cycle\" : 0", "\"cycle\" : " + Integer.MAX_VALUE);
    capped.importSnapshot(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(capped.advanceTo(day(40))).isEmpty();
    assertThat(capped.advanceTo(day(80))).isEmpty();
    assertThat(capped.customer(customer(1)).orElseThrow())
        .satisfies(c -> assertThat(c.stage()).isEqualTo("closed"))
        .satisfies(c -> assertThat(c.cycle()).isEqualTo(Integer.MAX_VALUE));
  }
}
