package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.LifecycleEngine;
import io.clm.api.MetricsSnapshot.WindowVolume;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trend windows: window {@code floor(at / trendWindow)}; the three highest windows that saw
 * transactions are kept with their volume (debits and credits); a transaction in a window older
 * than the three kept is not part of the trend (docs/engine.md). The fixture's trend window is 30
 * days.
 */
class TrendWindowsTest {
  private static final long WINDOW = Duration.ofDays(30).toMillis();
  /** The window START lies in; the tests use the windows after it. */
  private static final long BASE = Math.floorDiv(START.toEpochMilli(), WINDOW);

  private final LifecycleEngine engine = Fixtures.builder().build();
  private int events;

  /** A transaction of {@code euros} by customer {@code c} in window BASE + {@code k}, a day into it. */
  private void spend(int c, int k, long euros, Direction direction) {
    Instant at = Instant.ofEpochMilli((BASE + k) * WINDOW).plus(Duration.ofDays(1));
    engine.ingest(
        new Transaction(
            "t" + events++, customer(c), at, direction, Fixtures.eur(euros + ".00"), ProductType.CURRENT_ACCOUNT,
            Channel.BRANCH));
  }

  private void spend(int c, int k, long euros) {
    spend(c, k, euros, Direction.DEBIT);
  }

  private static WindowVolume w(int k, long euros) {
    return new WindowVolume(BASE + k, euros * 100);
  }

  private List<WindowVolume> windows(int c) {
    return engine.customer(customer(c)).orElseThrow().metrics().windows();
  }

  @Test
  void theThreeHighestWindowsAreKeptWhateverTheArrivalOrder() {
    spend(1, 5, 50);
    assertThat(windows(1)).containsExactly(w(5, 50));
    spend(1, 2, 20);
    assertThat(windows(1)).containsExactly(w(2, 20), w(5, 50));
    spend(1, 3, 30);
    assertThat(windows(1)).containsExactly(w(2, 20), w(3, 30), w(5, 50));
    spend(1, 1, 10);
    assertThat(windows(1)).as("older than the three kept").containsExactly(w(2, 20), w(3, 30), w(5, 50));
    spend(1, 6, 60);
    assertThat(windows(1)).containsExactly(w(3, 30), w(5, 50), w(6, 60));
    spend(1, 4, 40);
    assertThat(windows(1)).containsExactly(w(4, 40), w(5, 50), w(6, 60));
    spend(1, 6, 6, Direction.CREDIT);
    spend(1, 5, 5);
    spend(1, 4, 4, Direction.CREDIT);
    assertThat(windows(1)).as("debits and credits both count").containsExactly(w(4, 44), w(5, 55), w(6, 66));
    spend(1, 3, 3);
    assertThat(windows(1)).containsExactly(w(4, 44), w(5, 55), w(6, 66));
  }

  @Test
  void aWindowBelowBothKeptOnesIsKeptWhileFewerThanThreeAre() {
    spend(2, 5, 50);
    spend(2, 2, 20);
    spend(2, 1, 10);
    assertThat(windows(2)).containsExactly(w(1, 10), w(2, 20), w(5, 50));
    spend(2, 1, 1);
    assertThat(windows(2)).containsExactly(w(1, 11), w(2, 20), w(5, 50));
    spend(2, 0, 1);
    assertThat(windows(2)).containsExactly(w(1, 11), w(2, 20), w(5, 50));
  }

  @Test
  void theSameEventsInAnotherOrderGiveTheSameWindows() {
    int[][] spends = {{5, 50}, {2, 20}, {3, 30}, {1, 10}, {6, 60}, {4, 40}, {6, 6}, {5, 5}, {4, 4}, {3, 3}};
    for (int[] s : spends) {
      spend(3, s[0], s[1]);
    }
    for (int i = spends.length - 1; i >= 0; i--) {
      spend(4, spends[i][0], spends[i][1]);
    }
    assertThat(windows(3)).containsExactly(w(4, 44), w(5, 55), w(6, 66));
    assertThat(windows(4)).isEqualTo(windows(3));
  }

  /**
   * Window 0, the trend window starting at the epoch, is a window like any other: a state holds 0
   * in the fields of the windows it has not filled yet, so a window numbered 0 must not be taken
   * for one of them. Windows -1 and 0 are the thirty days on either side of 1970-01-01.
   */
  @Test
  void theWindowStartingAtTheEpochIsKeptLikeAnyOther() {
    Instant epoch = Instant.EPOCH;
    List<Transaction> txs = List.of(
        new Transaction("z1", customer(5), epoch.plus(Duration.ofDays(1)), Direction.DEBIT, Fixtures.eur("7.00"),
            ProductType.CURRENT_ACCOUNT, Channel.BRANCH),
        new Transaction("z2", customer(5), epoch.minus(Duration.ofDays(1)), Direction.DEBIT, Fixtures.eur("3.00"),
            ProductType.CURRENT_ACCOUNT, Channel.BRANCH),
        new Transaction("z3", customer(5), epoch.minus(Duration.ofDays(31)), Direction.DEBIT, Fixtures.eur("2.00"),
            ProductType.CURRENT_ACCOUNT, Channel.BRANCH),
        new Transaction("z4", customer(5), epoch.plus(Duration.ofDays(2)), Direction.CREDIT, Fixtures.eur("1.00"),
            ProductType.CURRENT_ACCOUNT, Channel.BRANCH));
    engine.ingest(txs.get(0));
    assertThat(windows(5)).containsExactly(new WindowVolume(0, 700));
    engine.ingest(txs.get(1));
    assertThat(windows(5)).containsExactly(new WindowVolume(-1, 300), new WindowVolume(0, 700));
    engine.ingest(txs.get(2));
    engine.ingest(txs.get(3));
    assertThat(windows(5))
        .containsExactly(new WindowVolume(-2, 200), new WindowVolume(-1, 300), new WindowVolume(0, 800));

    // window 0 arriving after one and after two earlier windows
    for (List<Integer> order : List.of(List.of(1, 0, 2, 3), List.of(2, 1, 0, 3))) {
      LifecycleEngine other = Fixtures.builder().build();
      order.forEach(i -> other.ingest(txs.get(i)));
      assertThat(other.customer(customer(5)).orElseThrow().metrics().windows()).as("order %s", order)
          .isEqualTo(windows(5));
    }
  }
}
