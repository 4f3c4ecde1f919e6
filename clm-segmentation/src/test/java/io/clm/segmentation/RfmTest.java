package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.prospect;
import static io.clm.segmentation.Fixtures.transacted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import io.clm.plugin.support.Rules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmTest {
  private final SegmentationScheme rfm = Fixtures.scheme("rfm");

  /**
   * Hand-written bounds: 50/150/250/350/450 days score R 5..1 (bounds 100..400), 1..5 transactions
   * score F 1..5 (bounds 2..5), 100..500 euros score M 1..5 (bounds 200..500).
   */
  private Segmenter byScore(double table) {
    Map<String, Double> p = new HashMap<>();
    for (int j = 1; j <= 4; j++) {
      p.put("recency.bound" + j, 100.0 * j);
      p.put("frequency.bound" + j, j + 1.0);
      p.put("monetary.bound" + j, 100.0 * (j + 1));
    }
    p.put("segment-table", table);
    return rfm.segmenter(new FittedScheme("rfm", 2, p));
  }

  private Segmenter byScore() {
    return byScore(11);
  }

  private Assignment withScores(int r, int f, int m) {
    double days = 550 - 100 * r;
    return byScore().assign(customer("c", b -> transacted(b, f, 100L * m, days)), AS_OF);
  }

  /** Each named segment of the vignette's table, from a cell its published ranges give it. */
  @ParameterizedTest(name = "R{0} F{1} M{2} is {3}")
  @CsvSource({
    "5,5,5,champions",
    "4,4,4,champions",
    "3,4,4,loyal-customers",
    "5,3,3,loyal-customers",
    "5,2,2,potential-loyalist",
    "3,1,3,potential-loyalist",
    "2,2,2,need-attention",
    "2,3,2,need-attention",
    "2,1,1,about-to-sleep",
    "3,1,4,others",
    "1,5,5,at-risk",
    "2,4,2,at-risk",
    "1,1,1,hibernating",
    "1,1,2,hibernating",
    "1,1,5,others",
  })
  void namedSegments(int r, int f, int m, String segment) {
    Assignment a = withScores(r, f, m);
    assertThat(a.inputs())
        .containsEntry("recency-score", (double) r)
        .containsEntry("frequency-score", (double) f)
        .containsEntry("monetary-score", (double) m);
    assertThat(a.segment()).isEqualTo(segment);
  }

  /**
   * First match wins, as in the vignette's case_when: New Customers (R4-5 F1 M1) and Promising (R3-4
   * F1 M1) lie inside Potential Loyalist (R3-5 F1-3 M1-3), Can't Lose Them (R1 F4-5 M4-5) inside At
   * Risk (R1-2 F2-5 M2-5), Lost (R, F, M at most 2) inside Hibernating (1-2 each), so the published
   * rules never reach them.
   */
  @ParameterizedTest(name = "R{0} F{1} M{2} in {3}'s range goes to {4}")
  @CsvSource({
    "5,1,1,new-customers,potential-loyalist",
    "4,1,1,new-customers,potential-loyalist",
    "4,1,1,promising,potential-loyalist",
    "3,1,1,promising,potential-loyalist",
    "1,4,4,cant-lose-them,at-risk",
    "1,5,5,cant-lose-them,at-risk",
    "1,2,1,lost,hibernating",
  })
  void shadowedSegments(int r, int f, int m, String shadowed, String winner) {
    assertThat(rfm.segments()).contains(shadowed);
    assertThat(withScores(r, f, m).segment()).isEqualTo(winner);
  }

  @Test
  void everyCellGetsExactlyOneNamedSegmentOrOthers() {
    Map<String, Integer> cells = new HashMap<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          cells.merge(withScores(r, f, m).segment(), 1, Integer::sum);
        }
      }
    }
    assertThat(cells.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(125);
    assertThat(cells).doesNotContainKeys("new-customers", "promising", "cant-lose-them", "lost");
    // Champions: R4-5 x F4-5 x M4-5, all reached first.
    assertThat(cells).containsEntry("champions", 8);
  }

  @Test
  void prospectsAreUnclassifiedForWantOfRecency() {
    Assignment a = byScore().assign(prospect("p"), AS_OF);
    assertThat(a.segment()).isEqualTo(Assignment.UNCLASSIFIED);
    assertThat(a.reason()).isEqualTo("no transactions: recency undefined");
    assertThat(a.inputs()).containsEntry("transaction-count", 0.0).doesNotContainKey("recency-score");
  }

  @Test
  void fittingNeedsCustomersWithTransactions() {
    Population prospects = Population.of(List.of(prospect("a"), prospect("b")), AS_OF, rfm.columns());
    assertThatThrownBy(() -> rfm.fit(prospects))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'rfm' found no customer with transactions to fit on");
  }

  /** The ten-row example of rfm_segment(), chosen with segment-table = 10, in its own order. */
  @ParameterizedTest(name = "R{0} F{1} M{2} is {3} in the rfm_segment() example")
  @CsvSource({
    "5,5,5,champions",
    "5,4,5,potential-loyalist",
    "2,2,2,loyal-customers",
    "4,1,5,promising",
    "5,1,1,new-customers",
    "1,3,5,cant-lose-them",
    "2,5,4,at-risk",
    "1,5,3,need-attention",
    "2,1,1,about-to-sleep",
    "1,1,1,lost",
    "2,1,5,others",
  })
  void segmentExampleTable(int r, int f, int m, String segment) {
    double days = 550 - 100 * r;
    Assignment a = byScore(10).assign(customer("c", b -> transacted(b, f, 100L * m, days)), AS_OF);
    assertThat(a.segment()).isEqualTo(segment);
  }

  @Test
  void segmentTableIsTenOrEleven() {
    assertThatThrownBy(() -> rfm.configure(Map.of("segment-table", 10.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'rfm': parameter 'segment-table' is 10.5, not 10 or 11");
    assertThatThrownBy(() -> rfm.configure(Map.of("segment-table", 12.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'rfm': parameter 'segment-table' is 12.0, out of range 10..11");
  }

  @Test
  void boundsAreRsType7QuantilesPlusOne() {
    // R: quantile(1:10, seq(0, 1, length.out = 6))[2:5] is 2.8, 4.6, 6.4, 8.2; rfm adds one to each.
    double[] counts = {4, 9, 1, 7, 2, 10, 3, 8, 5, 6};
    FittedScheme fitted = rfm.fit(population(counts, counts, counts));
    assertThat(fitted.parameter("frequency.bound1")).isCloseTo(3.8, within(1e-12));
    assertThat(fitted.parameter("frequency.bound2")).isCloseTo(5.6, within(1e-12));
    assertThat(fitted.parameter("frequency.bound3")).isCloseTo(7.4, within(1e-12));
    assertThat(fitted.parameter("frequency.bound4")).isCloseTo(9.2, within(1e-12));
    assertThat(fitted.parameter("recency.bound1")).isCloseTo(3.8, within(1e-12));
    // Bins [1, 3.8), [3.8, 5.6), ...: three, two, two, two and one customers; R scores days 1..3 as 5.
    Population p = population(counts, counts, counts);
    int[] perF = new int[6];
    for (int row = 0; row < counts.length; row++) {
      Map<String, Double> in = explain(p, row);
      perF[in.get("frequency-score").intValue()]++;
      assertThat(in.get("recency-score")).isEqualTo(6 - in.get("frequency-score"));
    }
    assertThat(perF).containsExactly(0, 3, 2, 2, 2, 1);
  }

  /**
   * Bounds and scores as R 4.2 gives them, to the last bit: {@code quantile(x, seq(0, 1, length.out
   * = 6))[2:5] + 1}, then rfm's bins. R's fourth probability is 3 * 0.2 = 0.6000000000000001, so for
   * these eleven order counts the third bound is 3.0000000000000009, not 3, and the four customers
   * with 3 orders score F = 3 in R (R printed the scores 1 1 1 1 1 1 3 3 3 3 3).
   */
  @Test
  void boundsAndScoresAreRsToTheLastBit() {
    double[] f = {1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3};
    Population p = population(f, f, f);
    FittedScheme fitted = rfm.fit(p);
    assertThat(fitted.parameter("frequency.bound1")).isEqualTo(2.0);
    assertThat(fitted.parameter("frequency.bound2")).isEqualTo(2.0);
    assertThat(fitted.parameter("frequency.bound3")).isEqualTo(3.0000000000000009);
    assertThat(fitted.parameter("frequency.bound4")).isEqualTo(4.0);
    int[] expectedF = {1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3};
    for (int row = 0; row < f.length; row++) {
      Map<String, Double> in = explain(p, row);
      assertThat(in.get("frequency-score")).as("row %d", row).isEqualTo((double) expectedF[row]);
      assertThat(in.get("recency-score")).as("row %d", row).isEqualTo(6.0 - expectedF[row]);
    }
    // R: 4, 5, 6.0000000000000009, 7 for two customers with 2 and 7; 3.7999999999999998,
    // 5.5999999999999996, 7.4000000000000004, 9.1999999999999993 for 1..10;
    // 11.300000000000001, 43, 100.98999999999999, 251.75 for the six amounts below.
    double[] two = {2, 7};
    assertThat(bounds(two)).containsExactly(4.0, 5.0, 6.0000000000000009, 7.0);
    double[] ten = {4, 9, 1, 7, 2, 10, 3, 8, 5, 6};
    assertThat(bounds(ten)).containsExactly(3.7999999999999998, 5.5999999999999996, 7.4000000000000004, 9.1999999999999993);
    double[] amounts = {10.3, 250.75, 99.99, 0, 1e6, 42};
    assertThat(bounds(amounts)).containsExactly(11.300000000000001, 43.0, 100.98999999999999, 251.75);
  }

  /**
   * R 4.2 gives {@code quantile(x, seq(0, 1, length.out = 6))[2:5]} of these four amounts, a few
   * rounding steps apart, out of order: 12.34, 12.340000000000003, 12.340000000000002,
   * 12.340000000000003 ({@code is.unsorted} is TRUE). A score counts the bounds at or below a
   * value, whatever their order, so the fitted bounds are kept sorted and the scheme segments.
   */
  @Test
  void boundsThatRsArithmeticLeavesOutOfOrderAreSortedAndTheSchemeSegments() {
    double[] v = {12.340000000000003, 12.340000000000002, 12.340000000000005, 12.34};
    assertThat(bounds(v)).containsExactly(13.34, 13.340000000000002, 13.340000000000003, 13.340000000000003);
    double[] once = {1, 1, 1, 1};
    Population p = population(v, once, v);
    Segmentation all = rfm.segmenter(rfm.fit(p)).assignAll(p);
    for (int row = 0; row < v.length; row++) {
      Map<String, Double> in = explain(p, row);
      // every amount lies below every bound (each is a quantile plus one): M = 1, R = 5
      assertThat(in.get("monetary-score")).as("row %d", row).isEqualTo(1.0);
      assertThat(in.get("recency-score")).as("row %d", row).isEqualTo(5.0);
    }
    assertThat(all.size()).isEqualTo(4);
  }

  private double[] bounds(double[] v) {
    double[] once = new double[v.length];
    java.util.Arrays.fill(once, 1);
    FittedScheme fitted = rfm.fit(population(v, once, v));
    double[] out = new double[4];
    for (int j = 1; j <= 4; j++) {
      out[j - 1] = fitted.parameter("monetary.bound" + j);
    }
    return out;
  }

  /**
   * The bounds equal R's type-7 quantiles of the sorted values plus one, whatever the ties, to the
   * last bit: the steps of R's {@code quantile.default} (type 7) with the probabilities of {@code
   * seq(0, 1, length.out = 6)}, written out here from R's source.
   */
  @Test
  void boundsMatchASortedType7Quantile() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 400))
        .checkAssert(values -> {
          double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
          FittedScheme fitted = rfm.fit(population(v, v, v));
          double[] x = v.clone();
          java.util.Arrays.sort(x);
          int n = x.length;
          for (int j = 1; j <= 4; j++) {
            double prob = 0 + j * (1.0 / 5); // seq(0, 1, length.out = 6): from + (1:4) * (del / n1)
            double index = 1 + Math.max(n - 1, 0) * prob;
            int lo = (int) Math.floor(index);
            int hi = (int) Math.ceil(index);
            double qs = x[lo - 1];
            if (index > lo && x[hi - 1] != qs) {
              double h = index - lo;
              qs = (1 - h) * qs + h * x[hi - 1];
            }
            assertThat(fitted.parameter("monetary.bound" + j)).isEqualTo(qs + 1);
          }
        });
  }

  /** With a fitted scheme, more spend never lowers M and more recent activity never lowers R. */
  @Test
  void moreSpendAndMoreRecentNeverScoreLower() {
    Segmenter fitted = rfm.segmenter(rfm.fit(population(
        new double[] {5, 40, 90, 200, 365, 700},
        new double[] {1, 3, 5, 8, 13, 21},
        new double[] {10, 100, 1_000, 5_000, 20_000, 90_000})));
    qt().withExamples(200)
        .forAll(integers().between(0, 100_000), integers().between(0, 100_000), integers().between(0, 800), integers().between(0, 800))
        .checkAssert((spend1, spend2, days1, days2) -> {
          int lowSpend = Math.min(spend1, spend2);
          int highSpend = Math.max(spend1, spend2);
          int recent = Math.min(days1, days2);
          int older = Math.max(days1, days2);
          Assignment less = fitted.assign(customer("a", b -> transacted(b, 4, lowSpend, older)), AS_OF);
          Assignment more = fitted.assign(customer("a", b -> transacted(b, 4, highSpend, recent)), AS_OF);
          assertThat(more.inputs().get("monetary-score")).isGreaterThanOrEqualTo(less.inputs().get("monetary-score"));
          assertThat(more.inputs().get("recency-score")).isGreaterThanOrEqualTo(less.inputs().get("recency-score"));
        });
  }

  /** Refitting after one customer spends more never lowers that customer's M (nor R for more recent). */
  @Test
  void moreSpendNeverScoresLowerAfterRefitting() {
    qt().withExamples(150)
        .forAll(lists().of(integers().between(0, 50)).ofSizeBetween(1, 60), integers().between(0, 59), integers().between(0, 30))
        .checkAssert((values, at, extra) -> {
          int row = at % values.size();
          double[] before = values.stream().mapToDouble(Integer::doubleValue).toArray();
          double[] after = before.clone();
          after[row] += extra;
          double[] days = before.clone();
          double[] moreRecent = before.clone();
          moreRecent[row] = Math.max(0, moreRecent[row] - extra);
          Population p0 = population(days, before, before);
          Population p1 = population(moreRecent, after, after);
          Map<String, Double> s0 = explain(p0, row);
          Map<String, Double> s1 = explain(p1, row);
          assertThat(s1.get("monetary-score")).isGreaterThanOrEqualTo(s0.get("monetary-score"));
          assertThat(s1.get("frequency-score")).isGreaterThanOrEqualTo(s0.get("frequency-score"));
          assertThat(s1.get("recency-score")).isGreaterThanOrEqualTo(s0.get("recency-score"));
        });
  }

  private Map<String, Double> explain(Population p, int row) {
    Rfm scheme = (Rfm) rfm;
    Rules rules = scheme.rules(rfm.fit(p));
    Map<String, Double> inputs = new HashMap<>();
    rules.explain(p, row, inputs);
    return inputs;
  }

  static Population population(double[] days, double[] counts, double[] volumes) {
    CustomerId[] ids = new CustomerId[days.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = CustomerId.of("c" + i);
    }
    return Population.builder(AS_OF, ids)
        .metric(Metric.DAYS_SINCE_LAST_TRANSACTION, days)
        .metric(Metric.TRANSACTION_COUNT, counts)
        .metric(Metric.TRANSACTION_VOLUME, volumes)
        .build();
  }

  static int maxTieGroup(double[] v) {
    Map<Double, Integer> groups = new HashMap<>();
    for (double x : v) {
      groups.merge(x, 1, Integer::sum);
    }
    return groups.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
