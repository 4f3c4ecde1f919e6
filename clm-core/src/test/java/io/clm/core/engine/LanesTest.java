package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lanes: threads feeding different lanes never share a lock stripe. */
class LanesTest {
  private final LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR").build();

  @Test
  void upToOneLanePerStripeEveryStripeBelongsToOneLaneAndEveryLaneIsUsed() {
    for (int lanes : new int[] {1, 2, 3, 7, 16, 64}) {
      Map<Integer, Integer> laneOfStripe = new HashMap<>();
      Set<Integer> used = new HashSet<>();
      for (int i = 0; i < 20_000; i++) {
        CustomerId id = CustomerId.of("customer-" + i);
        int lane = engine.lane(id, lanes);
        assertThat(lane).isBetween(0, lanes - 1);
        Integer before = laneOfStripe.putIfAbsent(Stripes.index(id), lane);
        assertThat(before == null ? lane : before)
            .as("stripe %d in one lane of %d", Stripes.index(id), lanes)
            .isEqualTo(lane);
        used.add(lane);
      }
      assertThat(laneOfStripe).as("every stripe met").hasSize(Stripes.COUNT);
      assertThat(used).as("every one of %d lanes used", lanes).hasSize(lanes);
    }
  }

  @Test
  void moreLanesThanStripesStillSpreadOverEveryLane() {
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      int lane = engine.lane(CustomerId.of("customer-" + i), 100);
      assertThat(lane).isBetween(0, 99);
      used.add(lane);
    }
    assertThat(used).hasSize(100);
  }

  @Test
  void aLaneIsAFunctionOfTheIdAloneAndTheSameForEveryEngine() {
    LifecycleEngine other = Clm.builder().model("three-stage").currency("USD").build();
    for (int i = 0; i < 1_000; i++) {
      CustomerId id = CustomerId.of("c" + i);
      assertThat(other.lane(CustomerId.of("c" + i), 5)).isEqualTo(engine.lane(id, 5));
    }
  }

  @Test
  void fewerThanOneLaneIsRefusedWithTheValue() {
    assertThatThrownBy(() -> engine.lane(CustomerId.of("c"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lanes 0 is below 1");
    assertThatThrownBy(() -> engine.lane(null, 2)).isInstanceOf(NullPointerException.class);
  }
}
