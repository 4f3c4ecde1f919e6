package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.transacted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import io.clm.jackson.ClmJacksonModule;
import io.clm.segmentation.history.MigrationMatrix;
import io.clm.segmentation.history.SegmentHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk-through of docs/segmentation.md, compiled and run. */
class DocumentationExampleTest {

  @Test
  void fitSaveLoadAssignAndTrackMoves() throws Exception {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      customers.add(customer("c" + n, b -> transacted(b, 1 + n % 10, 100L * (n % 7), n % 60)));
    }
    Instant asOf = AS_OF;
    ObjectMapper objectMapper = new ObjectMapper().registerModule(new ClmJacksonModule());

    SegmentationScheme rfm = Clm.plugins().get(SegmentationScheme.class, "rfm");
    Population portfolio = Population.of(customers, asOf, rfm.columns());
    FittedScheme fitted = rfm.fit(portfolio);
    String json = objectMapper.writeValueAsString(fitted);
    FittedScheme loaded = objectMapper.readValue(json, FittedScheme.class);
    Segmenter segmenter = rfm.segmenter(loaded);
    Segmentation all = segmenter.assignAll(portfolio);
    Assignment one = segmenter.assign(customers.get(0), asOf);

    assertThat(one.segment()).isEqualTo(all.segment(0));
    assertThat(all.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(50);

    // A month later every customer has gone quiet for another 30 days.
    Instant later = asOf.plus(Duration.ofDays(30));
    SegmentHistory history = new SegmentHistory("rfm");
    assertThat(history.record(all, asOf)).isEmpty();
    Segmentation next = segmenter.assignAll(Population.of(customers, later, rfm.columns()));
    int moved = history.record(next, later).size();
    MigrationMatrix matrix = history.migration(asOf, later);
    assertThat(matrix.total()).isEqualTo(50);
    assertThat(matrix.moved()).isEqualTo(moved).isPositive();
  }
}
