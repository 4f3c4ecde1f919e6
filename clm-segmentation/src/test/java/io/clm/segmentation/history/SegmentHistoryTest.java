package io.clm.segmentation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentHistoryTest {
  private static final Instant JAN = Instant.parse("2026-01-31T00:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-28T00:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-31T00:00:00Z");
  private static final CustomerId A = CustomerId.of("a");
  private static final CustomerId B = CustomerId.of("b");
  private static final CustomerId C = CustomerId.of("c");

  private final Segmenter tiers = tiers();

  private static Segmenter tiers() {
    SegmentationScheme s = Clm.plugins()
        .get(SegmentationScheme.class, "value-tier");
    return s.segmenter(new FittedScheme("value-tier", 1, Map.of(
        "high.share", 0.2, "medium.share", 0.3, "high.min-profit", 100.0, "medium.min-profit", 10.0)));
  }

  private Segmentation at(Instant when, double a, double b, double c) {
    return tiers.assignAll(Population.builder(when, new CustomerId[] {A, B, C})
        .metric(Metric.PROFIT, new double[] {a, b, c})
        .build());
  }

  @Test
  void reSegmentingRecordsMovesAndAMigrationMatrix() {
    SegmentHistory history = new SegmentHistory("value-tier");
    assertThat(history.record(at(JAN, 500, 50, 5), JAN)).isEmpty();
    List<SegmentMove> moves = history.record(at(FEB, 50, 50, Double.NaN), FEB);
    assertThat(moves).containsExactly(
        new SegmentMove("value-tier", A, "high", "medium", FEB),
        new SegmentMove("value-tier", C, "low", Assignment.UNCLASSIFIED, FEB));
    history.record(at(MAR, 500, 5, Double.NaN), MAR);

    MigrationMatrix janToMar = history.migration(JAN, MAR);
    assertThat(janToMar.count("high", "high")).isEqualTo(1);
    assertThat(janToMar.count("medium", "low")).isEqualTo(1);
    assertThat(janToMar.count("low", Assignment.UNCLASSIFIED)).isEqualTo(1);
    assertThat(janToMar.count("high", "medium")).isZero();
    assertThat(janToMar.total()).isEqualTo(3);
    assertThat(janToMar.moved()).isEqualTo(2);

    MigrationMatrix janToFeb = history.migration(JAN, FEB);
    assertThat(janToFeb.count("high", "medium")).isEqualTo(1);
    assertThat(janToFeb.count("medium", "medium")).isEqualTo(1);

    assertThat(history.segmentAt(A, FEB.plusSeconds(1))).contains("medium");
    assertThat(history.segmentAt(A, JAN.minusSeconds(1))).isEmpty();
    assertThat(history.moves(A)).extracting(SegmentMove::to).containsExactly("medium", "high");
    assertThat(janToMar.toString()).contains("from \\ to").doesNotContain("#");
  }

  @Test
  void customersRecordedLaterAreNotCountedFromEarlierDates() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(tiers.assignAll(Population.builder(JAN, new CustomerId[] {A}).metric(Metric.PROFIT, new double[] {500}).build()), JAN);
    history.record(at(FEB, 500, 50, 5), FEB);
    assertThat(history.migration(JAN, FEB).total()).isEqualTo(1);
    assertThat(history.migration(FEB, FEB).total()).isEqualTo(3);
  }

  @Test
  void singleAssignmentsAreRecordedToo() {
    SegmentHistory history = new SegmentHistory("value-tier");
    assertThat(history.record(new Assignment("value-tier", A, "low", "", Map.of()), JAN)).isEmpty();
    Optional<SegmentMove> move = history.record(new Assignment("value-tier", A, "high", "", Map.of()), FEB);
    assertThat(move).contains(new SegmentMove("value-tier", A, "low", "high", FEB));
  }

  @Test
  void goingBackInTimeOrMixingSchemesIsRefusedAndChangesNothing() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(at(FEB, 500, 50, 5), FEB);
    assertThatThrownBy(() -> history.record(at(JAN, 5, 5, 5), JAN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customer " + A.masked() + " was already recorded at " + FEB + ", not before " + JAN);
    assertThat(history.segmentAt(A, MAR)).contains("high");
    assertThatThrownBy(() -> history.record(new Assignment("rfm", A, "lost", "", Map.of()), MAR))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segment history of 'value-tier' cannot record segments of 'rfm'");
    assertThatThrownBy(() -> history.migration(MAR, JAN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("migration 'to' " + JAN + " is before 'from' " + MAR);
  }

  /** February's segments recorded as January's would move customers a month early; later is fine. */
  @Test
  void aSegmentationIsNotRecordedBeforeTheInstantOfItsPopulation() {
    SegmentHistory history = new SegmentHistory("value-tier");
    assertThatThrownBy(() -> history.record(at(FEB, 500, 50, 5), JAN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segmentation of a population as of " + FEB + " cannot be recorded at " + JAN + ", before it");
    assertThat(history.size()).isZero();
    history.record(at(JAN, 500, 50, 5), JAN.plusSeconds(3600));
    assertThat(history.size()).isEqualTo(3);
  }

  @Test
  void aPopulationNamingACustomerTwiceIsRefusedBeforeAnyHistorySeesIt() {
    assertThatThrownBy(() -> Population.builder(JAN, new CustomerId[] {A, A}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customer " + A.masked() + " is in the population twice, in rows 0 and 1");
  }

  /** Instants less than a millisecond apart are in order, and a move keeps its exact instant. */
  @Test
  void recordingsLessThanAMillisecondApartKeepTheirOrder() {
    Instant t0 = Instant.parse("2026-01-31T10:00:00.000100Z");
    Instant between = Instant.parse("2026-01-31T10:00:00.000300Z");
    Instant t1 = Instant.parse("2026-01-31T10:00:00.000600Z");
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(new Assignment("value-tier", A, "low", "", Map.of()), t0);
    assertThat(history.record(new Assignment("value-tier", A, "high", "", Map.of()), t1))
        .contains(new SegmentMove("value-tier", A, "low", "high", t1));
    assertThat(history.moves(A)).containsExactly(new SegmentMove("value-tier", A, "low", "high", t1));
    assertThat(history.segmentAt(A, between)).contains("low");
    assertThat(history.segmentAt(A, t1)).contains("high");
    assertThat(history.migration(t0, between).count("low", "low")).isEqualTo(1);
    assertThat(history.migration(t0, t1).count("low", "high")).isEqualTo(1);
  }

  /** Any instant can be recorded and asked about, the first and the last included. */
  @Test
  void theWholeRangeOfInstantsIsRecorded() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(new Assignment("value-tier", A, "low", "", Map.of()), Instant.MIN);
    assertThat(history.record(new Assignment("value-tier", A, "high", "", Map.of()), Instant.MAX))
        .contains(new SegmentMove("value-tier", A, "low", "high", Instant.MAX));
    assertThat(history.segmentAt(A, JAN)).contains("low");
    assertThat(history.migration(Instant.MIN, Instant.MAX).count("low", "high")).isEqualTo(1);
  }

  /**
   * A customer missing from a later population keeps its last segment: the history does not take
   * absence for leaving. Recorded as unclassified, a customer who left is counted apart.
   */
  @Test
  void aCustomerMissingFromALaterPopulationKeepsItsSegmentUntilRecordedAsLeaving() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(at(JAN, 500, 50, 5), JAN);
    Segmentation withoutC = tiers.assignAll(Population.builder(FEB, new CustomerId[] {A, B})
        .metric(Metric.PROFIT, new double[] {500, 5})
        .build());
    history.record(withoutC, FEB);
    MigrationMatrix kept = history.migration(JAN, FEB);
    assertThat(kept.count("low", "low")).isEqualTo(1);
    assertThat(kept.total()).isEqualTo(3);
    assertThat(kept.moved()).isEqualTo(1);

    history.record(new Assignment("value-tier", C, Assignment.UNCLASSIFIED, "relationship closed", Map.of()), FEB.plusSeconds(1));
    MigrationMatrix left = history.migration(JAN, MAR);
    assertThat(left.count("low", "low")).isZero();
    assertThat(left.count("low", Assignment.UNCLASSIFIED)).isEqualTo(1);
    assertThat(left.moved()).isEqualTo(2);
  }

  /** The printed matrix keeps its columns under their headings, whatever the length of the names. */
  @Test
  void thePrintedMatrixIsAligned() {
    SegmentHistory history = new SegmentHistory("rfm");
    CustomerId d = CustomerId.of("d");
    history.record(new Assignment("rfm", A, "champions", "", Map.of()), JAN);
    history.record(new Assignment("rfm", d, "high-credit-large-high-loyalty", "", Map.of()), JAN);
    history.record(new Assignment("rfm", A, "potential-loyalist", "", Map.of()), FEB);
    String[] lines = history.migration(JAN, FEB).toString().split("\n");
    // a title, a heading and three rows
    assertThat(lines).hasSize(5);
    assertThat(lines[1]).hasSameSizeAs(lines[2]).hasSameSizeAs(lines[3]).hasSameSizeAs(lines[4]);
    // each count ends where its heading ends
    int end = lines[1].indexOf("potential-loyalist") + "potential-loyalist".length();
    assertThat(lines[2].charAt(end - 1)).isEqualTo('1');
  }
}
