package io.clm.api.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.ValidationException;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationTest {
  private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  private static final CustomerId A = CustomerId.of("A-1");
  private static final CustomerId B = CustomerId.of("B-2");
  private static final double INF = Double.POSITIVE_INFINITY;

  private static Population.Builder two() {
    return Population.builder(AS_OF, new CustomerId[] {A, B});
  }

  /**
   * Each metric's domain as the API documents it ({@link Metric}, {@link Attribute}): surveys score
   * 0 to 10, so a change of score lies in -10..10; shares and unit attributes 0..1; credit 0..1000;
   * a volume trend -1 or more; profit any finite value; everything else 0 or more.
   */
  private static double[] domain(Metric metric) {
    return switch (metric) {
      case AVERAGE_SATISFACTION, LAST_SATISFACTION -> new double[] {0, 10};
      case SATISFACTION_CHANGE -> new double[] {-10, 10};
      case DIGITAL_SHARE, SHARE_OF_WALLET, COMPETITOR_ATTENTION, PRICE_SENSITIVITY, INCIDENT_TOLERANCE,
          RELATIONSHIP_CLOSED -> new double[] {0, 1};
      case CREDIT_SCORE -> new double[] {0, 1000};
      case VOLUME_TREND -> new double[] {-1, INF};
      case PROFIT -> new double[] {-INF, INF};
      default -> new double[] {0, INF};
    };
  }

  /** A customer counted twice would weigh twice in a fit's quantiles and in the segment counts. */
  @Test
  void aCustomerInThePopulationTwiceIsRefusedNamingItMaskedAndBothRows() {
    CustomerId again = CustomerId.of("A-1");
    assertThatThrownBy(() -> Population.builder(AS_OF, new CustomerId[] {A, B, again}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customer " + A.masked() + " is in the population twice, in rows 0 and 2")
        .hasMessageNotContaining("A-1");
    assertThat(Population.builder(AS_OF, new CustomerId[] {A, B, CustomerId.of("a-1")}).build().size()).isEqualTo(3);
  }

  @Test
  void everyMetricAcceptsItsDomainAndRefusesTheNextValueOutside() {
    for (Metric metric : Metric.values()) {
      double min = domain(metric)[0];
      double max = domain(metric)[1];
      double low = Double.isInfinite(min) ? -1e300 : min;
      double high = Double.isInfinite(max) ? 1e300 : max;
      Population p = two().metric(metric, new double[] {low, high}).build();
      assertThat(p.metric(metric, 0)).as(metric.name()).isEqualTo(low);
      assertThat(p.metric(metric, 1)).as(metric.name()).isEqualTo(high);
      String name = Population.fieldName(metric);
      if (!Double.isInfinite(min)) {
        double below = Math.nextDown(min);
        assertThatThrownBy(() -> two().metric(metric, new double[] {min, below}))
            .as(metric.name())
            .isInstanceOf(ValidationException.class)
            .hasMessageStartingWith(name + " " + below + " is out of range ")
            .hasMessageEndingWith(" for customer " + B.masked());
      }
      if (!Double.isInfinite(max)) {
        double above = Math.nextUp(max);
        assertThatThrownBy(() -> two().metric(metric, new double[] {above, max}))
            .as(metric.name())
            .isInstanceOf(ValidationException.class)
            .hasMessage(name + " " + above + " is out of range " + (long) min + ".." + (long) max + " for customer "
                + A.masked());
      }
    }
  }

  @Test
  void aSatisfactionChangeLiesBetweenMinusTenAndTen() {
    Population p = two().metric(Metric.SATISFACTION_CHANGE, new double[] {-10, 10}).build();
    assertThat(p.metric(Metric.SATISFACTION_CHANGE, 0)).isEqualTo(-10);
    assertThatThrownBy(() -> two().metric(Metric.SATISFACTION_CHANGE, new double[] {-10.5, 0}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("satisfaction-change -10.5 is out of range -10..10 for customer " + A.masked());
  }

  @Test
  void openEndedRangesAreNamedAsSuch() {
    assertThatThrownBy(() -> two().metric(Metric.TRANSACTION_COUNT, new double[] {0, -1}))
        .hasMessage("transaction-count -1.0 is out of range (at least 0) for customer " + B.masked());
    assertThatThrownBy(() -> two().metric(Metric.VOLUME_TREND, new double[] {-1.5, 0}))
        .hasMessage("volume-trend -1.5 is out of range (at least -1) for customer " + A.masked());
  }

  /**
   * A count is a whole number and a flag 0 or 1: 0.5 for "relationship closed" would leave a
   * closed relationship active, and 0.5 products held would make the repeat-purchase rate -1.
   */
  @Test
  void countsAreWholeNumbersAndFlagsZeroOrOne() {
    assertThatThrownBy(() -> two().metric(Metric.TRANSACTION_COUNT, new double[] {3, 2.5}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("transaction-count 2.5 is not a whole number for customer " + B.masked());
    assertThatThrownBy(() -> two().metric(Metric.PRODUCTS_HELD, new double[] {0.5, 1}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("products-held 0.5 is not a whole number for customer " + A.masked());
    assertThatThrownBy(() -> two().metric(Metric.RELATIONSHIP_CLOSED, new double[] {0, 0.5}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("relationship-closed 0.5 is not 0 or 1 for customer " + B.masked());
    Population p = two()
        .metric(Metric.TRANSACTION_COUNT, new double[] {0, 1e300})
        .metric(Metric.RELATIONSHIP_CLOSED, new double[] {-0.0, 1})
        .build();
    assertThat(p.metric(Metric.TRANSACTION_COUNT, 1)).isEqualTo(1e300);
    assertThat(p.metric(Metric.RELATIONSHIP_CLOSED, 1)).isEqualTo(1.0);
  }

  @Test
  void nanOnlyWhereAMetricMayBeUndefinedAndNeverInfinity() {
    EnumSet<Metric> undefinable = EnumSet.of(
        Metric.AVERAGE_TRANSACTION, Metric.DIGITAL_SHARE, Metric.DAYS_SINCE_LAST_TRANSACTION, Metric.TENURE_DAYS,
        Metric.VOLUME_TREND, Metric.AVERAGE_SATISFACTION, Metric.LAST_SATISFACTION, Metric.SATISFACTION_CHANGE,
        Metric.SHARE_OF_WALLET, Metric.PROFIT, Metric.REVENUE, Metric.COST_TO_SERVE, Metric.CREDIT_SCORE,
        Metric.SCALE, Metric.COMPETITOR_ATTENTION, Metric.PRICE_SENSITIVITY, Metric.DECISION_TIME_DAYS,
        Metric.INCIDENT_TOLERANCE);
    for (Metric metric : Metric.values()) {
      String name = Population.fieldName(metric);
      if (undefinable.contains(metric)) {
        assertThat(two().metric(metric, new double[] {Double.NaN, Double.NaN}).build().metric(metric, 1))
            .as(name).isNaN();
      } else {
        assertThatThrownBy(() -> two().metric(metric, new double[] {0, Double.NaN}))
            .as(name)
            .isInstanceOf(ValidationException.class)
            .hasMessage(name + " is NaN for customer " + B.masked() + "; it is always defined");
      }
      assertThatThrownBy(() -> two().metric(metric, new double[] {INF, 0}))
          .as(name)
          .isInstanceOf(ValidationException.class)
          .hasMessage(name + " Infinity is not finite for customer " + A.masked());
      assertThatThrownBy(() -> two().metric(metric, new double[] {0, -INF}))
          .as(name)
          .hasMessage(name + " -Infinity is not finite for customer " + B.masked());
    }
  }

  @Test
  void productColumnsRefuseNegativeCountsAndVolumesThatAreNotNumbers() {
    Population p = two().product(ProductType.LOAN, new int[] {0, 3}, new double[] {0, 12.5}).build();
    assertThat(p.held(ProductType.LOAN, 1)).isEqualTo(3);
    assertThat(p.volume(ProductType.LOAN, 1)).isEqualTo(12.5);
    assertThat(p.held(ProductType.LOAN, 0)).isZero();
    assertThatThrownBy(() -> two().product(ProductType.LOAN, new int[] {0, -1}, new double[] {0, 0}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("loan held -1 is negative for customer " + B.masked());
    for (double bad : new double[] {-0.01, Double.NaN, INF}) {
      assertThatThrownBy(() -> two().product(ProductType.CARD, new int[] {1, 1}, new double[] {bad, 0}))
          .isInstanceOf(ValidationException.class)
          .hasMessage("card volume " + bad + " is not a non-negative number for customer " + A.masked());
    }
  }

  @Test
  void columnsHaveOneValuePerCustomerAndAreSetOnce() {
    assertThatThrownBy(() -> two().metric(Metric.PROFIT, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column profit has 1 values for 2 customers");
    assertThatThrownBy(() -> two().product(ProductType.LOAN, new int[] {1, 2, 3}, new double[] {1, 2}))
        .hasMessage("column loan held has 3 values for 2 customers");
    assertThatThrownBy(() -> two().product(ProductType.LOAN, new int[] {1, 2}, new double[] {1}))
        .hasMessage("column loan volume has 1 values for 2 customers");
    assertThatThrownBy(() -> two().stages(new String[] {"a"}))
        .hasMessage("column stage has 1 values for 2 customers");
    assertThatThrownBy(() -> two().stages(new String[] {"a", null})).isInstanceOf(NullPointerException.class);
    Population.Builder b = two().metric(Metric.PROFIT, new double[] {1, 2})
        .product(ProductType.LOAN, new int[] {1, 2}, new double[] {1, 2})
        .stages(new String[] {"x", "y"});
    assertThatThrownBy(() -> b.metric(Metric.PROFIT, new double[] {1, 2}))
        .isInstanceOf(IllegalStateException.class).hasMessage("column profit was already set");
    assertThatThrownBy(() -> b.product(ProductType.LOAN, new int[] {1, 2}, new double[] {1, 2}))
        .isInstanceOf(IllegalStateException.class).hasMessage("column loan was already set");
    assertThatThrownBy(() -> b.stages(new String[] {"x", "y"}))
        .isInstanceOf(IllegalStateException.class).hasMessage("column stage was already set");
    assertThatThrownBy(() -> Population.builder(AS_OF, new CustomerId[] {A, null}))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theBuilderCopiesItsInputAndStartsAfreshAfterBuild() {
    CustomerId[] ids = {A, B};
    double[] profit = {5, -5};
    int[] held = {1, 2};
    double[] volume = {3, 4};
    String[] stages = {"x", "y"};
    Population.Builder b = Population.builder(AS_OF, ids)
        .metric(Metric.PROFIT, profit)
        .product(ProductType.DEPOSIT, held, volume)
        .stages(stages);
    ids[0] = B;
    profit[0] = 99;
    held[0] = 99;
    volume[0] = 99;
    stages[0] = "z";
    Population p = b.build();
    profit[1] = 77;
    assertThat(p.id(0)).isEqualTo(A);
    assertThat(p.metric(Metric.PROFIT, 0)).isEqualTo(5);
    assertThat(p.metric(Metric.PROFIT, 1)).isEqualTo(-5);
    assertThat(p.held(ProductType.DEPOSIT, 0)).isEqualTo(1);
    assertThat(p.volume(ProductType.DEPOSIT, 0)).isEqualTo(3);
    assertThat(p.stage(0)).isEqualTo("x");
    assertThat(p.columns())
        .isEqualTo(new Population.Columns(Set.of(Metric.PROFIT), Set.of(ProductType.DEPOSIT), true));
    Population next = b.metric(Metric.PROFIT, new double[] {1, 1}).build();
    assertThat(next.columns()).isEqualTo(Population.Columns.of(Metric.PROFIT));
    assertThat(p.metric(Metric.PROFIT, 0)).isEqualTo(5);
  }

  @Test
  void readingAColumnThePopulationLacksIsAnError() {
    Population p = two().metric(Metric.PROFIT, new double[] {1, 2}).build();
    assertThatThrownBy(() -> p.metric(Metric.REVENUE, 0))
        .isInstanceOf(IllegalStateException.class).hasMessage("population has no column revenue");
    assertThatThrownBy(() -> p.held(ProductType.CARD, 0))
        .isInstanceOf(IllegalStateException.class).hasMessage("population has no column card");
    assertThatThrownBy(() -> p.volume(ProductType.CARD, 0))
        .isInstanceOf(IllegalStateException.class).hasMessage("population has no column card");
    assertThatThrownBy(() -> p.stage(0))
        .isInstanceOf(IllegalStateException.class).hasMessage("population has no column stage");
    assertThatThrownBy(() -> p.copy(Metric.REVENUE, new double[2]))
        .isInstanceOf(IllegalStateException.class).hasMessage("population has no column revenue");
    double[] into = {9, 9, 9};
    p.copy(Metric.PROFIT, into);
    assertThat(into).containsExactly(1, 2, 9);
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.asOf()).isEqualTo(AS_OF);
    assertThat(p.toString())
        .isEqualTo("Population[2 customers as of 2026-03-01T00:00:00Z, " + p.columns() + "]")
        .doesNotContain("A-1", "B-2");
  }

  @Test
  void columnSetsCombineAndContainEachOther() {
    Population.Columns profit = Population.Columns.of(Metric.PROFIT);
    Population.Columns loans = new Population.Columns(Set.of(Metric.REVENUE), Set.of(ProductType.LOAN), true);
    Population.Columns both = profit.and(loans);
    assertThat(both.metrics()).containsExactly(Metric.PROFIT, Metric.REVENUE);
    assertThat(both.products()).containsExactly(ProductType.LOAN);
    assertThat(both.stage()).isTrue();
    assertThat(loans.and(profit)).isEqualTo(both);
    assertThat(profit.and(profit).stage()).isFalse();
    assertThat(both.containsAll(profit)).isTrue();
    assertThat(both.containsAll(loans)).isTrue();
    assertThat(profit.containsAll(both)).isFalse();
    assertThat(new Population.Columns(Set.of(Metric.REVENUE, Metric.PROFIT), Set.of(ProductType.LOAN), false)
        .containsAll(loans)).isFalse();
    assertThat(new Population.Columns(Set.of(Metric.REVENUE), Set.of(), true).containsAll(loans)).isFalse();
    assertThat(loans.containsAll(new Population.Columns(Set.of(), Set.of(), false))).isTrue();
    assertThatThrownBy(() -> both.metrics().add(Metric.SCALE)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> both.products().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPopulationOfCustomersTakesTheirMetricsVolumesInMajorUnitsAndStages() {
    Currency eur = Currency.getInstance("EUR");
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    MetricsSnapshot m = MetricsSnapshot.builder(eur, first)
        .transactions(ProductType.LOAN, Direction.DEBIT, 2, 12_345)
        .transactions(ProductType.LOAN, Direction.CREDIT, 1, 55)
        .products(ProductType.LOAN, 2, 1)
        .transactedBetween(first, first)
        .attribute(Attribute.REVENUE, new BigDecimal("250.00"), first)
        .build();
    Customer c = new Customer(A, "growth", 0, m, Map.of());
    Population.Columns columns =
        new Population.Columns(Set.of(Metric.TRANSACTION_COUNT, Metric.REVENUE), Set.of(ProductType.LOAN), true);
    Population p = Population.of(List.of(c), AS_OF, columns);
    assertThat(p.size()).isEqualTo(1);
    assertThat(p.id(0)).isEqualTo(A);
    assertThat(p.metric(Metric.TRANSACTION_COUNT, 0)).isEqualTo(3);
    assertThat(p.metric(Metric.REVENUE, 0)).isEqualTo(250);
    assertThat(p.held(ProductType.LOAN, 0)).isEqualTo(1);
    assertThat(p.volume(ProductType.LOAN, 0)).isEqualTo(124.0);
    assertThat(p.stage(0)).isEqualTo("growth");
    assertThat(p.columns()).isEqualTo(columns);
    Population single = Population.of(c, AS_OF, Population.Columns.of(Metric.TRANSACTION_COUNT));
    assertThat(single.metric(Metric.TRANSACTION_COUNT, 0)).isEqualTo(3);
    assertThat(Population.of(List.of(c), AS_OF, Population.Columns.of()).columns().stage()).isFalse();
  }
}
