package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.transacted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.SegmentationScheme;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ranges of a published RFM rule, a hand-written fit whose bounds are out of order, and what an
 * assignment reports. The segment tables themselves are checked through the scheme in {@link
 * RfmTest}; the rules are also checked here one by one, because the scheme reads them once, into
 * its table of the 125 cells, when it is loaded.
 */
class RfmRulesTest {
  private final SegmentationScheme rfm = Fixtures.scheme("rfm");

  /** "Need Attention" of the vignette's table: R 2–3, F 2–3, M 2–3, both ends included. */
  @Test
  void aRulesRangesIncludeBothEnds() {
    Rfm.RfmRule rule = new Rfm.RfmRule("need-attention", 2, 3, 2, 3, 2, 3);
    assertThat(rule.matches(2, 2, 2)).isTrue();
    assertThat(rule.matches(3, 3, 3)).isTrue();
    assertThat(rule.matches(2, 3, 2)).isTrue();
    assertThat(rule.matches(3, 2, 3)).isTrue();
    assertThat(rule.matches(1, 2, 2)).isFalse();
    assertThat(rule.matches(4, 2, 2)).isFalse();
    assertThat(rule.matches(2, 1, 2)).isFalse();
    assertThat(rule.matches(2, 4, 2)).isFalse();
    assertThat(rule.matches(2, 2, 1)).isFalse();
    assertThat(rule.matches(2, 2, 4)).isFalse();
  }

  /** "Promising" of the rfm_segment() example: R 3–4, F 1–3, M 3–5, each end of each range. */
  @Test
  void eachEndOfEachRangeIsChecked() {
    Rfm.RfmRule rule = new Rfm.RfmRule("promising", 3, 4, 1, 3, 3, 5);
    assertThat(rule.matches(3, 1, 3)).isTrue();
    assertThat(rule.matches(4, 3, 5)).isTrue();
    assertThat(rule.matches(2, 1, 3)).isFalse();
    assertThat(rule.matches(5, 3, 5)).isFalse();
    assertThat(rule.matches(3, 4, 3)).isFalse();
    assertThat(rule.matches(4, 1, 2)).isFalse();
  }

  /**
   * The published tables as the scheme holds them, row by row (docs/segmentation.md): the first
   * row of the vignette's table and the last of the rfm_segment() example.
   */
  @Test
  void theTablesHoldThePublishedRows() {
    assertThat(Rfm.VIGNETTE).hasSize(11);
    assertThat(Rfm.VIGNETTE.get(0)).isEqualTo(new Rfm.RfmRule("champions", 4, 5, 4, 5, 4, 5));
    assertThat(Rfm.SEGMENT_EXAMPLE).hasSize(10);
    assertThat(Rfm.SEGMENT_EXAMPLE.get(9)).isEqualTo(new Rfm.RfmRule("lost", 1, 1, 1, 5, 1, 5));
  }

  @Test
  void aHandWrittenFitWithBoundsOutOfOrderIsRefusedNamingThem() {
    Map<String, Double> p = new HashMap<>();
    for (int j = 1; j <= 4; j++) {
      p.put("recency.bound" + j, 100.0 * j);
      p.put("frequency.bound" + j, j + 1.0);
      p.put("monetary.bound" + j, 100.0 * (j + 1));
    }
    p.put("segment-table", 11.0);
    p.put("frequency.bound3", 2.5);
    FittedScheme swapped = new FittedScheme("rfm", 2, p);
    assertThatThrownBy(() -> rfm.segmenter(swapped))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'rfm': parameter 'frequency.bound3' is out of order with 'frequency.bound2'");
    p.put("frequency.bound3", 4.0);
    p.put("monetary.bound2", 150.0);
    FittedScheme monetary = new FittedScheme("rfm", 2, p);
    assertThatThrownBy(() -> rfm.segmenter(monetary))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'rfm': parameter 'monetary.bound2' is out of order with 'monetary.bound1'");
  }

  /**
   * Against bounds 100, 200, 300, 400 days, 2, 3, 4, 5 transactions and 200, 300, 400, 500 euros,
   * 3 transactions worth 300 euros, the last 250 days ago, score R 3, F 3, M 3: loyal customers.
   */
  @Test
  void anAssignmentReportsTheMeasuresAndTheScores() {
    Map<String, Double> p = new HashMap<>();
    for (int j = 1; j <= 4; j++) {
      p.put("recency.bound" + j, 100.0 * j);
      p.put("frequency.bound" + j, j + 1.0);
      p.put("monetary.bound" + j, 100.0 * (j + 1));
    }
    p.put("segment-table", 11.0);
    Assignment a = rfm.segmenter(new FittedScheme("rfm", 2, p)).assign(customer("c", b -> transacted(b, 3, 300, 250)), AS_OF);
    assertThat(a.segment()).isEqualTo("loyal-customers");
    assertThat(a.inputs())
        .containsEntry("days-since-last-transaction", 250.0)
        .containsEntry("transaction-count", 3.0)
        .containsEntry("transaction-volume", 300.0)
        .containsEntry("recency-score", 3.0)
        .containsEntry("frequency-score", 3.0)
        .containsEntry("monetary-score", 3.0);
  }
}
