package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.spi.EngineConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Counts after an import and after erasures: an import replaces the whole state, erased customers
 * included (docs/engine.md, "Snapshots" and "Erasure"); and the engine's own checks of the
 * settings it is built with through the provider SPI.
 */
class ImportAndErasureCountsTest {
  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  private static void importInto(LifecycleEngine engine, String json) {
    engine.importSnapshot(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, Long> counts(long prospect, long active, long loyal, long dormant, long closed) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("prospect", prospect);
    m.put("active", active);
    m.put("loyal", loyal);
    m.put("dormant", dormant);
    m.put("closed", closed);
    return m;
  }

  @Test
  void anImportReplacesTheCustomersAndTheErasedOnesAndTheirCounts() {
    LifecycleEngine a = Fixtures.builder().build();
    a.ingest(tx("e1", 1, day(0), "1.00"));
    a.ingest(tx("e2", 2, day(0), "1.00"));
    a.ingest(new RelationshipClosed("e3", customer(2), day(1), true));
    a.erase(customer(1));
    assertThat(a.stageCounts()).containsExactlyEntriesOf(counts(0, 1, 0, 0, 1));
    assertThat(a.customerCount()).isEqualTo(1);

    LifecycleEngine b = Fixtures.builder().build();
    b.ingest(tx("f1", 3, day(0), "1.00"));
    b.ingest(tx("f2", 4, day(0), "1.00"));
    b.ingest(tx("f3", 4, day(1), "1.00"));
    b.ingest(tx("f4", 4, day(2), "1.00"));
    b.ingest(tx("f5", 5, day(0), "1.00"));
    b.erase(customer(5));

    importInto(a, snapshot(b));

    assertThat(a.stageCounts()).containsExactlyEntriesOf(counts(0, 2, 1, 0, 0));
    assertThat(a.customerCount()).isEqualTo(2);
    assertThat(a.customer(customer(2))).isEmpty();
    assertThat(a.customer(customer(4)).orElseThrow().stage()).isEqualTo("loyal");
    // customer 1's erasure was replaced with customer 5's: 1 is unknown now, 5 erased
    assertThat(a.register(customer(1), day(3))).isTrue();
    assertThatThrownBy(() -> a.register(customer(5), day(3)))
        .hasMessage("customer " + customer(5).masked() + " was erased");
    assertThat(a.stageCounts()).containsExactlyEntriesOf(counts(1, 2, 1, 0, 0));
    assertThat(a.customerCount()).isEqualTo(3);
  }

  @Test
  void anErasedCustomerStaysCountedInItsStageAndTheReceiptCountsItsHistory() {
    LifecycleEngine engine = Fixtures.builder().build();
    engine.ingest(tx("e1", 1, day(0), "1.00"));
    engine.ingest(tx("e2", 1, day(1), "1.00"));
    engine.ingest(tx("e3", 1, day(2), "1.00"));
    engine.ingest(new RelationshipClosed("e4", customer(1), day(3), true));
    assertThat(engine.history(customer(1))).hasSize(3);

    assertThat(engine.erase(customer(1)).historyEntriesRemoved()).isEqualTo(3);
    assertThat(engine.stageCounts()).containsExactlyEntriesOf(counts(0, 0, 0, 0, 1));
    assertThat(engine.customerCount()).isZero();
    assertThat(engine.register(customer(2), day(4))).isTrue();
    assertThat(engine.erase(customer(2)).historyEntriesRemoved()).isZero();
    assertThat(engine.stageCounts()).containsExactlyEntriesOf(counts(1, 0, 0, 0, 1));
  }

  private static EngineConfig config(Duration trendWindow, Duration futureTolerance) {
    return new EngineConfig(
        Fixtures.model(),
        java.util.Currency.getInstance("EUR"),
        io.clm.api.UnknownCustomers.CREATE,
        futureTolerance,
        trendWindow,
        Optional.empty(),
        Fixtures.CLOCK,
        Optional.empty(),
        ImportAndErasureCountsTest.class.getClassLoader());
  }

  /**
   * An imported customer's time-driven rules fire at {@code advanceTo} like those of a customer
   * ingested here: customer 1 is active since day 0 and goes dormant after 30 idle days.
   */
  @Test
  void anImportedCustomerMovesWhenItsTimeRuleComesDue() {
    LifecycleEngine a = Fixtures.builder().build();
    a.ingest(tx("e1", 1, day(0), "1.00"));
    LifecycleEngine b = Fixtures.builder().build();
    importInto(b, snapshot(a));

    assertThat(b.advanceTo(day(30).minusMillis(1))).isEmpty();
    assertThat(b.advanceTo(day(30)))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.customer()).isEqualTo(customer(1));
          assertThat(c.from()).isEqualTo("active");
          assertThat(c.to()).isEqualTo("dormant");
          assertThat(c.at()).isEqualTo(day(30));
        });
  }

  /**
   * An engine keeping no customer in memory counts the customers of its store; an import replaces
   * the store's contents, so the counts are those of the snapshot, not those counted before it.
   */
  @Test
  void anEngineKeepingCustomersInTheStoreCountsTheImportedOnes() {
    LifecycleEngine a = Fixtures.builder().build();
    a.ingest(tx("e1", 1, day(0), "1.00"));
    a.ingest(new RelationshipClosed("e2", customer(1), day(1), true));
    String exported = snapshot(a);

    LifecycleEngine b = Fixtures.builder().store(new io.clm.tck.MemoryCustomerStore()).customersInMemory(0).build();
    b.ingest(tx("f1", 2, day(0), "1.00"));
    b.ingest(tx("f2", 3, day(0), "1.00"));
    assertThat(b.stageCounts()).containsExactlyEntriesOf(counts(0, 2, 0, 0, 0));
    assertThat(b.customerCount()).isEqualTo(2);

    importInto(b, exported);
    assertThat(b.stageCounts()).containsExactlyEntriesOf(counts(0, 0, 0, 0, 1));
    assertThat(b.customerCount()).isEqualTo(1);
    assertThat(b.customer(customer(2))).isEmpty();
    assertThat(b.customer(customer(1)).orElseThrow().stage()).isEqualTo("closed");
  }

  @Test
  void anEmptyBatchAcceptsNothing() {
    LifecycleEngine a = Fixtures.builder().build();
    io.clm.api.BatchResult result = a.ingestAll(java.util.List.of());
    assertThat(result.accepted()).isZero();
    assertThat(result.duplicates()).isZero();
    assertThat(result.changes()).isEmpty();
    assertThat(a.customerCount()).isZero();
  }

  @Test
  void theProviderRefusesATrendWindowUnderAnHourAndANegativeTolerance() {
    CoreProvider provider = new CoreProvider();
    assertThat(provider.engine(config(Duration.ofHours(1), Duration.ZERO)).model().id()).isEqualTo("test-model");
    assertThatThrownBy(() -> provider.engine(config(Duration.ofHours(1).minusMillis(1), Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendWindow PT59M59.999S is shorter than one hour");
    assertThatThrownBy(() -> provider.engine(config(Duration.ofDays(1), Duration.ofMillis(-1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futureTolerance PT-0.001S is negative");
    assertThat(Clm.builder().model(Fixtures.model()).currency("EUR").trendWindow(Duration.ofHours(1)).build()
        .model().id()).isEqualTo("test-model");
  }
}
