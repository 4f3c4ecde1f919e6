package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CustomerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The due index against a plain map from customer to its earliest queued instant. */
class DueIndexTest {

  @Test
  void pollsExactlyTheCustomersDueEarliestFirstAsAMapWould() {
    // operations over 40 customers: (customer, instant) queues or moves earlier; a poll at an
    // instant takes everything due by then; a removal (erasure) takes one customer out from
    // wherever it sits in the heap; enough customers that the heap grows and shrinks
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 48 * 1000 + 999)).ofSizeBetween(0, 400))
        .checkAssert(
            ops -> {
              DueIndex index = new DueIndex();
              Map<Integer, CustomerState> states = new HashMap<>();
              Map<Integer, Long> expected = new HashMap<>();
              for (int op : ops) {
                int customer = op / 1000;
                long at = op % 1000;
                if (customer == 40) {
                  List<DueIndex.Entry> polled = index.pollUpTo(at);
                  List<Long> times = new ArrayList<>();
                  for (DueIndex.Entry e : polled) {
                    times.add(e.at);
                    assertThat(e.state.heapIndex).isEqualTo(-1);
                  }
                  assertThat(times).as("earliest first").isSorted();
                  List<Integer> due = new ArrayList<>();
                  expected.forEach((c, t) -> {
                    if (t <= at) {
                      due.add(c);
                    }
                  });
                  assertThat(polled).extracting(e -> Integer.parseInt(e.state.id().value()))
                      .containsExactlyInAnyOrderElementsOf(due);
                  due.forEach(expected::remove);
                  assertThat(index.size()).isEqualTo(expected.size());
                  continue;
                }
                if (customer > 40) {
                  CustomerState erased = states.get(op % 40);
                  if (erased != null) {
                    index.remove(erased);
                    expected.remove(op % 40);
                    assertThat(erased.heapIndex).isEqualTo(-1);
                  }
                  assertThat(index.size()).isEqualTo(expected.size());
                  continue;
                }
                CustomerState s = states.computeIfAbsent(customer, c -> new CustomerState(CustomerId.of(Integer.toString(c)), null));
                Long queued = expected.get(customer);
                if (queued == null || at < queued) {
                  index.add(at, s);
                  expected.put(customer, at);
                }
                assertThat(index.size()).isEqualTo(expected.size());
              }
              assertThat(index.pollUpTo(Long.MAX_VALUE)).extracting(e -> e.at).isSorted()
                  .containsExactlyInAnyOrderElementsOf(expected.values());
              assertThat(index.size()).isZero();
            });
  }
}
