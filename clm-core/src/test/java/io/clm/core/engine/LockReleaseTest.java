package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ClmException;
import io.clm.api.LifecycleEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation releases the stripe locks it takes, also when it refuses its input: after it
 * returns or throws on one thread, another thread can take every stripe (a snapshot export does)
 * and work on the same customer. A lock left held would block every other thread for good.
 */
class LockReleaseTest {
  private final ExecutorService other = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "other");
    t.setDaemon(true);
    return t;
  });
  private final LifecycleEngine engine = Fixtures.builder().store(new io.clm.tck.MemoryCustomerStore()).build();
  private int events;

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  /** Exports a snapshot and ingests for customer 1 on another thread, which must not wait. */
  private void assertReleased(String after) throws Exception {
    Future<String> done = other.submit(() -> {
      engine.ingest(tx("o" + events++, 1, START.plus(Duration.ofDays(1)), "1.00"));
      return snapshot(engine);
    });
    assertThat(done.get(20, TimeUnit.SECONDS)).as(after).contains("\"customers\"");
  }

  @Test
  void everyOperationReleasesItsLocks() throws Exception {
    engine.ingest(tx("e1", 1, START, "1.00"));
    assertReleased("ingest");
    engine.ingest(tx("e1", 1, START, "1.00"));
    assertReleased("a duplicate");
    assertThatThrownBy(() -> engine.ingest(tx("e1", 1, START, "2.00"))).isInstanceOf(ClmException.class);
    assertReleased("a conflict");
    assertThat(engine.customer(customer(1))).isPresent();
    assertReleased("customer");
    assertThat(engine.customer(customer(2))).isEmpty();
    assertReleased("customer of an unknown id");
    assertThat(engine.history(customer(1))).isNotEmpty();
    assertReleased("history");
    assertThat(engine.register(customer(3), START)).isTrue();
    assertReleased("register");
    assertThat(engine.register(customer(3), START)).isFalse();
    assertReleased("register of a known customer");
    engine.ingestAll(List.of(tx("b1", 1, START, "1.00"), tx("b2", 4, START, "1.00")));
    assertReleased("ingestAll");
    assertThatThrownBy(() -> engine.ingestAll(List.of(tx("b3", 1, START, "1.00"), tx("b1", 1, START, "9.00"))))
        .isInstanceOf(ClmException.class);
    assertReleased("a refused batch");
    engine.advanceTo(START.plus(Duration.ofDays(100)));
    assertReleased("advanceTo");
    assertThat(engine.stageCounts()).isNotEmpty();
    assertThat(engine.customerCount()).isEqualTo(3);
    engine.forEachCustomer(c -> { });
    assertReleased("counts and forEachCustomer");
    engine.erase(customer(4));
    assertReleased("erase");
    assertThatThrownBy(() -> engine.erase(customer(4))).isInstanceOf(ClmException.class);
    assertReleased("erase of an erased customer");
    String exported = snapshot(engine);
    assertReleased("exportSnapshot");
    engine.importSnapshot(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
    assertReleased("importSnapshot");
  }
}
