package com.example.clm.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmenter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreditBureauBandsRulesTest {
  private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");
  private final CreditBureauBands scheme = new CreditBureauBands();

  private static Customer withScore(String id, Integer score) {
    MetricsSnapshot.Builder m = MetricsSnapshot.builder(Currency.getInstance("EUR"), Instant.parse("2020-01-01T00:00:00Z"));
    if (score != null) {
      m.attribute(Attribute.CREDIT_SCORE, BigDecimal.valueOf(score), Instant.parse("2025-01-01T00:00:00Z"));
    }
    return new Customer(CustomerId.of(id), "active", 0, m.build(), Map.of());
  }

  private Segmenter segmenter() {
    return scheme.segmenter(scheme.fit(Population.of(List.of(), NOW, scheme.columns())));
  }

  @Test
  void bandsAtTheirCutPoints() {
    Segmenter s = segmenter();
    assertThat(s.assign(withScore("a", 800), NOW).segment()).isEqualTo("excellent");
    assertThat(s.assign(withScore("b", 799), NOW).segment()).isEqualTo("good");
    assertThat(s.assign(withScore("c", 670), NOW).segment()).isEqualTo("good");
    assertThat(s.assign(withScore("d", 580), NOW).segment()).isEqualTo("fair");
    assertThat(s.assign(withScore("e", 579), NOW).segment()).isEqualTo("poor");
    assertThat(s.assign(withScore("f", 720), NOW).inputs()).containsEntry("credit-score", 720.0);
  }

  @Test
  void noScoreIsUnclassifiedWithAReason() {
    Assignment a = segmenter().assign(withScore("g", null), NOW);
    assertThat(a.isClassified()).isFalse();
    assertThat(a.reason()).isEqualTo("credit score not supplied");
  }

  @Test
  void assignAllAgreesWithAssign() {
    List<Customer> customers = List.of(withScore("a", 810), withScore("b", null), withScore("c", 600));
    var all = segmenter().assignAll(Population.of(customers, NOW, scheme.columns()));
    assertThat(List.of(all.segment(0), all.segment(1), all.segment(2))).containsExactly("excellent", "unclassified", "fair");
    assertThat(all.reason(1)).isEqualTo("credit score not supplied");
  }

  @Test
  void badConfigurationIsRefused() {
    assertThatThrownBy(() -> scheme.configure(Map.of("good.min-score", 900.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "scheme 'example.credit-bureau-band': cut points must decrease from excellent to fair, got"
                + " {excellent.min-score=800.0, fair.min-score=580.0, good.min-score=900.0}");
    assertThatThrownBy(() -> scheme.configure(Map.of("platinum.min-score", 900.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "scheme 'example.credit-bureau-band' has no parameter 'platinum.min-score'; parameters are"
                + " [excellent.min-score, fair.min-score, good.min-score]");
    assertThatThrownBy(() -> scheme.segmenter(new FittedScheme("example.credit-bureau-band", 2, scheme.parameters())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'example.credit-bureau-band' has format version 2; this version reads 1");
  }

  @Test
  void aPopulationWithoutTheCreditScoreColumnIsRefusedNotLeftUnclassified() {
    Population bare = Population.of(List.of(withScore("B-1", 720)), NOW, new Population.Columns(java.util.Set.of(), java.util.Set.of(), false));
    assertThatThrownBy(() -> segmenter().assignAll(bare))
        .isInstanceOf(ValidationException.class)
        .hasMessage("population lacks column credit-score that scheme 'example.credit-bureau-band' reads");
  }

  @Test
  void anUnknownNameAndAFittedSchemeOfAnotherSchemeAreQuotedEscaped() {
    // the name comes from configuration, the fitted scheme from storage: a line break in either must
    // not start a new line of the log
    assertThatThrownBy(() -> scheme.configure(Map.of("good\nmin-score", 700.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "scheme 'example.credit-bureau-band' has no parameter 'good\\u000amin-score'; parameters are"
                + " [excellent.min-score, fair.min-score, good.min-score]");
    assertThatThrownBy(() -> scheme.segmenter(new FittedScheme("rfm\nexample.credit-bureau-band", 1, scheme.parameters())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'rfm\\u000aexample.credit-bureau-band' is not of scheme 'example.credit-bureau-band'");
  }

  @Test
  void theDefaultCutPointsAndTheBoundsOfTheScale() {
    assertThat(scheme.parameters())
        .containsExactly(Map.entry("excellent.min-score", 800.0), Map.entry("fair.min-score", 580.0), Map.entry("good.min-score", 670.0));
    // 0 and 1000 are on the scale; equal cut points are not strictly decreasing
    assertThat(scheme.configure(Map.of("excellent.min-score", 1000.0, "fair.min-score", 0.0)).parameters())
        .containsEntry("excellent.min-score", 1000.0)
        .containsEntry("fair.min-score", 0.0);
    assertThatThrownBy(() -> scheme.configure(Map.of("excellent.min-score", 1000.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'example.credit-bureau-band': parameter 'excellent.min-score' is 1000.5, not between 0 and 1000");
    assertThatThrownBy(() -> scheme.configure(Map.of("fair.min-score", -0.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scheme 'example.credit-bureau-band': parameter 'fair.min-score' is -0.5, not between 0 and 1000");
    assertThatThrownBy(() -> scheme.configure(Map.of("good.min-score", 800.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("scheme 'example.credit-bureau-band': cut points must decrease from excellent to fair");
    assertThatThrownBy(() -> scheme.configure(Map.of("fair.min-score", 670.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("scheme 'example.credit-bureau-band': cut points must decrease from excellent to fair");
  }

  @Test
  void theSegmenterNamesItsFitAndTheSegments() {
    FittedScheme fitted = scheme.fit(Population.of(List.of(), NOW, scheme.columns()));
    Segmenter s = scheme.segmenter(fitted);
    assertThat(s.fitted()).isEqualTo(new FittedScheme("example.credit-bureau-band", 1,
        Map.of("excellent.min-score", 800.0, "good.min-score", 670.0, "fair.min-score", 580.0)));
    assertThat(s.segments()).containsExactly("excellent", "good", "fair", "poor");
  }
}
