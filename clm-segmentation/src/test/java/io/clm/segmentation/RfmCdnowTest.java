package io.clm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW sample scored as the R package rfm 0.2 scores it ({@code rfm_table_order}, one row one
 * order, analysis date 1998-07-01). The expected bounds and counts come from an independent
 * transcription of the package's R code in numpy ({@code clm-benchmarks/python/rfm_reference.py}).
 */
class RfmCdnowTest {

  private static final LocalDate ANALYSIS = LocalDate.of(1998, 7, 1);
  private static Population cdnow;

  @BeforeAll
  static void read() throws IOException {
    Map<String, double[]> byCustomer = new TreeMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(RfmCdnowTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 5) {
          continue;
        }
        double days = ChronoUnit.DAYS.between(LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), ANALYSIS);
        double[] rfm = byCustomer.computeIfAbsent(f[1], k -> new double[] {Double.MAX_VALUE, 0, 0});
        rfm[0] = Math.min(rfm[0], days);
        rfm[1]++;
        rfm[2] += Double.parseDouble(f[4]);
      }
    }
    int n = byCustomer.size();
    CustomerId[] ids = new CustomerId[n];
    double[] recency = new double[n];
    double[] frequency = new double[n];
    double[] monetary = new double[n];
    int i = 0;
    for (Map.Entry<String, double[]> e : byCustomer.entrySet()) {
      ids[i] = CustomerId.of(e.getKey());
      recency[i] = e.getValue()[0];
      frequency[i] = e.getValue()[1];
      monetary[i] = e.getValue()[2];
      i++;
    }
    cdnow =
        Population.builder(ANALYSIS.atStartOfDay().toInstant(ZoneOffset.UTC), ids)
            .metric(Metric.DAYS_SINCE_LAST_TRANSACTION, recency)
            .metric(Metric.TRANSACTION_COUNT, frequency)
            .metric(Metric.TRANSACTION_VOLUME, monetary)
            .build();
  }

  @Test
  void boundsAreThePackagesBounds() {
    FittedScheme fitted = Fixtures.scheme("rfm").fit(cdnow);
    double[][] expected = {{154, 444, 488, 514}, {2, 2, 3, 5}, {16.36, 32.958, 60.25, 131.436}};
    String[] measures = {"recency", "frequency", "monetary"};
    for (int m = 0; m < 3; m++) {
      for (int j = 1; j <= 4; j++) {
        assertThat(fitted.parameter(measures[m] + ".bound" + j)).as("%s bound %d", measures[m], j).isCloseTo(expected[m][j - 1], within(1e-9));
      }
    }
  }

  @Test
  void vignetteSegmentsMatchThePackage() {
    SegmentationScheme rfm = Fixtures.scheme("rfm");
    Map<String, Long> counts = rfm.segmenter(rfm.fit(cdnow)).assignAll(cdnow).counts();
    // Every segment, the empty ones too: no customer is new, promising, one not to lose, or lost.
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("champions", 623L),
                Map.entry("loyal-customers", 410L),
                Map.entry("potential-loyalist", 411L),
                Map.entry("new-customers", 0L),
                Map.entry("promising", 0L),
                Map.entry("need-attention", 11L),
                Map.entry("about-to-sleep", 294L),
                Map.entry("at-risk", 23L),
                Map.entry("cant-lose-them", 0L),
                Map.entry("hibernating", 308L),
                Map.entry("lost", 0L),
                Map.entry("others", 277L)));
  }

  @Test
  void segmentExampleMatchesThePackage() {
    SegmentationScheme rfm = Fixtures.scheme("rfm").configure(Map.of("segment-table", 10.0));
    Map<String, Long> counts = rfm.segmenter(rfm.fit(cdnow)).assignAll(cdnow).counts();
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("champions", 232L),
                Map.entry("potential-loyalist", 826L),
                Map.entry("loyal-customers", 57L),
                Map.entry("promising", 94L),
                Map.entry("new-customers", 2L),
                Map.entry("cant-lose-them", 16L),
                Map.entry("at-risk", 2L),
                Map.entry("need-attention", 10L),
                Map.entry("about-to-sleep", 669L),
                Map.entry("lost", 442L),
                Map.entry("hibernating", 0L),
                Map.entry("others", 7L)));
  }

  @Test
  void everyOneOrderCustomerHasFrequencyScoreOne() {
    SegmentationScheme rfm = Fixtures.scheme("rfm");
    FittedScheme fitted = rfm.fit(cdnow);
    // Bounds 2, 2, 3, 5: one order is below the first bound, so F = 1; F = 2 is empty.
    assertThat(fitted.parameter("frequency.bound1")).isEqualTo(2.0);
    assertThat(fitted.parameter("frequency.bound2")).isEqualTo(2.0);
  }
}
