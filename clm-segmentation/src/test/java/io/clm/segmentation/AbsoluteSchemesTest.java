package io.clm.segmentation;

import static io.clm.segmentation.Fixtures.AS_OF;
import static io.clm.segmentation.Fixtures.customer;
import static io.clm.segmentation.Fixtures.prospect;
import static io.clm.segmentation.Fixtures.transacted;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Customer;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsoluteSchemesTest {

  private static Segmenter segmenter(SegmentationScheme s) {
    return s.segmenter(s.fit(Population.of(List.<Customer>of(), AS_OF, s.columns())));
  }

  private static Segmenter segmenter(String id) {
    return segmenter(Fixtures.scheme(id));
  }

  @Test
  void thePrimaryNeedIsTheOneWithTheMostVolume() {
    Customer c = customer("c", b -> b
        .products(ProductType.WEALTH_MANAGEMENT, 1, 0)
        .transactions(ProductType.WEALTH_MANAGEMENT, Direction.CREDIT, 2, 500_00)
        .products(ProductType.LOAN, 1, 0)
        .transactions(ProductType.LOAN, Direction.DEBIT, 12, 1_200_00)
        .transactions(ProductType.CARD, Direction.DEBIT, 40, 900_00));
    Assignment a = segmenter("needs").assign(c, AS_OF);
    assertThat(a.segment()).isEqualTo("loans");
    assertThat(a.inputs())
        .containsEntry("need.wealth-management", 1.0)
        .containsEntry("need.loans", 1.0)
        .containsEntry("need.payments", 1.0)
        .containsEntry("volume.loans", 1200.0)
        .containsEntry("volume.payments", 900.0);
  }

  @Test
  void holdingsWithoutTransactionsGoInTheDocumentedOrder() {
    Customer c = customer("c", b -> b.products(ProductType.PAYMENTS, 1, 0).products(ProductType.WEALTH_MANAGEMENT, 1, 0));
    assertThat(segmenter("needs").assign(c, AS_OF).segment()).isEqualTo("wealth-management");
    Customer payer = customer("d", b -> b.products(ProductType.CARD, 1, 0));
    assertThat(segmenter("needs").assign(payer, AS_OF).segment()).isEqualTo("payments");
  }

  @Test
  void aCustomerWithNoIdentifiedNeedIsUnclassified() {
    Assignment a = segmenter("needs").assign(customer("c", b -> b.products(ProductType.DEPOSIT, 1, 0)), AS_OF);
    assertThat(a.segment()).isEqualTo(Assignment.UNCLASSIFIED);
    assertThat(a.reason()).isEqualTo("no wealth management, loan, payment or card products or transactions");
    assertThat(a.inputs()).containsEntry("need.loans", 0.0);
  }

  @Test
  void relationshipStatus() {
    Segmenter s = segmenter("relationship-status");
    assertThat(s.assign(prospect("p"), AS_OF).segment()).isEqualTo("potential");
    assertThat(s.assign(customer("a", b -> transacted(b, 3, 10, 180)), AS_OF).segment()).isEqualTo("active");
    assertThat(s.assign(customer("b", b -> transacted(b, 3, 10, 180.5)), AS_OF).segment()).isEqualTo("churned");
    Customer closed = customer("c", b -> transacted(b, 3, 10, 5).relationshipClosed(AS_OF.minusSeconds(60), true));
    Assignment a = s.assign(closed, AS_OF);
    assertThat(a.segment()).isEqualTo("churned");
    assertThat(a.inputs()).containsEntry("relationship-closed", 1.0).containsEntry("inactivity-days", 180.0);
  }

  @Test
  void theRelationshipStatusReportsTheDaysItWasDecidedOn() {
    Segmenter s = segmenter("relationship-status");
    assertThat(s.assign(customer("a", b -> transacted(b, 3, 10, 180)), AS_OF).inputs())
        .containsEntry("days-since-last-transaction", 180.0)
        .containsEntry("relationship-closed", 0.0)
        .containsEntry("inactivity-days", 180.0);
    assertThat(s.assign(prospect("p"), AS_OF).inputs()).doesNotContainKey("days-since-last-transaction");
  }

  @Test
  void theInactivityWindowIsConfigurable() {
    Segmenter s = segmenter(Fixtures.scheme("relationship-status").configure(Map.of("inactivity-days", 30.0)));
    assertThat(s.assign(customer("a", b -> transacted(b, 3, 10, 31)), AS_OF).segment()).isEqualTo("churned");
    assertThat(s.assign(customer("a", b -> transacted(b, 3, 10, 29)), AS_OF).segment()).isEqualTo("active");
  }

  @Test
  void theLifecycleStageIsTheSegment() {
    SegmentationScheme scheme = Fixtures.scheme("lifecycle-stage");
    assertThat(scheme.segments()).isEmpty();
    Segmenter s = segmenter(scheme);
    assertThat(s.assign(customer("a", "maturity", b -> b), AS_OF).segment()).isEqualTo("maturity");
    assertThat(s.assign(prospect("p"), AS_OF).segment()).isEqualTo("potential");
    Population p = Population.of(
        List.of(customer("a", "growth", b -> b), customer("b", "decline", b -> b), customer("c", "growth", b -> b)),
        Instant.parse("2026-01-01T00:00:00Z"),
        scheme.columns());
    Segmentation all = s.assignAll(p);
    assertThat(all.labels()).containsExactly("growth", "decline");
    assertThat(all.counts()).containsExactly(Map.entry("growth", 2L), Map.entry("decline", 1L));
  }
}
