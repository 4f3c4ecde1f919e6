package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.attribute;
import static io.clm.segmentation.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import io.clm.jackson.ClmJacksonModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllSchemesPropertiesTest {
  private static final List<SegmentationScheme> SCHEMES =
      Clm.plugins().all(SegmentationScheme.class);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new ClmJacksonModule());

  @Test
  void everySchemeIsDiscoveredById() {
    assertThat(SCHEMES).extracting(SegmentationScheme::id).containsExactlyInAnyOrder(
        "lifecycle-stage", "loyalty", "loyalty-credit", "loyalty-scale", "loyalty-scale-credit",
        "needs", "relationship-status", "rfm", "value-pyramid", "value-tier");
    for (SegmentationScheme s : SCHEMES) {
      assertThat(s.segments()).doesNotContain(Assignment.UNCLASSIFIED).doesNotHaveDuplicates();
      assertThat(s.segments()).allMatch(x -> x.matches("[a-z][a-z0-9-]*"));
    }
  }

  /** Random customers, some prospects, some with attributes missing: seed -> the same portfolio. */
  static List<Customer> portfolio(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(60);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean prospect = r.nextInt(6) == 0;
      String stage = List.of("potential", "growth", "maturity", "decline").get(r.nextInt(4));
      customers.add(customer("c" + i, stage, b -> {
        if (!prospect) {
          long count = 1 + r.nextInt(30);
          b.transactions(ProductType.values()[r.nextInt(ProductType.values().length)], Direction.DEBIT, count, r.nextInt(5) * 10_000L);
          b.transactions(ProductType.CARD, Direction.DEBIT, r.nextInt(3), r.nextInt(100_000));
          b.transactedBetween(Fixtures.FIRST_SEEN, AS_OF.minus(Duration.ofDays(r.nextInt(400))));
          b.products(ProductType.values()[r.nextInt(ProductType.values().length)], 1 + r.nextInt(3), r.nextInt(2));
        }
        maybe(r, b, Attribute.REVENUE, r.nextInt(50) * 100.0);
        maybe(r, b, Attribute.COST_TO_SERVE, r.nextInt(30) * 100.0);
        maybe(r, b, Attribute.CREDIT_SCORE, r.nextInt(1001));
        maybe(r, b, Attribute.SCALE, r.nextInt(3) * 1_000_000.0);
        maybe(r, b, Attribute.COMPETITOR_ATTENTION, r.nextInt(11) / 10.0);
        maybe(r, b, Attribute.PRICE_SENSITIVITY, r.nextInt(11) / 10.0);
        maybe(r, b, Attribute.DECISION_TIME_DAYS, r.nextInt(30));
        maybe(r, b, Attribute.INCIDENT_TOLERANCE, r.nextInt(11) / 10.0);
        return b;
      }));
    }
    return customers;
  }

  private static void maybe(Random r, io.clm.api.MetricsSnapshot.Builder b, Attribute a, double v) {
    if (r.nextInt(5) != 0) {
      attribute(b, a, v);
    }
  }

  private static Population.Columns allColumns() {
    Population.Columns c = SCHEMES.get(0).columns();
    for (SegmentationScheme s : SCHEMES) {
      c = c.and(s.columns());
    }
    return c;
  }

  /**
   * Partitions are total and disjoint: every customer gets exactly one segment of the scheme or
   * unclassified with a reason, the counts add up, and one customer alone is placed exactly as in
   * the portfolio.
   */
  @Test
  void assignmentIsTotalDisjointAndTheSameForOneCustomerAndThePortfolio() {
    qt().withExamples(25).forAll(longs().all()).checkAssert(seed -> {
      List<Customer> customers = portfolio(seed);
      Population population = Population.of(customers, AS_OF, allColumns());
      for (SegmentationScheme scheme : SCHEMES) {
        FittedScheme fitted;
        try {
          fitted = scheme.fit(population);
        } catch (ValidationException e) {
          assertThat(e.getMessage()).contains("found no customer");
          continue;
        }
        Segmenter segmenter = scheme.segmenter(fitted);
        Segmentation all = segmenter.assignAll(population);
        assertThat(all.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(customers.size());
        for (int row = 0; row < customers.size(); row++) {
          Assignment one = segmenter.assign(customers.get(row), AS_OF);
          assertThat(one.segment()).as("%s row %d", scheme.id(), row).isEqualTo(all.segment(row));
          assertThat(one.reason()).isEqualTo(all.reason(row));
          if (one.isClassified()) {
            assertThat(scheme.segments().isEmpty() || scheme.segments().contains(one.segment())).isTrue();
          } else {
            assertThat(one.reason()).isNotBlank();
          }
        }
      }
    });
  }

  /** Fitted schemes survive a JSON round trip and assign identically; assignment mutates nothing. */
  @Test
  void fittedSchemesRoundTripThroughJsonAndAssignIdentically() {
    qt().withExamples(25).forAll(longs().all()).checkAssert(seed -> {
      List<Customer> customers = portfolio(seed);
      List<Customer> copy = List.copyOf(customers);
      Population population = Population.of(customers, AS_OF, allColumns());
      String before = dump(population);
      for (SegmentationScheme scheme : SCHEMES) {
        FittedScheme fitted;
        try {
          fitted = scheme.fit(population);
        } catch (ValidationException e) {
          continue;
        }
        FittedScheme loaded;
        try {
          loaded = JSON.readValue(JSON.writeValueAsString(fitted), FittedScheme.class);
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
        assertThat(loaded).isEqualTo(fitted);
        Segmentation a = scheme.segmenter(fitted).assignAll(population);
        Segmentation b = scheme.segmenter(loaded).assignAll(population);
        for (int row = 0; row < population.size(); row++) {
          assertThat(b.code(row)).isEqualTo(a.code(row));
        }
        for (Customer c : customers) {
          scheme.segmenter(loaded).assign(c, AS_OF);
        }
      }
      assertThat(dump(population)).isEqualTo(before);
      assertThat(customers).isEqualTo(copy);
    });
  }

  @Test
  void fittingDoesNotDependOnRowOrder() {
    qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
      List<Customer> customers = portfolio(seed);
      List<Customer> reversed = new ArrayList<>(customers);
      java.util.Collections.reverse(reversed);
      for (SegmentationScheme scheme : SCHEMES) {
        try {
          assertThat(scheme.fit(Population.of(reversed, AS_OF, scheme.columns())))
              .isEqualTo(scheme.fit(Population.of(customers, AS_OF, scheme.columns())));
        } catch (ValidationException e) {
          assertThat(e.getMessage()).contains("found no customer");
        }
      }
    });
  }

  @Test
  void aFittedSchemeOfAnotherVersionIsRefusedClearly() throws Exception {
    SegmentationScheme rfm = Fixtures.scheme("rfm");
    FittedScheme fitted = rfm.fit(Population.of(portfolio(7), AS_OF, rfm.columns()));
    String json = JSON.writeValueAsString(fitted).replace("\"formatVersion\":2", "\"formatVersion\":3");
    FittedScheme future = JSON.readValue(json, FittedScheme.class);
    assertThatThrownBy(() -> rfm.segmenter(future))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'rfm' has format version 3; this version of the scheme reads format version 2 only: fit it again");
    assertThatThrownBy(() -> Fixtures.scheme("value-pyramid").segmenter(fitted))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme is for 'rfm', not for 'value-pyramid'");
  }

  @Test
  void aFittedSchemeMissingAParameterIsRefused() throws Exception {
    String json = "{\"schemeId\":\"loyalty-credit\",\"formatVersion\":1,\"parameters\":{\"credit.high-min\":600.0}}";
    FittedScheme partial = JSON.readValue(json, FittedScheme.class);
    assertThatThrownBy(() -> Fixtures.scheme("loyalty-credit").segmenter(partial))
        .isInstanceOf(ValidationException.class)
        .hasMessage("fitted scheme 'loyalty-credit' lacks parameter 'weight.repeat-purchase'");
  }

  @Test
  void theFittedJsonIsPlainData() throws Exception {
    FittedScheme fitted = new FittedScheme("value-tier", 1, java.util.Map.of("medium.share", 0.3, "high.share", 0.2));
    assertThat(JSON.writeValueAsString(fitted))
        .isEqualTo("{\"schemeId\":\"value-tier\",\"formatVersion\":1,\"parameters\":{\"high.share\":0.2,\"medium.share\":0.3}}");
  }

  private static String dump(Population p) {
    StringBuilder sb = new StringBuilder();
    Set<Metric> metrics = new HashSet<>(p.columns().metrics());
    for (int row = 0; row < p.size(); row++) {
      sb.append(p.id(row).value()).append(p.stage(row));
      for (Metric m : Metric.values()) {
        if (metrics.contains(m)) {
          sb.append(',').append(p.metric(m, row));
        }
      }
      for (ProductType t : p.columns().products()) {
        sb.append(',').append(p.held(t, row)).append(',').append(p.volume(t, row));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
