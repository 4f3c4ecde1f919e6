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
}
