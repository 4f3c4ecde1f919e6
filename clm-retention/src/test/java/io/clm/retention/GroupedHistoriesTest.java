package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Grouping merges exactly the identical histories, whatever their number and order. */
class GroupedHistoriesTest {

  @Test
  void groupsAgreeWithAMapOfRecords() {
    Random random = new Random(7);
    List<PurchaseHistory> histories = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int x = random.nextInt(4) == 0 ? 0 : random.nextInt(60);
      double age = random.nextInt(200) / 7.0;
      double recency = x == 0 ? 0 : (1 + random.nextInt((int) (age * 7) + 1)) / 7.0;
      age = Math.max(age, recency);
      histories.add(new PurchaseHistory(x, recency, age));
    }
    Map<PurchaseHistory, Integer> expected = new HashMap<>();
    Map<Integer, Integer> expectedByX = new TreeMap<>();
    histories.forEach(h -> expected.merge(h, 1, Integer::sum));
    histories.forEach(h -> expectedByX.merge(h.frequency(), 1, Integer::sum));

    GroupedHistories data = new GroupedHistories(histories);

    Map<PurchaseHistory, Integer> actual = new HashMap<>();
    for (int g = 0; g < data.groups(); g++) {
      PurchaseHistory h = new PurchaseHistory(data.x[g], data.recencies[data.recencyIndex[g]], data.ages[data.ageIndex[g]]);
      assertThat(actual.put(h, (int) data.weight[g])).as("group %s listed twice", h).isNull();
      assertThat(data.distinctX[data.xIndex[g]]).isEqualTo(data.x[g]);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(data.observations).isEqualTo(20_000);
    assertThat(data.distinctX).isSorted().hasSize(expectedByX.size());
    for (int k = 0; k < data.distinctX.length; k++) {
      assertThat(data.distinctXWeight[k]).isEqualTo((double) expectedByX.get(data.distinctX[k]));
    }
    assertThat(data.ages).doesNotHaveDuplicates();
    assertThat(data.recencies).doesNotHaveDuplicates();
  }

  @Test
  void theFirstHistoryRepeatedIsOneGroupAndTheTotalsCountEveryCustomer() {
    List<PurchaseHistory> histories =
        List.of(
            new PurchaseHistory(3, 10, 20),
            new PurchaseHistory(0, 0, 30),
            new PurchaseHistory(3, 10, 20),
            new PurchaseHistory(5, 12, 20),
            new PurchaseHistory(3, 10, 20));
    GroupedHistories data = new GroupedHistories(histories);
    assertThat(data.groups()).isEqualTo(3);
    assertThat(data.x).containsExactly(3, 0, 5);
    assertThat(data.weight).containsExactly(3, 1, 1);
    assertThat(data.ages).containsExactly(20, 30);
    assertThat(data.recencies).containsExactly(10, 0, 12);
    assertThat(data.distinctX).containsExactly(0, 3, 5);
    assertThat(data.distinctXWeight).containsExactly(1, 3, 1);
    // 3 + 0 + 3 + 5 + 3 repeat purchases; ages (20 + 30 + 20 + 20 + 20) / 5.
    assertThat(data.totalRepeats).isEqualTo(14.0);
    assertThat(data.meanAge).isEqualTo(22.0);
  }

  @Test
  void emptyPopulationIsRejected() {
    assertThatThrownBy(() -> new GroupedHistories(List.of())).isInstanceOf(ValidationException.class).hasMessage("population is empty");
  }
}
