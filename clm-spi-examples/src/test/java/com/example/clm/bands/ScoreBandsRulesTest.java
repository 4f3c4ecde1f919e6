package com.example.clm.bands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreBandsRulesTest {
  private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");

  @Test
  void crossedCutPointsAreRefusedRatherThanLeavingSilverEmpty() {
    // with silver at or above gold, every score of silver would be gold: no customer could be silver
    assertThatThrownBy(() -> new ScoreBands().configure(Map.of("silver.min-score", 760.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'example.score-bands': silver.min-score 760.0 is not below gold.min-score 750.0");
    assertThatThrownBy(() -> new ScoreBands().configure(Map.of("silver.min-score", 750.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'example.score-bands': silver.min-score 750.0 is not below gold.min-score 750.0");
    FittedScheme crossed = new FittedScheme("example.score-bands", 1, Map.of("gold.min-score", 600.0, "silver.min-score", 700.0));
    assertThatThrownBy(() -> new ScoreBands().segmenter(crossed))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'example.score-bands': silver.min-score 700.0 is not below gold.min-score 600.0");
  }

  private static Customer withScore(String id, Integer score) {
    MetricsSnapshot.Builder m = MetricsSnapshot.builder(Currency.getInstance("EUR"), Instant.parse("2020-01-01T00:00:00Z"));
    if (score != null) {
      m.attribute(Attribute.CREDIT_SCORE, BigDecimal.valueOf(score), Instant.parse("2025-01-01T00:00:00Z"));
    }
    return new Customer(CustomerId.of(id), "active", 0, m.build(), Map.of());
  }

  @Test
  void bandsAtTheirCutPointsWithTheScoreThatPlacedThem() {
    ScoreBands scheme = new ScoreBands();
    var segmenter = scheme.segmenter(scheme.fit(Population.of(List.of(), NOW, scheme.columns())));
    List<Customer> customers =
        List.of(withScore("a", 750), withScore("b", 749), withScore("c", 600), withScore("d", 599), withScore("e", null));
    List<String> expected = java.util.Arrays.asList("gold", "silver", "silver", "bronze", "unclassified");
    var all = segmenter.assignAll(Population.of(customers, NOW, scheme.columns()));
    for (int i = 0; i < customers.size(); i++) {
      assertThat(segmenter.assign(customers.get(i), NOW).segment()).as("customer %d", i).isEqualTo(expected.get(i));
      assertThat(all.segment(i)).as("customer %d in a population", i).isEqualTo(expected.get(i));
    }
    assertThat(segmenter.assign(withScore("a", 750), NOW).inputs()).containsExactly(Map.entry("credit-score", 750.0));
    assertThat(segmenter.assign(withScore("e", null), NOW).reason()).isEqualTo("credit score not supplied");
    assertThat(segmenter.assign(withScore("e", null), NOW).inputs()).isEmpty();
  }
}
