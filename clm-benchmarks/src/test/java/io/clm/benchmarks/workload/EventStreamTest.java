package io.clm.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.event.Event;
import io.clm.api.event.Transaction;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventStreamTest {

  @Test
  void theSameSeedGivesTheSameFeed() {
    Event[] a = EventStream.generate(500, 10, 7).events();
    Event[] b = EventStream.generate(500, 10, 7).events();
    assertThat(a).containsExactly(b);
    assertThat(EventStream.generate(500, 10, 8).events()).isNotEqualTo(a);
  }

  @Test
  void everyCustomerHasAnEventAndTheFeedIsInTimestampOrder() {
    EventStream stream = EventStream.generate(2_000, 10, EventStream.SEED);
    Event[] events = stream.events();
    assertThat(events).hasSize(20_000);
    Set<Object> customers = new HashSet<>();
    for (int i = 0; i < events.length; i++) {
      customers.add(events[i].customer());
      if (i > 0) {
        assertThat(events[i].at()).isAfterOrEqualTo(events[i - 1].at());
      }
    }
    assertThat(customers).hasSize(2_000);
    long transactions = Arrays.stream(events).filter(e -> e instanceof Transaction).count();
    assertThat(transactions).isBetween(16_600L, 17_800L);
    assertThat(Arrays.stream(events).map(Event::id).distinct().count()).isEqualTo(20_000);
  }

  @Test
  void partitionsKeepEachCustomerWholeAndInOrder() {
    EventStream stream = EventStream.generate(300, 10, EventStream.SEED);
    Event[][] parts = stream.partition(2);
    assertThat(parts[0].length + parts[1].length).isEqualTo(3_000);
    Set<Object> first = new HashSet<>();
    Arrays.stream(parts[0]).forEach(e -> first.add(e.customer()));
    for (Event e : parts[1]) {
      assertThat(first).doesNotContain(e.customer());
    }
    for (Event[] part : parts) {
      for (int i = 1; i < part.length; i++) {
        assertThat(part[i].at()).isAfterOrEqualTo(part[i - 1].at());
      }
    }
  }

  @Test
  void rejectsAnEmptyPopulation() {
    assertThatThrownBy(() -> EventStream.generate(0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers 0 is outside 1..16777215");
  }
}
