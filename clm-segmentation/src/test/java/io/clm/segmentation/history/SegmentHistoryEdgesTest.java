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
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refusals of a history and what a migration matrix reports about itself. */
class SegmentHistoryEdgesTest {
  private static final Instant JAN = Instant.parse("2026-01-31T00:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-28T00:00:00Z");
  private static final CustomerId A = CustomerId.of("a");
  private static final CustomerId B = CustomerId.of("b");

  private static Segmentation valueTiers(Instant when, double a, double b) {
    SegmentationScheme s = Clm.plugins().get(SegmentationScheme.class, "value-tier");
    return s.segmenter(new FittedScheme("value-tier", 1, Map.of(
            "high.share", 0.2, "medium.share", 0.3, "high.min-profit", 100.0, "medium.min-profit", 10.0)))
        .assignAll(Population.builder(when, new CustomerId[] {A, B}).metric(Metric.PROFIT, new double[] {a, b}).build());
  }

  private static Assignment assignment(CustomerId id, String segment) {
    return new Assignment("value-tier", id, segment, "", Map.of());
  }

  @Test
  void aSegmentationOfAnotherSchemeIsRefusedAndChangesNothing() {
    SegmentHistory history = new SegmentHistory("value-pyramid");
    assertThat(history.schemeId()).isEqualTo("value-pyramid");
    assertThatThrownBy(() -> history.record(valueTiers(JAN, 500, 5), JAN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segment history of 'value-pyramid' cannot record segments of 'value-tier'");
    assertThat(history.size()).isZero();
    assertThat(history.segmentAt(A, JAN)).isEmpty();
  }

  /** A customer's recordings must go forward: the same instant again is refused, not taken as a correction. */
  @Test
  void aSecondAssignmentAtTheSameInstantIsRefusedAndChangesNothing() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(assignment(A, "low"), JAN);
    assertThatThrownBy(() -> history.record(assignment(A, "high"), JAN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customer " + A.masked() + " was already recorded at " + JAN + ", not before " + JAN);
    assertThatThrownBy(() -> history.record(assignment(A, "high"), JAN.minusNanos(1)))
        .isInstanceOf(ValidationException.class);
    assertThat(history.segmentAt(A, JAN)).contains("low");
    assertThat(history.moves(A)).isEmpty();
    assertThat(history.record(assignment(A, "high"), JAN.plusNanos(1))).isPresent();
  }

  /** A customer whose segment did not change may still be recorded later, and is then not recorded before that. */
  @Test
  void aRecordingWithoutAMoveStillMovesTheCustomersLastInstant() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(assignment(A, "low"), JAN);
    assertThat(history.record(assignment(A, "low"), FEB)).isEmpty();
    assertThatThrownBy(() -> history.record(assignment(A, "high"), FEB.minusSeconds(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customer " + A.masked() + " was already recorded at " + FEB + ", not before " + FEB.minusSeconds(1));
  }

  @Test
  void theMatrixNamesItsSchemeInstantsAndSegments() {
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(valueTiers(JAN, 500, 5), JAN);
    history.record(valueTiers(FEB, Double.NaN, 50), FEB);
    MigrationMatrix m = history.migration(JAN, FEB);
    assertThat(m.schemeId()).isEqualTo("value-tier");
    assertThat(m.from()).isEqualTo(JAN);
    assertThat(m.to()).isEqualTo(FEB);
    assertThat(m.segments()).containsExactly("high", "low", Assignment.UNCLASSIFIED, "medium");
    assertThat(m.count("high", Assignment.UNCLASSIFIED)).isEqualTo(1);
    assertThat(m.count("low", "medium")).isEqualTo(1);
    // a segment of the scheme never recorded, on either side
    assertThat(m.count("medium", "medium")).isZero();
    assertThat(m.count("key", "high")).isZero();
    assertThat(m.count("high", "key")).isZero();
    assertThat(history.toString()).isEqualTo("SegmentHistory[value-tier, 2 customers]");
  }

  /** Names of up to 24 characters are printed whole; longer ones are cut to 23 and a tilde. */
  @Test
  void thePrintedMatrixCutsOnlyNamesLongerThan24Characters() {
    String exactly24 = "potential-loyalist-early";
    String over24 = "potential-loyalist-lately";
    assertThat(exactly24).hasSize(24);
    assertThat(over24).hasSize(25);
    SegmentHistory history = new SegmentHistory("value-tier");
    history.record(assignment(A, exactly24), JAN);
    history.record(assignment(B, over24), JAN);
    String[] lines = history.migration(JAN, FEB).toString().split("\n");
    assertThat(lines[1]).contains(" " + exactly24).contains(" potential-loyalist-late~");
    assertThat(lines[2]).startsWith(exactly24 + " ");
    assertThat(lines[3]).startsWith("potential-loyalist-late~ ");
  }
}
