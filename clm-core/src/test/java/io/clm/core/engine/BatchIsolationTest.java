package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch that fails part-way leaves every customer exactly as it was, whatever facts the events
 * before the failure changed (docs/engine.md, "Batches: all or nothing"): counters, stage times,
 * attributes, consents, complaints, surveys and seen event ids.
 */
class BatchIsolationTest {
  private static final CustomerId C = customer(1);

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  @Test
  void aBatchFailingAfterEveryKindOfFactLeavesTheCustomerAsItWas() {
    LifecycleEngine engine = Fixtures.builder().build();
    engine.ingestAll(List.of(
        tx("e1", 1, day(0), "1.00"),
        new AttributeUpdate("a1", C, day(0), Attribute.REVENUE, BigDecimal.valueOf(600)),
        new ConsentChange("p1", C, day(0), Purpose.MARKETING, true),
        new ComplaintOpened("k1", C, day(0), "c-2", Severity.NORMAL),
        Interaction.survey("s1", C, day(0), Channel.ONLINE, 5),
        new ProductOpened("o1", C, day(0), ProductType.CURRENT_ACCOUNT)));
    assertThat(engine.customer(C).orElseThrow().stage()).isEqualTo("active");
    String before = snapshot(engine);

    List<Event> failing = List.of(
        tx("e2", 1, day(1), "1.00"),
        tx("e3", 1, day(2), "1.00"),
        new AttributeUpdate("a2", C, day(1), Attribute.REVENUE, BigDecimal.valueOf(700)),
        new AttributeUpdate("a3", C, day(1), Attribute.CREDIT_SCORE, BigDecimal.valueOf(300)),
        new ConsentChange("p2", C, day(1), Purpose.MARKETING, false),
        new ComplaintResolved("k2", C, day(1), "c-2", true),
        new ComplaintOpened("k3", C, day(1), "c-1", Severity.URGENT),
        Interaction.survey("s2", C, day(1), Channel.ONLINE, 9),
        new ProductOpened("o2", C, day(1), ProductType.CURRENT_ACCOUNT),
        // three transactions made the customer loyal: a move to loyal is refused
        new ManualMove("m1", C, day(3), "loyal", "rm-7", "already there"));
    assertThatThrownBy(() -> engine.ingestAll(failing)).isInstanceOf(IllegalTransitionException.class);

    assertThat(snapshot(engine)).isEqualTo(before);
    assertThat(engine.customer(C).orElseThrow().stage()).isEqualTo("active");
    assertThat(engine.ingest(tx("e2", 1, day(1), "1.00")).duplicate()).isFalse();
  }
}
