package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.anyCustomer;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.InvalidEventException;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.SnapshotException;
import io.clm.api.StageFamily;
import io.clm.api.UnknownCustomerException;
import io.clm.api.UnknownCustomers;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.model.LifecycleModel;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input gets a typed exception with an exact message and leaves the state as it was. */
class BadInputTest {
  private CoreLifecycleEngine engine;
  private String before;

  @BeforeEach
  void populate() {
    engine = Fixtures.engine();
    engine.ingestAll(Fixtures.events(7, 60, 3));
    before = snapshot(engine);
  }

  private void assertUnchanged() {
    assertThat(snapshot(engine)).isEqualTo(before);
  }

  private static Transaction usd(String id) {
    return new Transaction(
        id, customer(1), START, Direction.DEBIT, Money.of("10.00", "USD"), ProductType.CARD, Channel.POS);
  }

  @Test
  void anotherCurrency() {
    assertThatThrownBy(() -> engine.ingest(usd("e1")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("amount currency USD is not the engine currency EUR in event 'e1'");
    assertUnchanged();
  }

  @Test
  void aTimestampBeyondTheFutureTolerance() {
    Instant late = Fixtures.NOW.plus(Duration.ofMinutes(6));
    assertThatThrownBy(() -> engine.ingest(tx("e1", 1, late, "1.00")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "timestamp 2027-06-01T00:06:00Z of event 'e1' is beyond the future tolerance PT5M past the clock 2027-06-01T00:00:00Z");
    assertThat(engine.ingest(tx("e2", 1, Fixtures.NOW.plus(Duration.ofMinutes(5)), "1.00")).duplicate()).isFalse();
  }

  @Test
  void aTimestampOutsideTheSupportedYears() {
    Instant ancient = Instant.parse("-0001-01-01T00:00:00Z");
    assertThatThrownBy(() -> engine.ingest(tx("e1", 1, ancient, "1.00")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "timestamp -0001-01-01T00:00:00Z of event 'e1' is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999Z");
    assertUnchanged();
  }

  @Test
  void moneyAttributeWithMoreFractionDigitsThanTheCurrency() {
    Event e = new AttributeUpdate("e1", customer(1), START, Attribute.TOTAL_BUSINESS, new BigDecimal("1.234"));
    assertThatThrownBy(() -> engine.ingest(e))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("value 1.234 of attribute TOTAL_BUSINESS has more fraction digits than EUR allows (2) in event 'e1'");
    assertUnchanged();
  }

  @Test
  void invalidValuesCannotBeBuilt() {
    assertThatThrownBy(() -> CustomerId.of(" "))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("customer id is blank");
    assertThatThrownBy(() -> tx(" ", 1, START, "1.00"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event id is blank");
    assertThatThrownBy(() -> tx("e1", 1, START, "-1.00"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("amount -1.00 EUR is negative in event 'e1'");
    assertThatThrownBy(() -> Money.of("1.00", "XYZ"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency 'XYZ' is not an ISO 4217 code");
    assertThatThrownBy(() -> Money.of("1.005", "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount 1.005 has more fraction digits than EUR allows (2)");
  }

  @Test
  void anUnknownCustomerWhenUnknownCustomersAreRejected() {
    LifecycleEngine strict = Fixtures.builder().unknownCustomers(UnknownCustomers.REJECT).build();
    assertThatThrownBy(() -> strict.ingest(tx("e1", 1, START, "1.00")))
        .isInstanceOf(UnknownCustomerException.class)
        .hasMessage("customer " + customer(1).masked() + " is unknown");
    assertThat(strict.customerCount()).isZero();
    assertThat(strict.register(customer(1), START)).isTrue();
    assertThat(strict.register(customer(1), START)).isFalse();
    assertThat(strict.ingest(tx("e1", 1, START, "1.00")).changes()).hasSize(1);
  }

  @Test
  void aManualMoveToAnUnknownStage() {
    Event move = new ManualMove("m1", customer(1), START, "nowhere", "rm-7", "typo");
    assertThatThrownBy(() -> engine.ingest(move))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("to stage 'nowhere' of event 'm1' is not a stage of model 'test-model'");
    assertUnchanged();
  }

  @Test
  void aManualMoveToTheCurrentStage() {
    String stage = engine.customer(anyCustomer(1)).orElseThrow().stage();
    Event move = new ManualMove("m1", anyCustomer(1), START, stage, "rm-7", "no-op");
    assertThatThrownBy(() -> engine.ingest(move))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("manual move to '" + stage + "', the current stage");
    assertUnchanged();
  }

  @Test
  void aManualMoveTheModelForbids() {
    LifecycleModel noManual =
        LifecycleModel.builder("no-manual")
            .stage("new", StageFamily.PROSPECT)
            .stage("old", StageFamily.GROWTH)
            .initial("new")
            .manualMoves(false)
            .rule("first").from("new").to("old").priority(1).when(io.clm.api.Metric.TRANSACTION_COUNT.atLeast(1))
            .build();
    LifecycleEngine e = Clm.builder().model(noManual).currency("EUR").clock(Fixtures.CLOCK).build();
    e.ingest(Interaction("i1"));
    String state = snapshot(e);
    assertThatThrownBy(() -> e.ingest(new ManualMove("m1", customer(1), START, "old", "rm-7", "promote")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("model 'no-manual' does not allow manual moves");
    assertThat(snapshot(e)).isEqualTo(state);
  }

  private static Event Interaction(String id) {
    return io.clm.api.event.Interaction.of(id, customer(1), START, io.clm.api.event.InteractionKind.VISIT, Channel.BRANCH);
  }

  @Test
  void anEventOlderThanTheDeduplicationWindow() {
    LifecycleEngine e = Fixtures.builder().deduplicationWindow(Duration.ofDays(1)).build();
    e.ingest(tx("e1", 1, START.plus(Duration.ofDays(3)), "1.00"));
    String state = snapshot(e);
    assertThatThrownBy(() -> e.ingest(tx("e2", 1, START, "1.00")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            "event 'e2' at 2026-01-01T00:00:00Z is older than the deduplication window PT24H before the latest event of customer "
                + customer(1).masked());
    assertThat(snapshot(e)).isEqualTo(state);
    assertThat(e.ingest(tx("e3", 1, START.plus(Duration.ofDays(2)), "1.00")).duplicate()).isFalse();
    assertThat(e.ingest(tx("e1", 1, START.plus(Duration.ofDays(3)), "1.00")).duplicate()).isTrue();
  }

  @Test
  void aBatchIsAllOrNothing() {
    List<Event> batch =
        List.of(
            tx("b1", 1, START, "5.00"),
            tx("b2", 99, START, "5.00"),
            new ManualMove("b3", customer(98), START, "loyal", "rm-7", "vip"),
            usd("b4"));
    assertThatThrownBy(() -> engine.ingestAll(batch))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("amount currency USD is not the engine currency EUR in event 'b4'");
    assertUnchanged();
    // a failure that depends on the customer's state, found while applying the batch
    List<Event> second =
        List.of(
            tx("b1", 1, START, "5.00"),
            tx("b2", 99, START, "5.00"),
            new ManualMove("b3", customer(99), START, "active", "rm-7", "already there"));
    assertThatThrownBy(() -> engine.ingestAll(second))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("manual move to 'active', the current stage");
    assertUnchanged();
    assertThat(engine.customer(customer(99))).isEmpty();
  }

  @Test
  void duplicatesInABatchAreCountedNotFailed() {
    var result = engine.ingestAll(List.of(tx("d1", 1, START, "1.00"), tx("d1", 1, START, "1.00")));
    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.duplicates()).isEqualTo(1);
  }

  private void assertSnapshotRejected(String json, String message) {
    assertThatThrownBy(() -> engine.importSnapshot(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(SnapshotException.class)
        .hasMessage(message);
    assertUnchanged();
  }

  @Test
  void malformedSnapshots() {
    assertSnapshotRejected("{\"formatVersion\": 2,", "snapshot is not valid json at line 1, column 21");
    assertSnapshotRejected("[1]", "snapshot is not a json object");
    assertSnapshotRejected(
        before.replace("\"formatVersion\" : 3", "\"formatVersion\" : 4"),
        "snapshot formatVersion '4' is not supported; this library reads 2 and 3");
    assertSnapshotRejected(
        before.replace("\"formatVersion\" : 3", "\"formatVersion\" : 2"), "snapshot field 'salt' is missing");
    assertSnapshotRejected(
        before.replace("\"model\" : \"test-model\"", "\"model\" : \"other\""),
        "snapshot model 'other' is not the engine's model 'test-model'");
    assertSnapshotRejected(
        before.replace("\"currency\" : \"EUR\",\n  \"keyCheck\"", "\"currency\" : \"USD\",\n  \"keyCheck\""),
        "snapshot currency 'USD' is not the engine currency EUR");
    assertSnapshotRejected(
        before.replace("\"customers\" :", "\"clients\" :"), "snapshot field 'customers' is missing");
    CustomerId first = Fixtures.listedFirst(0, 1, 2);
    String firstStage = engine.customer(first).orElseThrow().stage();
    assertSnapshotRejected(
        before.replaceFirst("\"stage\" : \"" + firstStage + "\"", "\"stage\" : \"nowhere\""),
        "snapshot customer " + first.masked() + " stage 'nowhere' is not a stage of model 'test-model'");
  }

  @Test
  void debitSumsAcrossProductsThatWouldOverflowAreRefused() {
    Instant at = Fixtures.NOW.minus(Duration.ofDays(1));
    Money half = Money.ofMinor(Long.MAX_VALUE / 2, Money.currency("EUR"));
    engine.ingest(new Transaction("big-card", anyCustomer(1), at, Direction.DEBIT, half, ProductType.CARD, Channel.POS));
    String afterFirst = snapshot(engine);
    Transaction loan = new Transaction("big-loan", anyCustomer(1), at, Direction.DEBIT, half, ProductType.LOAN, Channel.POS);
    assertThatThrownBy(() -> engine.ingest(loan))
        .isExactlyInstanceOf(InvalidEventException.class)
        .hasMessage("amount " + half + " overflows the customer's totals in event 'big-loan'");
    assertThat(snapshot(engine)).isEqualTo(afterFirst);
    assertThat(engine.customer(anyCustomer(1)).orElseThrow().metric(io.clm.api.Metric.DEBIT_VOLUME, at))
        .isPositive();
  }
}
