package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.prospect;
import static io.clm.segmentation.Fixtures.transacted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
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
   * Hand-written cut points: 50/150/250/350/450 days score R 5..1, 1..5 transactions score F 1..5,
   * 100..500 euros score M 1..5.
   */
  private Segmenter byScore() {
    Map<String, Double> p = new HashMap<>();
    for (int s = 2; s <= 5; s++) {
      p.put("recency.score" + s + "-max-days", 600.0 - 100 * s);
      p.put("frequency.score" + s + "-min", (double) s);
      p.put("monetary.score" + s + "-min", 100.0 * s);
    }
    return rfm.segmenter(new FittedScheme("rfm", 1, p));
  }

  private Assignment withScores(int r, int f, int m) {
    double days = 550 - 100 * r;
    return byScore().assign(customer("c", b -> transacted(b, f, 100L * m, days)), AS_OF);
  }

  /** Each named segment of the R rfm package's rules, from a cell its published ranges give it. */
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
    "1,1,1,lost",
    "1,1,2,lost",
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
   * First match wins, as in rfm 0.2.2 and later: New Customers (R4-5 F1 M1) and Promising (R3-4 F1
   * M1) lie inside Potential Loyalist (R3-5 F1-3 M1-3), Can't Lose Them (R1 F4-5 M4-5) inside At
   * Risk (R1-2 F2-5 M2-5), so the published rules never reach them.
   */
  @ParameterizedTest(name = "R{0} F{1} M{2} in {3}'s range goes to {4}")
  @CsvSource({
    "5,1,1,new-customers,potential-loyalist",
    "4,1,1,new-customers,potential-loyalist",
    "4,1,1,promising,potential-loyalist",
    "3,1,1,promising,potential-loyalist",
    "1,4,4,cant-lose-them,at-risk",
    "1,5,5,cant-lose-them,at-risk",
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
    assertThat(cells).doesNotContainKeys("new-customers", "promising", "cant-lose-them");
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

  @Test
  void tenCustomersFallTwoToEachScore() {
    // Counts 1..10: cuts at sorted positions 2, 4, 6, 8 are 3, 5, 7, 9.
    double[] counts = {4, 9, 1, 7, 2, 10, 3, 8, 5, 6};
    FittedScheme fitted = rfm.fit(population(counts, counts, counts));
    assertThat(fitted.parameters())
        .containsEntry("frequency.score2-min", 3.0)
        .containsEntry("frequency.score3-min", 5.0)
        .containsEntry("frequency.score4-min", 7.0)
        .containsEntry("frequency.score5-min", 9.0)
        .containsEntry("recency.score2-max-days", 8.0)
        .containsEntry("recency.score5-max-days", 2.0);
  }

  /** Quintiles put 20 % of customers in each score, give or take one group of tied values. */
  @Test
  void quintilesHoldAFifthEachWithinOneTieGroup() {
    qt().withExamples(150)
        .forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 400))
        .checkAssert(values -> {
          double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
          FittedScheme fitted = rfm.fit(population(v, v, v));
          int maxTie = maxTieGroup(v);
          for (String measure : List.of("frequency", "monetary")) {
            int[] perScore = new int[6];
            for (double x : v) {
              int s = 1;
              for (int j = 2; j <= 5; j++) {
                s += x >= fitted.parameter(measure + ".score" + j + "-min") ? 1 : 0;
              }
              perScore[s]++;
            }
            for (int s = 1; s <= 5; s++) {
              assertThat(Math.abs(perScore[s] - v.length / 5.0))
                  .as("%s score %d of %d values, largest tie group %d", measure, s, v.length, maxTie)
                  .isLessThanOrEqualTo(maxTie);
            }
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
