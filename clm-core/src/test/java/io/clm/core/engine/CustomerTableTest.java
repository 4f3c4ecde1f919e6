package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CustomerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CustomerTableTest {

  private static CustomerState state(int i) {
    return new CustomerState(CustomerId.of("c-" + i), null);
  }

  @Test
  void behavesLikeAMapUnderInsertsAndRemovals() {
    // operations: positive = putIfAbsent(id), negative = remove(id), over a small id space so
    // that removals, tombstones and reinsertion interleave
    qt().withExamples(200)
        .forAll(lists().of(integers().between(-40, 40)).ofSizeBetween(0, 300))
        .check(
            ops -> {
              CustomerTable table = new CustomerTable();
              Map<CustomerId, CustomerState> model = new HashMap<>();
              for (int op : ops) {
                CustomerId id = Fixtures.anyCustomer(Math.abs(op));
                if (op >= 0) {
                  CustomerState fresh = new CustomerState(id, null);
                  CustomerState before = table.putIfAbsent(fresh);
                  if (before != model.putIfAbsent(id, fresh)) {
                    return false;
                  }
                } else {
                  CustomerState held = model.remove(id);
                  table.remove(held);
                }
              }
              Set<CustomerState> seen = new HashSet<>();
              for (CustomerState s : table.values()) {
                if (!seen.add(s)) {
                  return false;
                }
              }
              for (int i = 0; i <= 40; i++) {
                CustomerId id = Fixtures.anyCustomer(i);
                if (table.get(id) != model.get(id)) {
                  return false;
                }
              }
              return seen.equals(new HashSet<>(model.values())) && table.size() == model.size();
            });
  }

  @Test
  void removingAStateThatIsNotHeldChangesNothing() {
    CustomerTable table = new CustomerTable();
    CustomerState held = state(1);
    table.putIfAbsent(held);
    table.remove(state(1));
    assertThat(table.get(CustomerId.of("c-1"))).isSameAs(held);
    table.put(state(1));
    assertThat(table.get(CustomerId.of("c-1"))).isNotSameAs(held);
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void concurrentReadersAlwaysFindCustomersPresentThroughout() throws Exception {
    CustomerTable table = new CustomerTable();
    List<CustomerState> stable = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      CustomerState s = state(i);
      stable.add(s);
      table.putIfAbsent(s);
    }
    AtomicReference<String> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              while (done.getCount() > 0) {
                for (CustomerState s : stable) {
                  if (table.get(s.id()) != s) {
                    failure.compareAndSet(null, "lost " + s.id().value());
                  }
                }
              }
            });
    reader.start();
    // grow through several rebuilds and churn tombstones while the reader runs
    for (int round = 0; round < 20; round++) {
      List<CustomerState> churn = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        CustomerState s = state(100_000 + round * 5000 + i);
        churn.add(s);
        table.putIfAbsent(s);
      }
      for (CustomerState s : churn) {
        table.remove(s);
      }
    }
    done.countDown();
    reader.join();
    assertThat(failure.get()).isNull();
    assertThat(table.size()).isEqualTo(1000);
  }

  @Test
  void idsWithTheSameHashAreToldApartAndAnAbsentIdIsNotFound() {
    // "Aa" and "BB" have the same String hash, and so does any id that follows them with the same
    // characters; the long pair does not fit two words, so both forms of holding an id are probed
    for (String tail : List.of("", "-and-more-than-sixteen-characters")) {
      CustomerId aa = CustomerId.of("Aa" + tail);
      CustomerId bb = CustomerId.of("BB" + tail);
      assertThat(CustomerTable.hash(aa)).isEqualTo(CustomerTable.hash(bb));
      CustomerTable table = new CustomerTable();
      CustomerState first = new CustomerState(aa, null);
      assertThat(CustomerTable.hash(first)).isEqualTo(CustomerTable.hash(aa));
      assertThat(table.putIfAbsent(first)).isNull();
      assertThat(table.containsKey(aa)).isTrue();
      assertThat(table.containsKey(bb)).as("same hash, other id").isFalse();
      assertThat(table.get(bb)).isNull();
      CustomerState second = new CustomerState(bb, null);
      assertThat(table.putIfAbsent(second)).isNull();
      assertThat(table.putIfAbsent(new CustomerState(bb, null))).isSameAs(second);
      assertThat(table.get(aa)).isSameAs(first);
      assertThat(table.get(bb)).isSameAs(second);
      table.remove(first);
      assertThat(table.containsKey(aa)).isFalse();
      assertThat(table.get(bb)).as("found past the removed slot").isSameAs(second);
      assertThat(table.size()).isEqualTo(1);
    }
  }
}
