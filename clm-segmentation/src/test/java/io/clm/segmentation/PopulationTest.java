package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.Population;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationTest {
  private static final CustomerId[] IDS = {CustomerId.of("alice"), CustomerId.of("bob")};

  @Test
  void aCountThatIsNaNIsRefusedNamingTheCustomerAndTheField() {
    assertThatThrownBy(() -> Population.builder(AS_OF, IDS).metric(Metric.TRANSACTION_COUNT, new double[] {1, Double.NaN}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("transaction-count is NaN for customer " + IDS[1].masked() + "; it is always defined");
  }

  @Test
  void negativeValuesWhereTheyCannotBeAreRefused() {
    assertThatThrownBy(() -> Population.builder(AS_OF, IDS).metric(Metric.TRANSACTION_VOLUME, new double[] {-0.01, 3}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("transaction-volume -0.01 is out of range (at least 0) for customer " + IDS[0].masked());
    assertThatThrownBy(() -> Population.builder(AS_OF, IDS).metric(Metric.COMPETITOR_ATTENTION, new double[] {0.5, 1.5}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("competitor-attention 1.5 is out of range 0..1 for customer " + IDS[1].masked());
    assertThatThrownBy(() -> Population.builder(AS_OF, IDS).product(ProductType.LOAN, new int[] {0, -1}, new double[] {0, 0}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("loan held -1 is negative for customer " + IDS[1].masked());
  }

  @Test
  void undefinedMeasuresStayNaNAndNegativeProfitIsAllowed() {
    Population p = Population.builder(AS_OF, IDS)
        .metric(Metric.PROFIT, new double[] {-20, Double.NaN})
        .metric(Metric.CREDIT_SCORE, new double[] {Double.NaN, 700})
        .build();
    assertThat(p.metric(Metric.PROFIT, 0)).isEqualTo(-20);
    assertThat(p.metric(Metric.PROFIT, 1)).isNaN();
  }

  @Test
  void aTransactionAfterTheInstantIsRefused() {
    var c = customer("late", b -> Fixtures.transacted(b, 1, 10, 0));
    assertThatThrownBy(() -> Population.of(List.of(c), AS_OF.minus(Duration.ofDays(2)), Population.Columns.of(Metric.DAYS_SINCE_LAST_TRANSACTION)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("days-since-last-transaction -2.0 is out of range (at least 0) for customer " + c.id().masked());
  }

  @Test
  void columnsOfTheWrongLengthAndRepeatedColumnsAreMisuse() {
    assertThatThrownBy(() -> Population.builder(AS_OF, IDS).metric(Metric.PROFIT, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column profit has 1 values for 2 customers");
    assertThatThrownBy(() -> Population.builder(AS_OF, IDS).metric(Metric.PROFIT, new double[2]).metric(Metric.PROFIT, new double[2]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column profit was already set");
  }

  @Test
  void theBuilderCopiesItsArraysSoTheCallerCannotChangeThePopulation() {
    double[] profit = {5, 6};
    Population p = Population.builder(AS_OF, IDS).metric(Metric.PROFIT, profit).build();
    profit[0] = 1000;
    assertThat(p.metric(Metric.PROFIT, 0)).isEqualTo(5);
  }

  @Test
  void aSchemeRefusesAPopulationWithoutTheColumnsItReads() {
    Population p = Population.builder(AS_OF, IDS).metric(Metric.PROFIT, new double[2]).build();
    assertThatThrownBy(() -> Fixtures.scheme("rfm").fit(p))
        .isInstanceOf(ValidationException.class)
        .hasMessage("population lacks columns [days-since-last-transaction, transaction-count, transaction-volume] that scheme 'rfm' reads");
  }

  @Test
  void toStringShowsNoCustomerData() {
    Population p = Population.builder(AS_OF, IDS).metric(Metric.PROFIT, new double[] {123456, 2}).build();
    assertThat(p.toString()).doesNotContain("alice").doesNotContain("123456");
  }

  @Test
  void anAssignmentRefusesANaNInputAndShowsNoInputsInToString() {
    assertThatThrownBy(() -> new io.clm.api.segmentation.Assignment("rfm", IDS[0], "lost", "", java.util.Map.of("x", Double.NaN)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("assignment of customer " + IDS[0].masked() + ": input 'x' is not finite: NaN");
    var a = new io.clm.api.segmentation.Assignment("rfm", IDS[0], "lost", "", java.util.Map.of("transaction-volume", 98765.0));
    assertThat(a.toString()).isEqualTo("Assignment[rfm, " + IDS[0].masked() + ", lost]");
    assertThatThrownBy(() -> new io.clm.api.segmentation.Assignment("rfm", IDS[0], "unclassified", "", java.util.Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("assignment of customer " + IDS[0].masked() + " to 'unclassified': an unclassified assignment has a reason, a classified one has none");
  }

  @Test
  void columnsIterateInDeclarationOrder() {
    var c = new Population.Columns(java.util.Set.of(Metric.PROFIT, Metric.TRANSACTION_COUNT, Metric.CREDIT_SCORE), java.util.Set.of(), false);
    assertThat(c.metrics()).containsExactly(Metric.TRANSACTION_COUNT, Metric.PROFIT, Metric.CREDIT_SCORE);
  }

  @Test
  void anAbsoluteSchemeFitsOnAnEmptyPopulation() {
    Population empty = Population.builder(AS_OF, new CustomerId[0]).build();
    var scheme = Fixtures.scheme("relationship-status");
    assertThat(scheme.fit(empty)).isEqualTo(new io.clm.api.segmentation.FittedScheme(
        "relationship-status", 1, java.util.Map.of("inactivity-days", 180.0)));
  }

  @Test
  void aSegmentationChecksItsCodes() {
    Population p = Population.builder(AS_OF, IDS).build();
    assertThatThrownBy(() -> io.clm.api.segmentation.Segmentation.of("x", p, List.of("a"), List.of("why"), new int[] {0, 1}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segmentation code 1 at row 1 has no label or reason");
    var s = io.clm.api.segmentation.Segmentation.of("x", p, List.of("a"), List.of("why"), new int[] {-1, 0});
    assertThat(s.segment(0)).isEqualTo("unclassified");
    assertThat(s.reason(0)).isEqualTo("why");
    assertThat(s.rowsIn("a")).containsExactly(1);
    assertThat(s.counts()).containsExactly(java.util.Map.entry("a", 1L), java.util.Map.entry("unclassified", 1L));
  }
}
