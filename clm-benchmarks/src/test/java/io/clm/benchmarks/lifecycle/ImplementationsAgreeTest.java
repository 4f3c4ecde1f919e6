package io.clm.benchmarks.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.event.Event;
import io.clm.benchmarks.workload.EventStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison is only fair if every implementation applies the same rules: fed the same feed,
 * each must end with the same customers in the same stages after the same number of moves.
 */
class ImplementationsAgreeTest {

  private static Event[] feed;
  private static Map<String, Long> clmStages;
  private static long clmChanges;

  @BeforeAll
  static void runClm() {
    feed = EventStream.generate(600, 10, EventStream.SEED).events();
    LifecycleTracker clm = Implementation.CLM.create();
    clmChanges = feedAll(clm);
    clmStages = clm.stageCounts();
  }

  private static long feedAll(LifecycleTracker tracker) {
    long changes = 0;
    for (Event event : feed) {
      changes += tracker.accept(event);
    }
    return changes;
  }

  @Test
  void theFeedExercisesMostStages() {
    assertThat(clmStages.values().stream().filter(n -> n > 0).count()).isGreaterThanOrEqualTo(5);
    assertThat(clmStages.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(600);
  }

  @Test
  void stateless4jAgreesWithClm() {
    check(Implementation.STATELESS4J);
  }

  @Test
  void squirrelAgreesWithClm() {
    check(Implementation.SQUIRREL);
  }

  @Test
  void springStatemachineAgreesWithClm() {
    check(Implementation.SPRING);
  }

  private static void check(Implementation implementation) {
    LifecycleTracker tracker = implementation.create();
    long changes = feedAll(tracker);
    assertThat(tracker.stageCounts()).isEqualTo(clmStages);
    assertThat(changes).isEqualTo(clmChanges);
  }
}
