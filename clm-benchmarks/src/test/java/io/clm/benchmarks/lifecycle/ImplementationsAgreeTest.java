package io.clm.benchmarks.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.event.Event;
import io.clm.api.event.RelationshipClosed;
import io.clm.benchmarks.workload.EventStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison is only fair if every implementation applies the same rules: fed the same feed,
 * each must end with the same customers in the same stages after the same number of moves. The
 * feed is large enough to hold the rare case that once set the peers apart: a relationship closed
 * with debts settled and a transaction in the same minute after it, which the built-in win-back
 * rule does not take as a win-back (the relationship still counts as closed).
 */
class ImplementationsAgreeTest {
  /** Customers in the main feed: the smallest population of the benchmark seed with the rare case. */
  private static final int CUSTOMERS = 20_000;

  private static Event[] feed;
  private static Map<String, Long> clmStages;
  private static long clmChanges;

  @BeforeAll
  static void runClm() {
    feed = EventStream.generate(CUSTOMERS, 10, EventStream.SEED).events();
    LifecycleTracker clm = Implementation.CLM.create();
    clmChanges = feedAll(clm, feed);
    clmStages = clm.stageCounts();
  }

  private static long feedAll(LifecycleTracker tracker, Event[] events) {
    long changes = 0;
    for (Event event : events) {
      changes += tracker.accept(event);
    }
    return changes;
  }

  @Test
  void theFeedExercisesMostStagesAndTheRareWinBackCase() {
    assertThat(clmStages.values().stream().filter(n -> n > 0).count()).isGreaterThanOrEqualTo(5);
    assertThat(clmStages.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CUSTOMERS);
    Map<CustomerId, Instant> closed = new HashMap<>();
    int sameMinute = 0;
    for (Event e : feed) {
      sameMinute += switch (e.type()) {
        case RELATIONSHIP_CLOSED -> {
          if (((RelationshipClosed) e).debtsSettled()) {
            closed.put(e.customer(), e.at());
          }
          yield 0;
        }
        case TRANSACTION -> e.at().equals(closed.get(e.customer())) ? 1 : 0;
        case INTERACTION, PRODUCT_OPENED, PRODUCT_CLOSED, COMPLAINT_OPENED, COMPLAINT_RESOLVED, MANUAL_MOVE,
            ATTRIBUTE_UPDATE, CONSENT_CHANGE -> 0; // not part of the case
      };
    }
    assertThat(sameMinute).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theColumnarBaselineAgreesWithClm() {
    check(Implementation.COLUMNAR);
  }

  @Test
  void theObjectsBaselineAgreesWithClm() {
    check(Implementation.OBJECTS);
  }

  @Test
  void stateless4jAgreesWithClm() {
    check(Implementation.STATELESS4J);
  }

  @Test
  void squirrelAgreesWithClm() {
    checkSmall(Implementation.SQUIRREL);
  }

  @Test
  void springStatemachineAgreesWithClm() {
    checkSmall(Implementation.SPRING);
  }

  /** The slow libraries run on a smaller feed of the same generator, and share the rules' code. */
  private static void checkSmall(Implementation implementation) {
    Event[] small = EventStream.generate(600, 10, EventStream.SEED).events();
    LifecycleTracker clm = Implementation.CLM.create();
    long changes = feedAll(clm, small);
    LifecycleTracker tracker = implementation.create();
    assertThat(feedAll(tracker, small)).isEqualTo(changes);
    assertThat(tracker.stageCounts()).isEqualTo(clm.stageCounts());
  }

  private static void check(Implementation implementation) {
    LifecycleTracker tracker = implementation.create();
    long changes = feedAll(tracker, feed);
    assertThat(tracker.stageCounts()).isEqualTo(clmStages);
    assertThat(changes).isEqualTo(clmChanges);
  }
}
