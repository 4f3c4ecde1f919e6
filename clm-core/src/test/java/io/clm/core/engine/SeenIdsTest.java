package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CustomerId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seen-id table against a map, with and without a deduplication window. */
class SeenIdsTest {
  private static final long WINDOW = 50;

  @Test
  void withAWindowEveryIdWithinItIsFoundAndExpiredOnesGoOnlyWhenTheTableFills() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(1, 400)).ofSizeBetween(1, 300))
        .checkAssert(
            ids -> {
              Shape shape = new Shape(java.util.Currency.getInstance("EUR"), 3_600_000, 1, WINDOW, null);
              CustomerState s = new CustomerState(CustomerId.of("c"), shape);
              Map<Long, Long> added = new HashMap<>();
              long at = 0;
              for (int id : ids) {
                long fp = id * 0x9e3779b97f4a7c15L | 1;
                at++;
                if (SeenIds.find(s, fp) < 0) {
                  SeenIds.add(s, fp, id, at, at - WINDOW);
                  added.put(fp, at);
                }
              }
              long cutoff = at - WINDOW;
              int found = 0;
              for (Map.Entry<Long, Long> e : added.entrySet()) {
                int slot = SeenIds.find(s, e.getKey());
                if (e.getValue() >= cutoff) {
                  assertThat(slot).as("an id within the window is remembered").isNotNegative();
                }
                if (slot >= 0) {
                  assertThat(s.seen[slot + 2]).isEqualTo(e.getValue());
                  found++;
                }
              }
              assertThat(s.seenCount).isEqualTo(found);
              assertThat(SeenIds.sorted(s).length).isEqualTo(found);
            });
  }

  @Test
  void withAWindowASteadyCustomersTableSettlesWithRoomForAnEighthAfterEachPurge() {
    qt().withExamples(60)
        .forAll(integers().between(0, 60))
        .checkAssert(
            window -> {
              Shape shape = new Shape(java.util.Currency.getInstance("EUR"), 3_600_000, 1, window, null);
              CustomerState s = new CustomerState(CustomerId.of("c"), shape);
              int live = window + 1;
              long[] settled = null;
              for (int at = 1; at <= 20 * live + 200; at++) {
                SeenIds.add(s, at * 0x9e3779b97f4a7c15L | 1, at, at, at - window);
                if (at == 10 * live + 100) {
                  settled = s.seen;
                }
              }
              assertThat(s.seen).as("a steady customer's table is no longer reallocated").isSameAs(settled);
              int slots = SeenIds.slots(s);
              assertThat(live * 4L).as("after a purge the %d live ids leave room for an eighth of %d slots", live, slots)
                  .isLessThanOrEqualTo(slots * 3L);
              assertThat(slots).as("but the table is not oversized").isLessThanOrEqualTo(Math.max(4, 3 * live));
            });
  }

  @Test
  void withoutAWindowEveryIdIsRemembered() {
    qt().withExamples(100)
        .forAll(lists().of(integers().between(1, 1000)).ofSizeBetween(1, 300))
        .checkAssert(
            ids -> {
              Shape shape = new Shape(java.util.Currency.getInstance("EUR"), 3_600_000, 1, -1, null);
              CustomerState s = new CustomerState(CustomerId.of("c"), shape);
              for (int id : ids) {
                SeenIds.add(s, id * 31L + 7, id, 0, CustomerState.NONE);
              }
              Set<Integer> distinct = Set.copyOf(ids);
              assertThat(s.seenCount).isEqualTo(distinct.size());
              for (int id : distinct) {
                int slot = SeenIds.find(s, id * 31L + 7);
                assertThat(slot).isNotNegative();
                assertThat(s.seen[slot + 1]).isEqualTo(id);
              }
              assertThat(SeenIds.sorted(s).length).isEqualTo(distinct.size());
            });
  }

  @Test
  void aTableIsTheSmallestOfFourSixEightTwelveAndSoOnDoublingFromSixtyFourThatStaysSevenEighthsFull() {
    Shape shape = new Shape(java.util.Currency.getInstance("EUR"), 3_600_000, 1, -1, null);
    Map<Integer, Integer> slotsFor =
        Map.ofEntries(
            Map.entry(1, 4), Map.entry(3, 4), Map.entry(4, 6), Map.entry(5, 6), Map.entry(6, 8),
            Map.entry(7, 8), Map.entry(8, 12), Map.entry(10, 12), Map.entry(11, 16),
            Map.entry(14, 16), Map.entry(15, 24), Map.entry(21, 24), Map.entry(22, 32),
            Map.entry(28, 32), Map.entry(29, 48), Map.entry(42, 48), Map.entry(43, 64),
            Map.entry(56, 64), Map.entry(57, 128), Map.entry(112, 128), Map.entry(113, 256));
    slotsFor.forEach(
        (ids, slots) -> {
          CustomerState s = new CustomerState(CustomerId.of("c"), shape);
          for (int id = 1; id <= ids; id++) {
            SeenIds.add(s, id * 31L + 7, id, 0, CustomerState.NONE);
          }
          assertThat(s.seen).as("slots for %d ids", ids).hasSize(slots * 2);
          assertThat(SeenIds.slots(s)).as("slots for %d ids", ids).isEqualTo(slots);
        });
  }

  @Test
  void aTableThatWouldGrowPastItsLargestSizeRefusesAndKeepsWhatItHeld() {
    Shape shape = new Shape(java.util.Currency.getInstance("EUR"), 3_600_000, 1, -1, null);
    CustomerState s = new CustomerState(CustomerId.of("c"), shape);
    for (int id = 1; id <= 5; id++) {
      assertThat(SeenIds.makeRoom(s, CustomerState.NONE, 1)).isTrue();
      SeenIds.insert(s, id * 31L + 7, id, 0);
    }
    long[] held = s.seen.clone();
    assertThat(SeenIds.makeRoom(s, CustomerState.NONE, 1)).as("six ids overfill six slots").isFalse();
    assertThat(s.seen).isEqualTo(held);
    assertThat(s.seenCount).isEqualTo(5);
    assertThat(SeenIds.makeRoom(s, CustomerState.NONE, 2)).as("eight slots hold six").isTrue();
    assertThat(SeenIds.slots(s)).isEqualTo(8);
    assertThat(s.seenCount).isEqualTo(5);
    for (int id = 1; id <= 5; id++) {
      assertThat(SeenIds.find(s, id * 31L + 7)).isNotNegative();
    }
  }

  @Test
  void withAWindowATableAtItsLargestSizeRefusesOnlyWhenDroppingExpiredIdsLeavesItCrowded() {
    Shape shape = new Shape(java.util.Currency.getInstance("EUR"), 3_600_000, 1, WINDOW, null);
    CustomerState s = new CustomerState(CustomerId.of("c"), shape);
    for (int id = 1; id <= 3; id++) {
      assertThat(SeenIds.makeRoom(s, CustomerState.NONE, 0)).isTrue();
      SeenIds.insert(s, id * 31L + 7, id, id * 10L);
    }
    assertThat(SeenIds.makeRoom(s, 5, 0)).as("nothing has expired").isFalse();
    assertThat(s.seenCount).isEqualTo(3);
    assertThat(SeenIds.makeRoom(s, 25, 0)).as("two have expired").isTrue();
    assertThat(s.seenCount).isEqualTo(1);
    assertThat(SeenIds.find(s, 3 * 31L + 7)).isNotNegative();
  }
}
