package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.model.LifecycleModel;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The smaller value types of the API: customers, conditions, segmentations, stored records, the builder's checks. */
class ValueTypesTest {
  private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final CustomerId ID = CustomerId.of("Erika-Muster-3");

  private static MetricsSnapshot transactions(long count) {
    return MetricsSnapshot.builder(EUR, AT)
        .transactions(ProductType.CARD, Direction.DEBIT, count, count * 100)
        .stage(AT.plusSeconds(3600), 0)
        .build();
  }

  /** An erasure receipt is evidence: every part of it is there, and the count is not negative. */
  @Test
  void anErasureReceiptHasEveryPart() {
    Erasure receipt = new Erasure("#1a2b3c4d", AT, 0, "growth");
    assertThat(receipt.historyEntriesRemoved()).isZero();
    assertThatThrownBy(() -> new Erasure(null, AT, 1, "growth")).isInstanceOf(NullPointerException.class).hasMessage("maskedId");
    assertThatThrownBy(() -> new Erasure(" ", AT, 1, "growth")).isInstanceOf(ValidationException.class)
        .hasMessage("maskedId is blank");
    assertThatThrownBy(() -> new Erasure("#1a2b3c4d", null, 1, "growth")).isInstanceOf(NullPointerException.class).hasMessage("at");
    assertThatThrownBy(() -> new Erasure("#1a2b3c4d", AT, -1, "growth")).isInstanceOf(ValidationException.class)
        .hasMessage("historyEntriesRemoved -1 is negative");
    assertThatThrownBy(() -> new Erasure("#1a2b3c4d", AT, 1, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("stageAtErasure");
  }

  @Test
  void customersAddTheCurrentStayToEarlierTimeInAStage() {
    Customer c = new Customer(ID, "growth", 2, transactions(3), Map.of("growth", 5_000L, "new", 7_000L));
    assertThat(c.stageEnteredAt()).isEqualTo(AT.plusSeconds(3600));
    assertThat(c.timeInStage("growth", AT.plusSeconds(3610))).isEqualTo(Duration.ofMillis(15_000));
    assertThat(c.timeInStage("growth", AT)).isEqualTo(Duration.ofMillis(5_000));
    assertThat(c.timeInStage("new", AT.plusSeconds(9999))).isEqualTo(Duration.ofMillis(7_000));
    assertThat(c.timeInStage("loyal", AT.plusSeconds(9999))).isEqualTo(Duration.ZERO);
    assertThat(c.metric(Metric.TRANSACTION_COUNT, AT)).isEqualTo(3);
    assertThat(c.toString()).isEqualTo("Customer[" + ID.masked() + ", stage=growth, cycle=2]");
    assertThat(new Customer(ID, "new", 0, transactions(0), Map.of("x", 0L)).cycle()).isZero();
    assertThatThrownBy(() -> new Customer(ID, "new", -1, transactions(0), Map.of()))
        .isInstanceOf(ValidationException.class).hasMessage("cycle -1 is negative for customer " + ID.masked());
    assertThatThrownBy(() -> new Customer(ID, "new", 0, transactions(0), Map.of("new", -1L)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("time in stage 'new' is negative for customer " + ID.masked());
  }

  @Test
  void allAndAnyCombineConditions() {
    MetricsSnapshot m = transactions(3);
    long now = AT.toEpochMilli();
    Condition yes = Metric.TRANSACTION_COUNT.atLeast(3);
    Condition no = Metric.TRANSACTION_COUNT.atLeast(4);
    assertThat(Condition.all(yes, yes).test(m, now)).isTrue();
    assertThat(Condition.all(yes, no).test(m, now)).isFalse();
    assertThat(Condition.all(no, yes).test(m, now)).isFalse();
    assertThat(Condition.any(no, yes).test(m, now)).isTrue();
    assertThat(Condition.any(yes, no).test(m, now)).isTrue();
    assertThat(Condition.any(no, no).test(m, now)).isFalse();
    assertThat(Condition.all(yes, no).toString())
        .isEqualTo("(TRANSACTION_COUNT >= 3.0 and TRANSACTION_COUNT >= 4.0)");
    assertThat(Condition.any(yes, Metric.VOLUME_TREND.below(0).orMissing()).toString())
        .isEqualTo("(TRANSACTION_COUNT >= 3.0 or VOLUME_TREND < 0.0 or missing)");
    Condition idle = Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(10);
    Condition stay = Metric.DAYS_IN_STAGE.atLeast(2);
    MetricsSnapshot t = MetricsSnapshot.builder(EUR, AT).transactedBetween(AT, AT).stage(AT, 0).build();
    long twoDays = now + 2 * Metric.DAY_MILLIS;
    assertThat(Condition.any(idle, stay).nextChange(t, now)).isEqualTo(twoDays);
    assertThat(Condition.all(stay, idle).nextChange(t, now)).isEqualTo(twoDays);
    assertThat(Condition.all(yes).nextChange(t, now)).isEqualTo(Long.MAX_VALUE);
    Map<String, Double> evidence = new LinkedHashMap<>();
    Condition.any(yes, Metric.AVERAGE_SATISFACTION.atLeast(1)).collectEvidence(m, now, evidence);
    assertThat(evidence).containsExactly(Map.entry("TRANSACTION_COUNT", 3.0));
    evidence.clear();
    Condition.all(Metric.DEBIT_COUNT.atMost(9), yes).collectEvidence(m, now, evidence);
    assertThat(evidence).containsOnlyKeys("DEBIT_COUNT", "TRANSACTION_COUNT");
    assertThat(Metric.VOLUME_TREND.below(0).orMissing().test(m, now)).isTrue();
    assertThatThrownBy(Condition::all).isInstanceOf(InvalidModelException.class)
        .hasMessage("all() needs at least one condition");
    assertThatThrownBy(Condition::any).isInstanceOf(InvalidModelException.class)
        .hasMessage("any() needs at least one condition");
    assertThatThrownBy(() -> Metric.PROFIT.atLeast(Double.NaN)).isInstanceOf(InvalidModelException.class)
        .hasMessage("threshold for PROFIT is not finite: NaN");
  }

  @Test
  void comparisonsAtTheirBoundaries() {
    MetricsSnapshot m = transactions(3);
    long now = AT.toEpochMilli();
    assertThat(Metric.TRANSACTION_COUNT.atMost(3).test(m, now)).isTrue();
    assertThat(Metric.TRANSACTION_COUNT.atMost(2.999).test(m, now)).isFalse();
    assertThat(Metric.TRANSACTION_COUNT.above(3).test(m, now)).isFalse();
    assertThat(Metric.TRANSACTION_COUNT.above(2.999).test(m, now)).isTrue();
    assertThat(Metric.TRANSACTION_COUNT.below(3).test(m, now)).isFalse();
    assertThat(Metric.TRANSACTION_COUNT.below(3.001).test(m, now)).isTrue();
    assertThat(Metric.TRANSACTION_COUNT.atLeast(3.001).test(m, now)).isFalse();
    assertThat(Metric.TRANSACTION_COUNT.atLeast(3).test(m, now)).isTrue();
    assertThat(Metric.VOLUME_TREND.below(0).test(m, now)).isFalse();
    assertThat(Condition.Comparison.AT_LEAST.symbol()).isEqualTo(">=");
    assertThat(Condition.Comparison.AT_MOST.symbol()).isEqualTo("<=");
    assertThat(Condition.Comparison.ABOVE.symbol()).isEqualTo(">");
    assertThat(Condition.Comparison.BELOW.symbol()).isEqualTo("<");
  }

  private static Population three() {
    return Population.builder(AT, new CustomerId[] {ID, CustomerId.of("b"), CustomerId.of("c")}).build();
  }

  @Test
  void segmentationsNameEachRowsSegmentOrReason() {
    Population p = three();
    Segmentation s = Segmentation.of("tiers", p, List.of("high", "low"), List.of("no data", "stale"), new int[] {1, -2, 1});
    assertThat(s.schemeId()).isEqualTo("tiers");
    assertThat(s.population()).isSameAs(p);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.labels()).containsExactly("high", "low");
    assertThat(s.reasons()).containsExactly("no data", "stale");
    assertThat(s.code(1)).isEqualTo(-2);
    assertThat(s.customer(0)).isEqualTo(ID);
    assertThat(s.segment(0)).isEqualTo("low");
    assertThat(s.segment(1)).isEqualTo("unclassified");
    assertThat(s.reason(1)).isEqualTo("stale");
    assertThat(s.reason(0)).isEmpty();
    assertThat(s.counts()).containsExactly(Map.entry("high", 0L), Map.entry("low", 2L), Map.entry("unclassified", 1L));
    assertThat(s.rowsIn("low")).containsExactly(0, 2);
    assertThat(s.rowsIn("unclassified")).containsExactly(1);
    assertThat(s.rowsIn("high")).isEmpty();
    assertThat(s.toString()).isEqualTo("Segmentation[tiers, {high=0, low=2, unclassified=1}]")
        .doesNotContain("Erika");
    Segmentation all = Segmentation.of("t", p, List.of("a"), List.of(), new int[] {0, 0, 0});
    assertThat(all.counts()).containsExactly(Map.entry("a", 3L));
    assertThat(Segmentation.of("t", p, List.of(), List.of("r"), new int[] {-1, -1, -1}).segment(2))
        .isEqualTo("unclassified");
    assertThatThrownBy(() -> Segmentation.of("t", p, List.of("a"), List.of("r"), new int[] {0, 0}))
        .isInstanceOf(ValidationException.class).hasMessage("segmentation has 2 codes for a population of 3");
    assertThatThrownBy(() -> Segmentation.of("t", p, List.of("a"), List.of("r"), new int[] {0, 1, 0}))
        .isInstanceOf(ValidationException.class).hasMessage("segmentation code 1 at row 1 has no label or reason");
    assertThatThrownBy(() -> Segmentation.of("t", p, List.of("a"), List.of("r"), new int[] {0, 0, -2}))
        .isInstanceOf(ValidationException.class).hasMessage("segmentation code -2 at row 2 has no label or reason");
    assertThatThrownBy(() -> Segmentation.of("t", p, List.of("a", "a"), List.of(), new int[] {0, 0, 0}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segmentation labels must be unique and not 'unclassified': [a, a]");
    assertThatThrownBy(() -> Segmentation.of("t", p, List.of("unclassified"), List.of(), new int[] {0, 0, 0}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("segmentation labels must be unique and not 'unclassified': [unclassified]");
    int[] codes = {0, 0, 0};
    Segmentation copied = Segmentation.of("t", p, List.of("a", "b"), List.of(), codes);
    codes[0] = 1;
    assertThat(copied.segment(0)).isEqualTo("a");
  }

  @Test
  void storedRecordsCopyTheirBytesAndShowNoId() {
    byte[] state = {1, 2, 3};
    CustomerRecord r = new CustomerRecord(ID, 42, state);
    state[0] = 9;
    assertThat(r.state()).containsExactly(1, 2, 3);
    r.state()[1] = 9;
    assertThat(r.state()).containsExactly(1, 2, 3);
    assertThat(r).isEqualTo(new CustomerRecord(ID, 42, new byte[] {1, 2, 3}));
    assertThat(r.hashCode()).isEqualTo(new CustomerRecord(ID, 42, new byte[] {1, 2, 3}).hashCode());
    assertThat(r).isNotEqualTo(new CustomerRecord(ID, 43, new byte[] {1, 2, 3}));
    assertThat(r).isNotEqualTo(new CustomerRecord(CustomerId.of("other"), 42, new byte[] {1, 2, 3}));
    assertThat(r).isNotEqualTo(new CustomerRecord(ID, 42, new byte[] {1, 2, 4}));
    assertThat(r).isNotEqualTo("CustomerRecord");
    assertThat(r.hashCode()).isNotEqualTo(new CustomerRecord(ID, 42, new byte[] {1, 2, 4}).hashCode());
    assertThat(r.toString()).isEqualTo("CustomerRecord[" + ID.masked() + ", dueAt=42, 3 bytes]");
    assertThatThrownBy(() -> new CustomerRecord(ID, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("state of customer " + ID.masked() + " is empty");

    byte[] change = {5};
    HistoryEntry h = new HistoryEntry(0, change);
    change[0] = 6;
    assertThat(h.change()).containsExactly(5);
    h.change()[0] = 7;
    assertThat(h.change()).containsExactly(5);
    assertThat(h).isEqualTo(new HistoryEntry(0, new byte[] {5}));
    assertThat(h.hashCode()).isEqualTo(new HistoryEntry(0, new byte[] {5}).hashCode());
    assertThat(h).isNotEqualTo(new HistoryEntry(1, new byte[] {5}));
    assertThat(h).isNotEqualTo(new HistoryEntry(0, new byte[] {6}));
    assertThat(h).isNotEqualTo("HistoryEntry");
    assertThat(new HistoryEntry(1, new byte[] {5}).hashCode()).isNotEqualTo(h.hashCode());
    assertThat(new HistoryEntry(0, new byte[] {6}).hashCode()).isNotEqualTo(h.hashCode());
    assertThat(new HistoryEntry(2, new byte[] {5, 6}).toString()).isEqualTo("HistoryEntry[2, 2 bytes]");
    assertThatThrownBy(() -> new HistoryEntry(-1, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("history sequence -1 is negative");
    assertThatThrownBy(() -> new HistoryEntry(3, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("history entry 3 is empty");
  }

  @Test
  void theBuilderNeedsAModelACurrencyAndAnEngineImplementation() {
    LifecycleModel model = LifecycleModel.builder("m").stage("a", StageFamily.PROSPECT).stage("b", StageFamily.GROWTH)
        .initial("a").rule("r").from("a").to("b").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1)).build();
    assertThatThrownBy(() -> Clm.builder().currency("EUR").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("model is not set");
    assertThatThrownBy(() -> Clm.builder().model(model).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("currency is not set");
    assertThatThrownBy(() -> Clm.builder().model("banking-six-stage").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("currency is not set");
    assertThatThrownBy(() -> Clm.builder().model(model).model(model))
        .isInstanceOf(IllegalStateException.class).hasMessageEndingWith(" was already set");
    assertThatThrownBy(() -> Clm.builder().model(model).currency("EUR").build())
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessage("no clm engine implementation found: add io.clm:clm-core to the class path or module path");
    assertThatThrownBy(Clm::plugins)
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageStartingWith("no clm engine implementation found");
  }
}
