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
}
